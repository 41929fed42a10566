/// Binary morphology on one 2D slice with disk-shaped structuring elements of a radius in mm.
///
/// Dilation and erosion are thresholds of an exact Euclidean distance transform, so the disk is
/// round on anisotropic pixels and the cost does not grow with the radius. Masks are `UInt8`
/// flags (non-zero = set), `width * height`, x fastest. Pixels outside the image count as
/// background. One instance holds scratch memory: use one per thread.
public struct SliceMorphology {
  public let width: Int
  public let height: Int
  public let spacingX: Double
  public let spacingY: Double
  private var distance: [Float]
  private var flags: [UInt8]
  private var stack: [Int32] = []

  /// - Parameters: width, height: pixels; spacingX, spacingY: pixel pitch (mm).
  public init(width: Int, height: Int, spacingX: Double, spacingY: Double) {
    self.width = width
    self.height = height
    self.spacingX = spacingX
    self.spacingY = spacingY
    distance = [Float](repeating: 0, count: width * height)
    flags = [UInt8](repeating: 0, count: width * height)
  }

  /// Sets every pixel within `radiusMM` of a set pixel.
  public mutating func dilate(_ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double) {
    computeDistance(to: mask, invert: false)
    let r2 = Float(radiusMM * radiusMM)
    for p in 0..<(width * height) { mask[p] = distance[p] <= r2 ? 1 : 0 }
  }

  /// Keeps only pixels farther than `radiusMM` from every background pixel.
  public mutating func erode(_ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double) {
    computeDistance(to: mask, invert: true, radiusMM: radiusMM)
    let r2 = Float(radiusMM * radiusMM)
    for p in 0..<(width * height) where mask[p] != 0 { mask[p] = distance[p] > r2 ? 1 : 0 }
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
    let outside = floodFromBorder { mask[$0] == 0 }
    for p in 0..<(width * height) where outside[p] == 0 { mask[p] = 1 }
  }

  /// Fills enclosed holes of at most `maxAreaMM2`; larger enclosed regions stay background.
  public mutating func fillHoles(_ mask: UnsafeMutableBufferPointer<UInt8>, maxAreaMM2: Double) {
    let maxPixels = Int(maxAreaMM2 / (spacingX * spacingY))
    var visited = floodFromBorder { mask[$0] == 0 }
    var region: [Int32] = []
    for start in 0..<(width * height) where visited[start] == 0 && mask[start] == 0 {
      region.removeAll(keepingCapacity: true)
      visited[start] = 1
      region.append(Int32(start))
      var next = 0
      while next < region.count {
        let p = Int(region[next])
        next += 1
        let x = p % width
        for (ok, q) in [
          (x > 0, p - 1), (x < width - 1, p + 1), (p >= width, p - width),
          (p < (height - 1) * width, p + width),
        ]
        where ok && visited[q] == 0 && mask[q] == 0 {
          visited[q] = 1
          region.append(Int32(q))
        }
      }
      if region.count <= maxPixels { for p in region { mask[Int(p)] = 1 } }
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

  /// Fills `distance` with the squared distance to the nearest set (or, inverted, unset) pixel;
  /// with `invert`, the image border counts as unset.
  private mutating func computeDistance(
    to mask: UnsafeMutableBufferPointer<UInt8>, invert: Bool, radiusMM: Double = 0
  ) {
    let w = width
    let h = height
    for p in 0..<(w * h) {
      let set = mask[p] != 0
      flags[p] = (set != invert) ? 1 : 0
    }
    flags.withUnsafeBufferPointer { f in
      distance.withUnsafeMutableBufferPointer { d in
        DistanceTransform.squared2D(
          feature: f, width: w, height: h, spacingX: spacingX, spacingY: spacingY, output: d)
      }
    }
    if invert { addBorderMargin(mask, radiusMM: radiusMM) }
  }

  /// Erosion treats the outside as background: a set pixel is never farther from the
  /// background than from the first pixel position beyond the image edge.
  /// Only pixels closer than `radiusMM` to the edge can change an erosion's outcome, so only
  /// the bands of that width along the edges are visited.
  private mutating func addBorderMargin(
    _ mask: UnsafeMutableBufferPointer<UInt8>, radiusMM: Double
  ) {
    let bandX = min(width, Int((radiusMM / spacingX).rounded(.up)) + 1)
    let bandY = min(height, Int((radiusMM / spacingY).rounded(.up)) + 1)
    for y in 0..<height {
      let nearRow = y < bandY || y >= height - bandY
      let columns: [Range<Int>] =
        nearRow ? [0..<width] : [0..<bandX, max(bandX, width - bandX)..<width]
      for range in columns {
        for x in range where mask[y * width + x] != 0 {
          let p = y * width + x
          let dx = Double(min(x + 1, width - x)) * spacingX
          let dy = Double(min(y + 1, height - y)) * spacingY
          let edge = Float(min(dx, dy) * min(dx, dy))
          if edge < distance[p] { distance[p] = edge }
        }
      }
    }
  }
}
