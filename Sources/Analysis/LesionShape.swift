/// In-plane diameters of a lesion's cross-section on one axial slice.
///
/// The longest diameter is the largest distance between pixel centres of the cross-section
/// (found on its convex hull) plus the pixel's own extent along that direction, so a rasterised
/// disk measures its true diameter within about one pixel. The perpendicular diameter is the
/// cross-section's extent at right angles to it, measured the same way (RECIST-style pair).
struct LesionShape {
  var longestMM: Double
  var perpendicularMM: Double

  /// - Parameters: points: in-plane pixel centres (mm) in an orthonormal frame of the slice;
  ///   spacingX, spacingY: pixel pitch (mm) along that frame's axes.
  init(points: [(Double, Double)], spacingX: Double, spacingY: Double) {
    let hull = LesionShape.convexHull(points)
    var best = (d2: -1.0, ux: 1.0, uy: 0.0)
    for a in 0..<hull.count {
      for b in a..<hull.count {
        let dx = hull[b].0 - hull[a].0
        let dy = hull[b].1 - hull[a].1
        let d2 = dx * dx + dy * dy
        if d2 > best.d2 {
          let d = d2.squareRoot()
          best = d > 0 ? (d2, dx / d, dy / d) : (d2, 1, 0)
        }
      }
    }
    let (ux, uy) = (best.ux, best.uy)
    longestMM = max(best.d2, 0).squareRoot() + abs(ux) * spacingX + abs(uy) * spacingY
    let across = hull.map { -uy * $0.0 + ux * $0.1 }
    let width = (across.max() ?? 0) - (across.min() ?? 0)
    perpendicularMM = width + abs(uy) * spacingX + abs(ux) * spacingY
  }

  /// Andrew's monotone chain; collinear points are dropped, the order is counter-clockwise.
  static func convexHull(_ points: [(Double, Double)]) -> [(Double, Double)] {
    let sorted = points.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    guard sorted.count > 2 else { return sorted }
    func cross(_ o: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
      (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    }
    var lower: [(Double, Double)] = []
    for p in sorted {
      while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 {
        lower.removeLast()
      }
      lower.append(p)
    }
    var upper: [(Double, Double)] = []
    for p in sorted.reversed() {
      while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 {
        upper.removeLast()
      }
      upper.append(p)
    }
    return Array(lower.dropLast()) + Array(upper.dropLast())
  }
}
