/// Which pixels of a 2D image lie within a disk of a given radius (mm) of a feature pixel, in
/// linear time whatever the radius.
///
/// Two steps: the vertical pixel distance `g` to the nearest feature in the same column (two
/// row-order sweeps, capped just beyond the radius), then, along each row, a forward and a
/// backward sweep that carry the farthest reach `x + halfWidth[g]` of the features seen so far,
/// where `halfWidth[g]` is the widest horizontal offset still inside the disk at vertical
/// offset `g`. A pixel is covered when some feature pixel (dx, dy) away has
/// `dx² sx² + dy² sy² <= r²`, evaluated in `Float` in the same order as `DistanceTransform`,
/// so thresholding that transform and this cover agree pixel for pixel.
struct DiskCover {
  let width: Int
  let height: Int
  let spacingX: Double
  let spacingY: Double
  /// Vertical pixel distance to the nearest feature, capped at `limit + 1`.
  private var column: [Int32]

  init(width: Int, height: Int, spacingX: Double, spacingY: Double) {
    self.width = width
    self.height = height
    self.spacingX = spacingX
    self.spacingY = spacingY
    column = [Int32](repeating: 0, count: width * height)
  }

  /// Half-widths (pixels) of the disk per vertical offset 0...limit; empty when even the
  /// centre pixel is farther than the radius (a negative radius).
  static func halfWidths(radiusMM: Double, spacingX: Double, spacingY: Double, height: Int)
    -> [Int32]
  {
    let r2 = Float(radiusMM * radiusMM)
    let sx = Float(spacingX)
    let sy = Float(spacingY)
    let s2 = sx * sx
    var widths: [Int32] = []
    var g: Float = 0
    while Int(g) <= height {
      let f = g * g * sy * sy
      guard f <= r2 else { break }
      var dx: Float = 0
      while (dx + 1) * (dx + 1) * s2 + f <= r2 { dx += 1 }
      widths.append(Int32(dx))
      g += 1
    }
    return widths
  }

  /// Writes 1 into `out` where a pixel of `window` is within `radiusMM` of a pixel of `window`
  /// where `isFeature` holds, 0 elsewhere in `window`; pixels outside it are neither read nor
  /// written. Offsets passed to `isFeature` and into `out` are whole-image ones. `out` may be
  /// the buffer `isFeature` reads: every pixel is read before any is written.
  mutating func cover(
    radiusMM: Double, window: PixelWindow, out: UnsafeMutableBufferPointer<UInt8>,
    isFeature: (Int) -> Bool
  ) {
    let widths = DiskCover.halfWidths(
      radiusMM: radiusMM, spacingX: spacingX, spacingY: spacingY, height: height)
    guard !widths.isEmpty else {
      for y in window.rows { for x in window.columns { out[y &* width &+ x] = 0 } }
      return
    }
    let far = Int32(widths.count)
    let imageWidth = width
    column.withUnsafeMutableBufferPointer { col in
      DiskCover.columnDistances(
        col, window: window, imageWidth: imageWidth, far: far, isFeature: isFeature)
      widths.withUnsafeBufferPointer { half in
        let w = window.columns.count
        for y in window.rows {
          let n = y - window.rows.lowerBound
          let local = UnsafeMutableBufferPointer(rebasing: col[(n * w)..<((n + 1) * w)])
          let first = y * imageWidth + window.columns.lowerBound
          let target = UnsafeMutableBufferPointer(rebasing: out[first..<(first + w)])
          DiskCover.sweepRow(local, half: half, far: far, out: target)
        }
      }
    }
  }

  /// Vertical pixel distance (capped at `far`) to the nearest feature in the same column of
  /// the window, stored window-row by window-row.
  private static func columnDistances(
    _ col: UnsafeMutableBufferPointer<Int32>, window: PixelWindow, imageWidth width: Int,
    far: Int32, isFeature: (Int) -> Bool
  ) {
    let w = window.columns.count
    let x0 = window.columns.lowerBound
    var previous = -1
    for (n, y) in window.rows.enumerated() {
      let row = n &* w
      let image = y &* width &+ x0
      for x in 0..<w {
        let above = previous < 0 ? far : min(col[previous &+ x] &+ 1, far)
        col[row &+ x] = isFeature(image &+ x) ? 0 : above
      }
      previous = row
    }
    for n in stride(from: window.rows.count - 2, through: 0, by: -1) {
      let row = n &* w
      for x in 0..<w {
        let below = col[row &+ w &+ x] &+ 1
        if below < col[row &+ x] { col[row &+ x] = below }
      }
    }
  }

  /// Marks the pixels of one row within reach of a feature, sweeping forwards then backwards.
  @inline(__always)
  private static func sweepRow(
    _ col: UnsafeMutableBufferPointer<Int32>, half: UnsafeBufferPointer<Int32>, far: Int32,
    out: UnsafeMutableBufferPointer<UInt8>
  ) {
    let w = col.count
    var reach = -1
    for x in 0..<w {
      let g = col[x]
      if g < far { reach = max(reach, x &+ Int(half[Int(g)])) }
      out[x] = reach >= x ? 1 : 0
    }
    reach = w
    var x = w &- 1
    while x >= 0 {
      let g = col[x]
      if g < far { reach = min(reach, x &- Int(half[Int(g)])) }
      if reach <= x { out[x] = 1 }
      x &-= 1
    }
  }
}
