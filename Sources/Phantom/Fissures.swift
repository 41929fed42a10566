import Imaging

/// The interlobar fissures: thin planes of denser tissue crossing each lung, visible on thin
/// slices as fine lines. They change only HU, never which voxels count as lung or lesion.
struct Fissures: Sendable {
  /// A plane: points q with `normal . (q - point) == 0`; `normal` is a unit vector.
  struct Plane: Sendable {
    var point: Vector3
    var normal: Vector3
  }

  /// The oblique fissures run from posterior-superior to anterior-inferior; their normals point
  /// posterior and down, towards the lower lobe.
  let rightOblique = Plane(
    point: Vector3(-80, 10, -40), normal: Vector3(0.08, 0.745, -0.662).normalized)
  let leftOblique = Plane(
    point: Vector3(80, 12, -45), normal: Vector3(-0.08, 0.73, -0.683).normalized)
  /// The right horizontal fissure, between upper and middle lobe (in front of the oblique one).
  let rightHorizontal = Plane(point: Vector3(-80, -20, -35), normal: Vector3(0, 0.06, 1).normalized)
  /// Half the fissure's thickness (mm) and the HU it blends towards.
  let halfThicknessMM = 0.25
  let hu: Float = -350

  /// The distance (mm) from q to the surface of the nearest fissure of lung `side` (1 right,
  /// 2 left), or nil when none is within `reach`.
  @inline(__always)
  func signedDistance(_ q: Vector3, side: UInt8, reach: Double) -> Double? {
    let oblique = side == 1 ? rightOblique : leftOblique
    let obliqueOffset = oblique.normal.dot(q - oblique.point)
    var nearest = abs(obliqueOffset)
    if side == 1, obliqueOffset < 0 {
      nearest = min(nearest, abs(rightHorizontal.normal.dot(q - rightHorizontal.point)))
    }
    let signed = nearest - halfThicknessMM
    return signed < reach ? signed : nil
  }
}
