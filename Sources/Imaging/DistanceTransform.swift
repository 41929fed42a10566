/// Exact squared Euclidean distance transforms on anisotropic 2D grids.
///
/// The first pass finds, along each column, the distance to the nearest feature pixel with two
/// row-order sweeps (cache-friendly, no per-column gathering); the second pass runs the
/// lower-envelope-of-parabolas method of Felzenszwalb and Huttenlocher along each row. Both are
/// linear in the pixel count. Distances are in millimetres squared between pixel centres.
public enum DistanceTransform {
  /// The value for "no feature pixel anywhere".
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
    guard width > 0, height > 0 else { return }
    columnDistances(feature: feature, width: width, height: height, output: output)
    let sy = Float(spacingY)
    for p in 0..<(width * height) {
      let g = output[p]
      output[p] = g < infinity ? g * g * sy * sy : infinity
    }
    let base = output.baseAddress!  // non-empty: width and height are positive (guard above)
    var line = LineTransform(capacity: width)
    for y in 0..<height {
      line.transform(base + y * width, count: width, spacing: Float(spacingX))
    }
  }

  /// Pixel distance along y to the nearest feature in the same column (or `infinity`).
  private static func columnDistances(
    feature: UnsafeBufferPointer<UInt8>, width: Int, height: Int,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    for x in 0..<width { output[x] = feature[x] != 0 ? 0 : infinity }
    for y in 1..<max(height, 1) {
      let row = y * width
      for x in 0..<width {
        output[row + x] = feature[row + x] != 0 ? 0 : output[row - width + x] + 1
      }
    }
    for y in stride(from: height - 2, through: 0, by: -1) {
      let row = y * width
      for x in 0..<width {
        let below = output[row + width + x] + 1
        if below < output[row + x] { output[row + x] = below }
      }
    }
  }

  /// Work arrays for the 1D lower-envelope pass, reused along all rows of an image.
  struct LineTransform {
    private var f: [Float]
    private var v: [Int32]
    private var z: [Float]

    init(capacity: Int) {
      f = [Float](repeating: 0, count: capacity)
      v = [Int32](repeating: 0, count: capacity)
      z = [Float](repeating: 0, count: capacity + 1)
    }

    /// Replaces `data[0..<count]` (squared distances along the other axis) by the 2D result.
    mutating func transform(_ data: UnsafeMutablePointer<Float>, count: Int, spacing: Float) {
      f.withUnsafeMutableBufferPointer { f in
        v.withUnsafeMutableBufferPointer { v in
          z.withUnsafeMutableBufferPointer { z in
            LineTransform.run(data, count: count, s2: spacing * spacing, f: f, v: v, z: z)
          }
        }
      }
    }

    private static func run(
      _ data: UnsafeMutablePointer<Float>, count: Int, s2: Float,
      f: UnsafeMutableBufferPointer<Float>, v: UnsafeMutableBufferPointer<Int32>,
      z: UnsafeMutableBufferPointer<Float>
    ) {
      var k = -1
      for q in 0..<count {
        let fq = data[q]
        f[q] = fq
        guard fq < DistanceTransform.infinity else { continue }
        let hq = fq + Float(q * q) * s2
        var cross: Float = 0
        while k >= 0 {
          let p = Int(v[k])
          cross = (hq - (f[p] + Float(p * p) * s2)) / (2 * s2 * Float(q - p))
          if cross <= z[k] { k -= 1 } else { break }
        }
        k += 1
        v[k] = Int32(q)
        z[k] = k == 0 ? -DistanceTransform.infinity : cross
        z[k + 1] = DistanceTransform.infinity
      }
      guard k >= 0 else { return }
      var j = 0
      for q in 0..<count {
        while z[j + 1] < Float(q) { j += 1 }
        let p = Int(v[j])
        let d = Float(q - p)
        data[q] = d * d * s2 + f[p]
      }
    }
  }
}
