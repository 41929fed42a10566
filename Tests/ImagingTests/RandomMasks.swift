import Imaging

/// Reproducible random binary masks and brute-force references for the fast primitives.
struct RandomMasks {
  /// A small linear congruential generator: the same masks on every run and platform.
  struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }

    /// True with probability `share`.
    mutating func chance(_ share: Double) -> Bool {
      Double(next() % 1_000_000) < share * 1_000_000
    }
  }

  /// A mask with about `density` of its voxels set, in blobs when `blobby` (each voxel copies a
  /// neighbour's value most of the time), else independently.
  static func mask(_ size: GridSize, density: Double, seed: UInt64, blobby: Bool) -> [UInt8] {
    var rng = Generator(state: seed)
    var m = [UInt8](repeating: 0, count: size.count)
    for p in 0..<size.count {
      if blobby, p > 0, rng.chance(0.7) {
        let back = p >= size.nx && rng.chance(0.5) ? p - size.nx : p - 1
        m[p] = m[back]
      } else {
        m[p] = rng.chance(density) ? 1 : 0
      }
    }
    return m
  }

  /// 6-connected components by breadth-first search, numbered in raster order of their first
  /// voxel: the reference for `ConnectedComponents` and `RunComponents`.
  static func labelByFlood(_ mask: [UInt8], size: GridSize) -> [Int32] {
    var labels = [Int32](repeating: 0, count: size.count)
    var next: Int32 = 0
    var queue: [Int] = []
    for seed in 0..<size.count where mask[seed] != 0 && labels[seed] == 0 {
      next += 1
      labels[seed] = next
      queue = [seed]
      var head = 0
      while head < queue.count {
        let p = queue[head]
        head += 1
        let (i, j, k) = (p % size.nx, (p / size.nx) % size.ny, p / size.sliceCount)
        let steps = [
          (i > 0, -1), (i < size.nx - 1, 1), (j > 0, -size.nx), (j < size.ny - 1, size.nx),
          (k > 0, -size.sliceCount), (k < size.nz - 1, size.sliceCount),
        ]
        for (ok, d) in steps where ok && mask[p + d] != 0 && labels[p + d] == 0 {
          labels[p + d] = next
          queue.append(p + d)
        }
      }
    }
    return labels
  }

  /// Whether pixel (x, y) lies within `radiusMM` of a pixel where `feature` holds, by trying
  /// every pixel, with the squared distance evaluated as `DistanceTransform` does in `Float`.
  static func nearFeature(
    _ x: Int, _ y: Int, width: Int, height: Int, spacing: (Double, Double), radiusMM: Double,
    _ feature: (Int) -> Bool
  ) -> Bool {
    let r2 = Float(radiusMM * radiusMM)
    let s2 = Float(spacing.0) * Float(spacing.0)
    let sy = Float(spacing.1)
    for v in 0..<height {
      let g = Float(abs(v - y))
      let column = g * g * sy * sy
      for u in 0..<width where feature(v * width + u) {
        let d = Float(abs(u - x))
        if d * d * s2 + column <= r2 { return true }
      }
    }
    return false
  }
}
