/// Exact squared Euclidean distance transforms on anisotropic grids.
///
/// Uses the lower-envelope-of-parabolas method of Felzenszwalb and Huttenlocher (separable, one
/// 1D pass per axis, linear time). Distances are in millimetres squared, measured between voxel
/// centres with the given spacing.
public enum DistanceTransform {
  /// The value used for "no feature anywhere on this line" before the next pass.
  public static let infinity: Float = 1e30

  /// Squared distance (mm^2) from every pixel of a 2D image to the nearest pixel where
  /// `feature` is non-zero; the whole image is `infinity` when there is no feature pixel.
  ///
  /// - Parameters:
  ///   - feature: `width * height` flags, x fastest.
  ///   - output: receives the squared distances; same layout and count.
  ///   - spacingX, spacingY: pixel pitch along x and y (mm).
  public static func squared2D(
    feature: UnsafeBufferPointer<UInt8>, width: Int, height: Int, spacingX: Double,
    spacingY: Double, output: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(feature.count >= width * height && output.count >= width * height)
    for p in 0..<(width * height) { output[p] = feature[p] != 0 ? 0 : infinity }
    var scratch = Scratch(capacity: max(width, height))
    for x in 0..<width {
      scratch.transform(output, start: x, stride: width, count: height, spacing: Float(spacingY))
    }
    for y in 0..<height {
      scratch.transform(output, start: y * width, stride: 1, count: width, spacing: Float(spacingX))
    }
  }

  /// Work arrays for one 1D pass, reused along all lines of an image.
  struct Scratch {
    var f: [Float]
    var v: [Int]
    var z: [Float]

    init(capacity: Int) {
      f = [Float](repeating: 0, count: capacity)
      v = [Int](repeating: 0, count: capacity)
      z = [Float](repeating: 0, count: capacity + 1)
    }

    /// Replaces the line `data[start + i * stride]` by its 1D squared distance transform.
    mutating func transform(
      _ data: UnsafeMutableBufferPointer<Float>, start: Int, stride: Int, count: Int,
      spacing: Float
    ) {
      for i in 0..<count { f[i] = data[start + i * stride] }
      let s2 = spacing * spacing
      var k = -1

      // Build the lower envelope of parabolas rooted at the finite samples.
      for q in 0..<count where f[q] < DistanceTransform.infinity {
        let fq = f[q] + Float(q * q) * s2
        while k >= 0 {
          let p = v[k]
          let cross = (fq - (f[p] + Float(p * p) * s2)) / (2 * s2 * Float(q - p))
          if cross <= z[k] { k -= 1 } else { break }
        }
        k += 1
        v[k] = q
        z[k] = k == 0 ? -DistanceTransform.infinity : crossing(v[k - 1], q, s2)
        z[k + 1] = DistanceTransform.infinity
      }
      guard k >= 0 else { return }

      var j = 0
      for q in 0..<count {
        while z[j + 1] < Float(q) { j += 1 }
        let d = Float(q - v[j])
        data[start + q * stride] = d * d * s2 + f[v[j]]
      }
    }

    private func crossing(_ p: Int, _ q: Int, _ s2: Float) -> Float {
      ((f[q] + Float(q * q) * s2) - (f[p] + Float(p * p) * s2)) / (2 * s2 * Float(q - p))
    }
  }
}
