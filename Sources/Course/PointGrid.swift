import Imaging

/// A uniform grid over a point set for nearest-neighbour queries within a radius.
///
/// The cells are a dense array over the points' bounding box, each cell's point indices kept
/// together in index order: alignment asks for the nearest point thousands of times per
/// iteration, and the 27 dictionary look-ups per query of a hashed grid were most of its time.
struct PointGrid {
  let cellMM: Double
  let points: [Vector3]
  /// The smallest cell key and the number of cells along each axis.
  private let lowKey: SIMD3<Int>
  private let cellCounts: SIMD3<Int>
  /// The points of cell `c` (flat index) are `members[cellStart[c]..<cellStart[c + 1]]`.
  private let cellStart: [Int]
  private let members: [Int]

  init(points: [Vector3], cellMM: Double) {
    self.cellMM = cellMM
    self.points = points
    let keys = points.map { Self.key($0, cellMM: cellMM) }
    guard let first = keys.first else {
      (lowKey, cellCounts, cellStart, members) = (.zero, .zero, [0], [])
      return
    }

    var (low, high) = (first, first)
    for k in keys {
      low = pointwiseMin(low, k)
      high = pointwiseMax(high, k)
    }
    let counts = high &- low &+ 1
    let flat = keys.map { Self.flatIndex($0 &- low, counts: counts) }

    // Counting sort by cell; points are visited in index order, so each cell lists its
    // points in index order.
    var start = [Int](repeating: 0, count: counts.x * counts.y * counts.z + 1)
    for f in flat { start[f + 1] += 1 }
    for c in 0..<(start.count - 1) { start[c + 1] += start[c] }
    var next = start
    var members = [Int](repeating: 0, count: points.count)
    for (index, f) in flat.enumerated() {
      members[next[f]] = index
      next[f] += 1
    }
    (lowKey, cellCounts, cellStart, self.members) = (low, counts, start, members)
  }

  private static func key(_ p: Vector3, cellMM: Double) -> SIMD3<Int> {
    SIMD3(
      Int((p.x / cellMM).rounded(.down)), Int((p.y / cellMM).rounded(.down)),
      Int((p.z / cellMM).rounded(.down)))
  }

  private static func flatIndex(_ q: SIMD3<Int>, counts: SIMD3<Int>) -> Int {
    (q.z * counts.y + q.y) * counts.x + q.x
  }

  /// The nearest stored point within the 27 cells around `p`, with its distance (mm); nil when
  /// those cells are empty. Exact whenever the true nearest point is within `cellMM`.
  /// Ties go to the lower index, so the answer never depends on the order cells are visited.
  func nearest(to p: Vector3) -> (index: Int, distanceMM: Double)? {
    let c = Self.key(p, cellMM: cellMM) &- lowKey
    var best: (index: Int, d2: Double)?
    for dz in -1...1 {
      for dy in -1...1 {
        for dx in -1...1 {
          let q = c &+ SIMD3(dx, dy, dz)
          guard q.x >= 0, q.y >= 0, q.z >= 0, q.x < cellCounts.x, q.y < cellCounts.y,
            q.z < cellCounts.z
          else { continue }
          let f = Self.flatIndex(q, counts: cellCounts)
          for m in cellStart[f]..<cellStart[f + 1] {
            let i = members[m]
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
