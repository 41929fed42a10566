/// A windowed CT slice ready to draw, with lesion outlines in pixel coordinates.
///
/// Row 0 is the top of the picture. `pixelSpacingMM` gives the physical size of one pixel
/// (column, row), so the renderer can keep the true aspect ratio and draw a scale bar.
public struct Thumbnail: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable { case axial, coronal }

  public var kind: Kind
  public var widthPixels: Int
  public var heightPixels: Int
  /// Lung-window gray values, row by row.
  public var pixels: [UInt8]
  public var pixelWidthMM: Double
  public var pixelHeightMM: Double
  /// Patient direction letters at the left, right, top and bottom edges (e.g. R, L, A, P).
  public var leftLetter: String
  public var rightLetter: String
  public var topLetter: String
  public var bottomLetter: String
  /// Slice position along its normal in patient LPS mm (z for axial, y for coronal).
  public var slicePositionMM: Double
  /// Grid index of the slice.
  public var sliceIndex: Int
  public var outlines: [LesionOutline]

  public init(
    kind: Kind, widthPixels: Int, heightPixels: Int, pixels: [UInt8], pixelWidthMM: Double,
    pixelHeightMM: Double, letters: (left: String, right: String, top: String, bottom: String),
    slicePositionMM: Double, sliceIndex: Int, outlines: [LesionOutline]
  ) {
    self.kind = kind
    self.widthPixels = widthPixels
    self.heightPixels = heightPixels
    self.pixels = pixels
    self.pixelWidthMM = pixelWidthMM
    self.pixelHeightMM = pixelHeightMM
    self.leftLetter = letters.left
    self.rightLetter = letters.right
    self.topLetter = letters.top
    self.bottomLetter = letters.bottom
    self.slicePositionMM = slicePositionMM
    self.sliceIndex = sliceIndex
    self.outlines = outlines
  }

  /// Physical width and height of the whole picture in mm.
  public var extentMM: (width: Double, height: Double) {
    (Double(widthPixels) * pixelWidthMM, Double(heightPixels) * pixelHeightMM)
  }
}

/// The outline of one lesion on one thumbnail: closed polygons in pixel coordinates
/// (0,0 is the top-left corner of the top-left pixel), with the track that colours it.
public struct LesionOutline: Sendable, Codable, Equatable {
  public var lesionID: Int
  /// Track id (e.g. "T1"); nil when the lesion is not tracked.
  public var trackID: String?
  public var colorIndex: Int
  /// Each ring as flat x, y pairs.
  public var rings: [[Double]]

  public init(lesionID: Int, trackID: String?, colorIndex: Int, rings: [[Double]]) {
    self.lesionID = lesionID
    self.trackID = trackID
    self.colorIndex = colorIndex
    self.rings = rings
  }
}
