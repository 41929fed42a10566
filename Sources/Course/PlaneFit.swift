import Foundation
import Imaging

/// One linearised point-to-plane step of rigid ICP.
///
/// For moved points `a`, partners `q` with unit normals `n`, it finds the small rotation `w`
/// (radians, axis-angle) and shift `t` (mm) minimising sum ((a + w x a + t - q) . n)^2, and
/// returns them as an exact rigid motion (Rodrigues). Point-to-plane lets surfaces slide along
/// each other, so smooth lung surfaces converge in a few steps where point-to-point stalls.
enum PlaneFit {
  /// Relative damping added to the normal equations so flat directions stay solvable.
  private static let damping = 1e-9

  static func step(moved: [Vector3], targets: [Vector3], normals: [Vector3]) -> RigidTransform {
    var ata = [[Double]](repeating: [Double](repeating: 0, count: 6), count: 6)
    var atb = [Double](repeating: 0, count: 6)
    for ((a, q), n) in zip(zip(moved, targets), normals) {
      let c = a.cross(n)
      let row = [c.x, c.y, c.z, n.x, n.y, n.z]
      let r = (a - q).dot(n)
      for i in 0..<6 {
        atb[i] -= row[i] * r
        for j in 0..<6 { ata[i][j] += row[i] * row[j] }
      }
    }
    let trace = (0..<6).reduce(0) { $0 + ata[$1][$1] }
    for i in 0..<6 { ata[i][i] += damping * max(trace, 1) }
    let x = solve(ata, atb)
    return RigidTransform(
      rotation: rodrigues(Vector3(x[0], x[1], x[2])), translationMM: Vector3(x[3], x[4], x[5]))
  }

  /// The rotation by `w` radians about `w`'s direction.
  static func rodrigues(_ w: Vector3) -> Matrix3 {
    let angle = w.length
    guard angle > 0 else { return .identity }
    let k = w / angle
    let (c, s) = (cos(angle), sin(angle))
    func column(_ e: Vector3) -> Vector3 {
      e * c + k.cross(e) * s + k * (k.dot(e) * (1 - c))
    }
    return Matrix3(
      columns: column(Vector3(1, 0, 0)), column(Vector3(0, 1, 0)), column(Vector3(0, 0, 1)))
  }

  /// Gaussian elimination with partial pivoting; a zero pivot leaves that unknown at 0.
  static func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double] {
    let n = rhs.count
    var a = matrix
    var b = rhs
    for col in 0..<n {
      let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) } ?? col
      a.swapAt(col, pivot)
      b.swapAt(col, pivot)
      guard abs(a[col][col]) > 0 else { continue }
      for row in (col + 1)..<n where row < n {
        let f = a[row][col] / a[col][col]
        for k in col..<n { a[row][k] -= f * a[col][k] }
        b[row] -= f * b[col]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      guard abs(a[row][row]) > 0 else { continue }
      let known = ((row + 1)..<n).reduce(0) { $0 + a[row][$1] * x[$1] }
      x[row] = (b[row] - known) / a[row][row]
    }
    return x
  }
}
