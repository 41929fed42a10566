/// How a run of text looks. Sizes are in PDF points; the family comes from the renderer's
/// private font set (Noto Sans, with Noto Sans CJK SC for Chinese).
public struct TextStyle: Sendable, Equatable {
  public enum Alignment: Sendable { case left, center, right }

  public var sizePT: Double
  public var bold: Bool
  public var color: RGBColor
  public var alignment: Alignment

  public init(
    sizePT: Double, bold: Bool = false, color: RGBColor = .black,
    alignment: Alignment = .left
  ) {
    self.sizePT = sizePT
    self.bold = bold
    self.color = color
    self.alignment = alignment
  }

  /// The same style with another colour, weight or alignment.
  public func with(
    color: RGBColor? = nil, bold: Bool? = nil, alignment: Alignment? = nil, sizePT: Double? = nil
  ) -> TextStyle {
    TextStyle(
      sizePT: sizePT ?? self.sizePT, bold: bold ?? self.bold,
      color: color ?? self.color, alignment: alignment ?? self.alignment)
  }
}

/// Text placed in a box. `origin` is the top-left of the text box; with a `width` the text
/// wraps (or is cut with an ellipsis when `singleLine`) and `alignment` applies inside it.
public struct TextRun: Sendable, Equatable {
  public var text: String
  public var origin: LayoutPoint
  public var width: Double?
  public var style: TextStyle
  public var singleLine: Bool
  /// Rotation in degrees, counter-clockwise, about `origin` (for vertical axis titles).
  public var rotationDegrees: Double

  public init(
    _ text: String, at origin: LayoutPoint, width: Double? = nil, style: TextStyle,
    singleLine: Bool = false, rotationDegrees: Double = 0
  ) {
    self.text = text
    self.origin = origin
    self.width = width
    self.style = style
    self.singleLine = singleLine
    self.rotationDegrees = rotationDegrees
  }
}

/// Line width, colour and dash pattern (dash lengths in points; empty is solid).
public struct StrokeStyle: Sendable, Equatable {
  public var color: RGBColor
  public var widthPT: Double
  public var dashPT: [Double]

  public init(color: RGBColor, widthPT: Double, dashPT: [Double] = []) {
    self.color = color
    self.widthPT = widthPT
    self.dashPT = dashPT
  }
}

/// A polyline or polygon, stroked and/or filled.
public struct PathShape: Sendable, Equatable {
  public var points: [LayoutPoint]
  public var closed: Bool
  public var stroke: StrokeStyle?
  public var fill: RGBColor?

  public init(
    _ points: [LayoutPoint], closed: Bool = false, stroke: StrokeStyle? = nil,
    fill: RGBColor? = nil
  ) {
    self.points = points
    self.closed = closed
    self.stroke = stroke
    self.fill = fill
  }
}

/// A data marker; the shape carries meaning in grayscale print, not only the colour.
public struct MarkerShape: Sendable, Equatable {
  public enum Kind: Int, Sendable, CaseIterable {
    case circle, square, triangle, diamond, invertedTriangle, cross
  }

  public var kind: Kind
  public var center: LayoutPoint
  public var sizePT: Double
  public var stroke: StrokeStyle
  public var fill: RGBColor?

  public init(
    _ kind: Kind, at center: LayoutPoint, sizePT: Double, stroke: StrokeStyle, fill: RGBColor?
  ) {
    self.kind = kind
    self.center = center
    self.sizePT = sizePT
    self.stroke = stroke
    self.fill = fill
  }
}

/// An 8-bit grayscale raster drawn into `rect` (stretched to it; pixel aspect is the caller's
/// business). Row 0 is the top row.
public struct GrayImage: Sendable, Equatable {
  public var widthPixels: Int
  public var heightPixels: Int
  public var pixels: [UInt8]
  public var rect: LayoutRect

  /// - Precondition: `pixels.count == widthPixels * heightPixels`.
  public init(widthPixels: Int, heightPixels: Int, pixels: [UInt8], rect: LayoutRect) {
    precondition(pixels.count == widthPixels * heightPixels, "GrayImage: pixel count mismatch")
    self.widthPixels = widthPixels
    self.heightPixels = heightPixels
    self.pixels = pixels
    self.rect = rect
  }
}

/// One thing drawn on a page or figure.
public enum LayoutElement: Sendable, Equatable {
  case text(TextRun)
  case path(PathShape)
  case rect(LayoutRect, fill: RGBColor?, stroke: StrokeStyle?)
  case marker(MarkerShape)
  case image(GrayImage)
  /// A clickable area that jumps to a page (0-based) of the same document.
  case link(LayoutRect, page: Int)
  /// Elements clipped to a rectangle (thumbnail outlines stay inside their image).
  case clipped(LayoutRect, [LayoutElement])
}
