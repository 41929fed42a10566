import Foundation

/// A thumbnail as a small JSON file (`ctcase.thumbnail/1`) with its pixels in base64, so a
/// case library keeps each case's key slice beside its summary and the catalogue can draw it
/// without re-running the analysis.
public struct ThumbnailFile: Codable, Equatable {
  /// The schema tag every thumbnail file carries.
  public static let currentSchema = "ctcase.thumbnail/1"

  /// `currentSchema` for files this version writes.
  public var schema: String
  /// The picture, outlines in its own pixel coordinates.
  public var thumbnail: Thumbnail

  /// A file holding `thumbnail` under the current schema.
  public init(_ thumbnail: Thumbnail) {
    self.schema = Self.currentSchema
    self.thumbnail = thumbnail
  }

  enum CodingKeys: String, CodingKey {
    case schema, kind, width, height, pixels, outlines
    case pixelWidthMM = "pixel_width_mm"
    case pixelHeightMM = "pixel_height_mm"
    case letters
    case slicePositionMM = "slice_position_mm"
    case sliceIndex = "slice_index"
  }

  /// Writes the fields named in `CodingKeys`, pixels as one base64 string.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let t = thumbnail
    try c.encode(schema, forKey: .schema)
    try c.encode(t.kind, forKey: .kind)
    try c.encode(t.widthPixels, forKey: .width)
    try c.encode(t.heightPixels, forKey: .height)
    try c.encode(Data(t.pixels).base64EncodedString(), forKey: .pixels)
    try c.encode(t.pixelWidthMM, forKey: .pixelWidthMM)
    try c.encode(t.pixelHeightMM, forKey: .pixelHeightMM)
    try c.encode([t.leftLetter, t.rightLetter, t.topLetter, t.bottomLetter], forKey: .letters)
    try c.encode(t.slicePositionMM, forKey: .slicePositionMM)
    try c.encode(t.sliceIndex, forKey: .sliceIndex)
    try c.encode(t.outlines, forKey: .outlines)
  }

  /// - Throws: `DecodingError` for a missing field, another schema, bad base64 or a pixel
  ///   count that does not match the size.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schema = try c.decode(String.self, forKey: .schema)
    guard schema == Self.currentSchema else {
      throw DecodingError.dataCorruptedError(
        forKey: .schema, in: c, debugDescription: "expected \(Self.currentSchema)")
    }
    let width = try c.decode(Int.self, forKey: .width)
    let height = try c.decode(Int.self, forKey: .height)
    guard let data = Data(base64Encoded: try c.decode(String.self, forKey: .pixels)),
      width > 0, height > 0, data.count == width * height
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .pixels, in: c, debugDescription: "not \(width) x \(height) base64 pixels")
    }
    let letters = try c.decode([String].self, forKey: .letters)
    guard letters.count == 4 else {
      throw DecodingError.dataCorruptedError(
        forKey: .letters, in: c, debugDescription: "expected 4 letters")
    }
    thumbnail = Thumbnail(
      kind: try c.decode(Thumbnail.Kind.self, forKey: .kind), widthPixels: width,
      heightPixels: height, pixels: [UInt8](data),
      pixelWidthMM: try c.decode(Double.self, forKey: .pixelWidthMM),
      pixelHeightMM: try c.decode(Double.self, forKey: .pixelHeightMM),
      letters: (letters[0], letters[1], letters[2], letters[3]),
      slicePositionMM: try c.decode(Double.self, forKey: .slicePositionMM),
      sliceIndex: try c.decode(Int.self, forKey: .sliceIndex),
      outlines: try c.decode([LesionOutline].self, forKey: .outlines))
  }
}
