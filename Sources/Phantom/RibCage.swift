import Foundation

/// Twelve pairs of ribs wrapped around the chest wall, sloping down from the spine to the front.
///
/// A rib is a tube of elliptic cross-section whose centreline runs on an axial ellipse just
/// outside the pleural cavity; its height falls linearly with the angle from the posterior
/// midline, so one axial slice cuts several ribs, as in a real chest CT.
struct RibCage: Sendable {
  let centreline = AxialEllipse(cx: 0, cy: 0, a: 142, b: 99)
  let count = 12
  /// Height (mm) of the first rib where it leaves the spine.
  let topZ = 100.0
  let pitchMM = 22.0
  /// How far (mm) a rib falls between the spine and the anterior midline.
  let slopeMM = 80.0
  /// Angles (fraction of a half turn from the posterior midline) where ribs start and end.
  let startAngle = 0.1
  let endAngle = 0.86
  /// Beyond this angle the rib is costal cartilage.
  let cartilageAngle = 0.76
  let halfThicknessMM = 5.0
  let halfHeightMM = 7.0
  /// Normalised radius beyond which the cross-section is cortical bone.
  let cortexStart = 0.6

  /// The HU of rib bone or cartilage at (x, y, z), or nil when no rib is there.
  func hu(_ x: Double, _ y: Double, _ z: Double) -> Float? {
    let rho = centreline.r2(x, y).squareRoot()
    let planarRadius = (x * x + y * y).squareRoot()
    guard rho > 0 else { return nil }
    let radialMM = (rho - 1) * planarRadius / rho
    guard abs(radialMM) <= halfThicknessMM else { return nil }

    let angle = atan2(abs(x), y) / Double.pi
    guard angle >= startAngle, angle <= endAngle else { return nil }
    let slopeZ = topZ - slopeMM * angle
    let index = ((slopeZ - z) / pitchMM).rounded()
    guard index >= 0, index < Double(count) else { return nil }
    let dz = z - (slopeZ - index * pitchMM)

    let u = radialMM / halfThicknessMM
    let v = dz / halfHeightMM
    let r2 = u * u + v * v
    guard r2 <= 1 else { return nil }
    if angle > cartilageAngle { return TissueHU.cartilage }
    return r2 > cortexStart * cortexStart ? TissueHU.corticalBone : TissueHU.cancellousBone
  }
}
