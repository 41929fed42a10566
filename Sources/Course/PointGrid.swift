import Imaging

/// A uniform hash grid over a point set for nearest-neighbour queries within a radius.
struct PointGrid {
  let cellMM: Double
  let points: [Vector3]
  private var cells: [SIMD3<Int>: [Int]] = [:]

  init(points: [Vector3], cellMM: Double) {
    self.cellMM = cellMM
    self.points = points
    for (index, p) in points.enumerated() { cells[key(p), default: []].append(index) }
  }

  private func key(_ p: Vector3) -> SIMD3<Int> {
    SIMD3(
      Int((p.x / cellMM).rounded(.down)), Int((p.y / cellMM).rounded(.down)),
      Int((p.z / cellMM).rounded(.down)))
  }

  /// The nearest stored point within the 27 cells around `p`, with its distance (mm); nil when
  /// those cells are empty. Exact whenever the true nearest point is within `cellMM`.
  /// Ties go to the lower index, so the answer never depends on hashing order.
  func nearest(to p: Vector3) -> (index: Int, distanceMM: Double)? {
    let c = key(p)
    var best: (index: Int, d2: Double)?
    for dz in -1...1 {
      for dy in -1...1 {
        for dx in -1...1 {
          guard let list = cells[c &+ SIMD3(dx, dy, dz)] else { continue }
          for i in list {
            let d = points[i] - p
            let d2 = d.dot(d)
            if best == nil || d2 < best!.d2 || (d2 == best!.d2 && i < best!.index) {
              best = (i, d2)
            }
          }
        }
      }
    }
    return best.map { ($0.index, $0.d2.squareRoot()) }
  }
}
