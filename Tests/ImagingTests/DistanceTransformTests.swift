import Imaging
import Testing

/// The exact EDT against brute force, on anisotropic pixels.
struct DistanceTransformTests {
  @Test(
    "squared distances equal brute force on a random mask", arguments: [(1.0, 1.0), (0.7, 2.5)])
  func matchesBruteForce(sx: Double, sy: Double) {
    let w = 37
    let h = 23
    var state: UInt32 = 12345
    var feature = [UInt8](repeating: 0, count: w * h)
    for p in 0..<(w * h) {
      state = state &* 1_664_525 &+ 1_013_904_223
      feature[p] = state >> 28 == 0 ? 1 : 0
    }
    var out = [Float](repeating: 0, count: w * h)
    feature.withUnsafeBufferPointer { f in
      out.withUnsafeMutableBufferPointer {
        DistanceTransform.squared2D(
          feature: f, width: w, height: h, spacingX: sx, spacingY: sy, output: $0)
      }
    }
    var worst = 0.0
    for y in 0..<h {
      for x in 0..<w {
        var best = Double.infinity
        for q in 0..<(w * h) where feature[q] != 0 {
          let dx = Double(q % w - x) * sx
          let dy = Double(q / w - y) * sy
          best = min(best, dx * dx + dy * dy)
        }
        worst = max(worst, abs(Double(out[y * w + x]) - best))
      }
    }
    #expect(worst < 1e-3)
  }

  @Test("an image without features stays at infinity")
  func noFeature() {
    let feature = [UInt8](repeating: 0, count: 12)
    var out = [Float](repeating: 0, count: 12)
    feature.withUnsafeBufferPointer { f in
      out.withUnsafeMutableBufferPointer {
        DistanceTransform.squared2D(
          feature: f, width: 4, height: 3, spacingX: 1, spacingY: 1, output: $0)
      }
    }
    #expect(out.allSatisfy { $0 >= DistanceTransform.infinity })
  }
}
