/// Binary morphology on one 2D slice with disk-shaped structuring elements of a radius in mm.
///
/// Dilation and erosion use an exact Euclidean disk (`DiskCover`, which agrees with thresholding
/// `DistanceTransform`), so the disk is round on anisotropic pixels and the cost does not grow
/// with the radius. Masks are `UInt8`
/// flags (non-zero = set), `width * height`, x fastest. Pixels outside the image count as
/// background. One instance holds scratch memory: use one per thread.
public struct SliceMorphology {
  public let width: Int
  public let height: Int
  public let spacingX: Double
  public let spacingY: Double
  private var disk: DiskCover
  private var flags: [UInt8]
  private var stack: [Int32] = []

  /// - Parameters: width, height: pixels; spacingX, spacingY: pixel pitch (mm).
  public init(width: Int, height: Int, spacingX: Double, spacingY: Double) {
    self.width = width
    self.height = height
    self.spacingX = spacingX
    self.spacingY = spacingY
    disk = DiskCover(width: width, height: height, spacingX: spacingX, spacingY: spacingY)
    flags = [UInt8](repeating: 0, count: width * height)
  }

  /// Sets every pixel within `radiusMM` of a set pixel.
  public mutating func dilate(_ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double) {
    guard
      let set = PixelWindow.enclosing(
        flags: UnsafeBufferPointer(mask), width: width, height: height)
    else {
      return
    }
    let half = DiskCover.halfWidths(
      radiusMM: radiusMM, spacingX: spacingX, spacingY: spacingY, height: height)
    // Nothing beyond the disk's reach around the set pixels can change.
    let window = set.grown(
      dx: Int(half.first ?? 0), dy: half.count, width: width, height: height)
    disk.cover(radiusMM: radiusMM, window: window, out: mask) { mask[$0] != 0 }
  }

  /// Keeps only pixels farther than `radiusMM` from every background pixel; the image edge
  /// counts as background (the first pixel position beyond it).
  public mutating func erode(_ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double) {
    guard
      let set = PixelWindow.enclosing(
        flags: UnsafeBufferPointer(mask), width: width, height: height)
    else {
      return
    }
    // The ring of background around the set pixels holds a nearest background pixel of every
    // set pixel, so the disk need not look further.
    let window = set.grown(dx: 1, dy: 1, width: width, height: height)
    flags.withUnsafeMutableBufferPointer { near in
      for y in window.rows {
        for x in window.columns { near[y &* width &+ x] = mask[y &* width &+ x] }
      }
      disk.cover(radiusMM: radiusMM, window: window, out: near) { near[$0] == 0 }
      for y in window.rows {
        for x in window.columns where near[y &* width &+ x] != 0 { mask[y &* width &+ x] = 0 }
      }
    }
    clearBorderBands(mask, radiusMM: radiusMM)
  }

  /// Dilation then erosion: fills gaps and concavities narrower than about `2 * radiusMM`.
  public mutating func close(_ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double) {
    dilate(mask, radiusMM: radiusMM)
    erode(mask, radiusMM: radiusMM)
  }

  /// Erosion then dilation: removes parts thinner than about `2 * radiusMM`.
  public mutating func open(_ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double) {
    erode(mask, radiusMM: radiusMM)
    dilate(mask, radiusMM: radiusMM)
  }

  /// Sets every background pixel that cannot reach the image border through background pixels
  /// (4-connected), i.e. fills enclosed holes.
  public mutating func fillHoles(_ mask: UnsafeMutableBufferPointer<UInt8>) {
    fillHoles(mask, maxPixels: Int.max)
  }

  /// Fills enclosed holes of at most `maxAreaMM2`; larger enclosed regions stay background.
  public mutating func fillHoles(_ mask: UnsafeMutableBufferPointer<UInt8>, maxAreaMM2: Double) {
    fillHoles(mask, maxPixels: Int(maxAreaMM2 / (spacingX * spacingY)))
  }

  /// Fills the 4-connected background regions that touch no image edge and hold at most
  /// `maxPixels` pixels.
  private mutating func fillHoles(_ mask: UnsafeMutableBufferPointer<UInt8>, maxPixels: Int) {
    let n = width * height
    for p in 0..<n { flags[p] = mask[p] == 0 ? 1 : 0 }
    let holes = flags.withUnsafeBufferPointer {
      RunComponents(mask: $0, size: GridSize(width, height, 1))
    }
    var fill = [Bool](repeating: true, count: holes.count + 1)
    for c in 1..<(holes.count + 1) where holes.sizes[c] > maxPixels { fill[c] = false }
    for y in 0..<height {
      for r in Int(holes.rowFirst[y])..<Int(holes.rowFirst[y + 1]) {
        let edge = y == 0 || y == height - 1 || holes.start[r] == 0 || holes.end[r] == width
        if edge { fill[Int(holes.label[r])] = false }
      }
    }
    for y in 0..<height {
      for r in Int(holes.rowFirst[y])..<Int(holes.rowFirst[y + 1]) where fill[Int(holes.label[r])] {
        for x in Int(holes.start[r])..<Int(holes.end[r]) { mask[y * width + x] = 1 }
      }
    }
  }

  /// Flags (1) every pixel reachable from the image border through pixels where `passable` is
  /// true, 4-connected. The returned array is valid until the next call on this instance.
  public mutating func floodFromBorder(_ passable: (Int) -> Bool) -> [UInt8] {
    for p in 0..<(width * height) { flags[p] = 0 }
    stack.removeAll(keepingCapacity: true)
    for x in 0..<width {
      seed(x, passable)
      seed((height - 1) * width + x, passable)
    }
    for y in 0..<height {
      seed(y * width, passable)
      seed(y * width + width - 1, passable)
    }
    while let last = stack.popLast() {
      let p = Int(last)
      let x = p % width
      if x > 0 { seed(p - 1, passable) }
      if x < width - 1 { seed(p + 1, passable) }
      if p >= width { seed(p - width, passable) }
      if p < (height - 1) * width { seed(p + width, passable) }
    }
    return flags
  }

  @inline(__always)
  private mutating func seed(_ p: Int, _ passable: (Int) -> Bool) {
    guard flags[p] == 0, passable(p) else { return }
    flags[p] = 1
    stack.append(Int32(p))
  }

  /// Erosion treats the outside as background: a set pixel is cleared when the first pixel
  /// position beyond the nearest image edge is within `radiusMM`. Only the bands of that width
  /// along the edges can be affected, so only they are visited.
  private func clearBorderBands(_ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double) {
    let r2 = Float(radiusMM * radiusMM)
    let bandX = min(width, Int((radiusMM / spacingX).rounded(.up)) + 1)
    let bandY = min(height, Int((radiusMM / spacingY).rounded(.up)) + 1)
    for y in 0..<height {
      let nearRow = y < bandY || y >= height - bandY
      let columns: [Range<Int>] =
        nearRow ? [0..<width] : [0..<bandX, max(bandX, width - bandX)..<width]
      for range in columns {
        for x in range where mask[y * width + x] != 0 {
          let dx = Double(min(x + 1, width - x)) * spacingX
          let dy = Double(min(y + 1, height - y)) * spacingY
          let edge = Float(min(dx, dy) * min(dx, dy))
          if !(edge > r2) { mask[y * width + x] = 0 }
        }
      }
    }
  }
}
