/// A rectangle of pixels of a 2D image: the part of a slice an operation works on.
public struct PixelWindow: Sendable, Equatable {
  /// x range (pixels).
  public var columns: Range<Int>
  /// y range (pixels).
  public var rows: Range<Int>

  public init(columns: Range<Int>, rows: Range<Int>) {
    self.columns = columns
    self.rows = rows
  }

  /// The smallest window holding both.
  public func union(_ other: PixelWindow) -> PixelWindow {
    PixelWindow(
      columns: min(
        columns.lowerBound, other.columns.lowerBound)..<max(
          columns.upperBound, other.columns.upperBound),
      rows: min(
        rows.lowerBound, other.rows.lowerBound)..<max(
          rows.upperBound, other.rows.upperBound))
  }

  /// The window around every pixel where `set` holds in a `width * height` image, or nil.
  public static func enclosing(width: Int, height: Int, _ set: (Int) -> Bool) -> PixelWindow? {
    var (x0, x1, y0, y1) = (width, -1, height, -1)
    for y in 0..<height {
      let row = y &* width
      var first = -1
      var last = -1
      for x in 0..<width where set(row &+ x) {
        if first < 0 { first = x }
        last = x
      }
      guard first >= 0 else { continue }
      x0 = min(x0, first)
      x1 = max(x1, last)
      if y0 == height { y0 = y }
      y1 = y
    }
    return x1 < 0 ? nil : PixelWindow(columns: x0..<(x1 + 1), rows: y0..<(y1 + 1))
  }

  /// The window grown by `dx` columns and `dy` rows, clipped to the image.
  public func grown(dx: Int, dy: Int, width: Int, height: Int) -> PixelWindow {
    PixelWindow(
      columns: max(0, columns.lowerBound - dx)..<min(width, columns.upperBound + dx),
      rows: max(0, rows.lowerBound - dy)..<min(height, rows.upperBound + dy))
  }
}
