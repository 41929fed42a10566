import Imaging

/// Exact squared Euclidean distances (mm^2) on a small anisotropic 3-D block: for every voxel,
/// the distance to the nearest feature voxel, between voxel centres.
///
/// Each axial slice gets the 2-D transform of `DistanceTransform.squared2D`; a pass along z
/// then takes, per column, the lower envelope of the parabolas `f(k') + (dz * (k - k'))^2`, which
/// is linear in the column length. Used per lesion component (its bounding block), never on the
/// whole lung.
enum DistanceField3D {
  /// Squared distances (mm^2) to the nearest voxel where `feature` is non-zero;
  /// `DistanceTransform.infinity` everywhere when there is none.
  /// - Parameters:
  ///   - feature: `size.count` flags, x fastest then y then z.
  ///   - spacing: voxel pitch (mm) along x, y and z.
  static func squared(feature: [UInt8], size: GridSize, spacing: Vector3) -> [Float] {
    let plane = size.sliceCount
    var out = [Float](repeating: DistanceTransform.infinity, count: size.count)
    feature.withUnsafeBufferPointer { f in
      out.withUnsafeMutableBufferPointer { o in
        for k in 0..<size.nz {
          DistanceTransform.squared2D(
            feature: UnsafeBufferPointer(rebasing: f[(k * plane)..<((k + 1) * plane)]),
            width: size.nx, height: size.ny, spacingX: spacing.x, spacingY: spacing.y,
            output: UnsafeMutableBufferPointer(rebasing: o[(k * plane)..<((k + 1) * plane)]))
        }
      }
    }
    guard size.nz > 1 else { return out }
    var column = [Float](repeating: 0, count: size.nz)
    var envelope = LowerEnvelope(capacity: size.nz)
    for p in 0..<plane {
      for k in 0..<size.nz { column[k] = out[k * plane + p] }
      envelope.transform(&column, spacing: Float(spacing.z))
      for k in 0..<size.nz { out[k * plane + p] = column[k] }
    }
    return out
  }

  /// The 1-D squared distance transform of sampled values: g(q) = min over p of
  /// f(p) + (s (q - p))^2, by the lower envelope of the parabolas rooted at each finite sample.
  struct LowerEnvelope {
    private var roots: [Int]
    private var bounds: [Float]

    init(capacity: Int) {
      roots = [Int](repeating: 0, count: capacity)
      bounds = [Float](repeating: 0, count: capacity + 1)
    }

    mutating func transform(_ f: inout [Float], spacing s: Float) {
      let n = f.count
      let s2 = s * s
      var count = 0
      for q in 0..<n where f[q] < DistanceTransform.infinity {
        while count > 0 {
          let x = crossing(f, roots[count - 1], q, s2)
          if x > bounds[count - 1] { break }
          count -= 1
        }
        roots[count] = q
        bounds[count] = count == 0 ? -.infinity : crossing(f, roots[count - 1], q, s2)
        count += 1
      }
      guard count > 0 else { return }
      bounds[count] = .infinity
      let samples = f
      var v = 0
      for q in 0..<n {
        while bounds[v + 1] < Float(q) { v += 1 }
        let d = Float(q - roots[v])
        f[q] = samples[roots[v]] + s2 * d * d
      }
    }

    /// Where (in samples) the parabolas rooted at a and b (a < b) meet.
    private func crossing(_ f: [Float], _ a: Int, _ b: Int, _ s2: Float) -> Float {
      let fa = f[a] + s2 * Float(a * a)
      let fb = f[b] + s2 * Float(b * b)
      return (fb - fa) / (2 * s2 * Float(b - a))
    }
  }
}
