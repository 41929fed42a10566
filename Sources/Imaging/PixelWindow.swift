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

  /// The window around every non-zero pixel of `flags` (`width * height`, x fastest), or nil.
  /// Each row is searched from both ends, eight zero bytes at a time, so a row costs one test
  /// per pixel only up to its first and from its last set pixel.
  public static func enclosing(flags: UnsafeBufferPointer<UInt8>, width: Int, height: Int)
    -> PixelWindow?
  {
    precondition(flags.count >= width * height, "PixelWindow: flags smaller than the image")
    guard let base = flags.baseAddress, width > 0 else { return nil }
    var (x0, x1, y0, y1) = (width, -1, height, -1)
    for y in 0..<height {
      let row = base + y &* width
      guard let first = firstSet(row, width) else { continue }
      let last = lastSet(row, from: width &- 1, downTo: first)
      x0 = min(x0, first)
      x1 = max(x1, last)
      if y0 == height { y0 = y }
      y1 = y
    }
    return x1 < 0 ? nil : PixelWindow(columns: x0..<(x1 + 1), rows: y0..<(y1 + 1))
  }

  @inline(__always)
  private static func firstSet(_ row: UnsafePointer<UInt8>, _ width: Int) -> Int? {
    var x = 0
    while x &+ 8 <= width, UnsafeRawPointer(row + x).loadUnaligned(as: UInt64.self) == 0 {
      x &+= 8
    }
    while x < width, row[x] == 0 { x &+= 1 }
    return x < width ? x : nil
  }

  /// The last set pixel at or before `start`; `first` (a set pixel) bounds the search.
  @inline(__always)
  private static func lastSet(_ row: UnsafePointer<UInt8>, from start: Int, downTo first: Int)
    -> Int
  {
    var x = start
    while x &- 8 >= first, UnsafeRawPointer(row + (x &- 7)).loadUnaligned(as: UInt64.self) == 0 {
      x &-= 8
    }
    while row[x] == 0 { x &-= 1 }
    return x
  }

  /// The window grown by `dx` columns and `dy` rows, clipped to the image.
  public func grown(dx: Int, dy: Int, width: Int, height: Int) -> PixelWindow {
    PixelWindow(
      columns: max(0, columns.lowerBound - dx)..<min(width, columns.upperBound + dx),
      rows: max(0, rows.lowerBound - dy)..<min(height, rows.upperBound + dy))
  }
}
