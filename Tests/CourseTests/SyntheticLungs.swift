import Course
import Foundation
import Imaging

/// Analytic chest shapes for tests: two lungs as ellipsoids in LPS mm, optionally breathing.
struct SyntheticLungs {
  /// Lung height is scaled by this below the apices (1 = same inspiration as the reference).
  var inspirationScale = 1.0

  /// Right lung (label 1) lies at negative x in LPS, left lung (label 2) at positive x.
  func label(at p: Vector3) -> UInt8 {
    let apexZ = 90.0
    let z = apexZ - (apexZ - p.z) / inspirationScale
    if inside(p.x + 65, p.y, z, 50, 75, 110) { return 1 }
    // The left lung is shorter front-to-back (heart) and flattened, breaking symmetry.
    if inside(p.x - 60, p.y - 12, z - 8, 42, 58, 100) { return 2 }
    return 0
  }

  private func inside(
    _ x: Double, _ y: Double, _ z: Double, _ a: Double, _ b: Double, _ c: Double
  ) -> Bool {
    let zc = z + 20
    return (x * x) / (a * a) + (y * y) / (b * b) + (zc * zc) / (c * c) <= 1
  }

  /// A label volume on a 4 mm grid (by default) covering the chest, seen through `motion` (anatomy point x
  /// appears at motion(x)).
  func labels(motion: RigidTransform = .identity, spacingMM: Double = 4) -> LabelVolume {
    let size = GridSize(Int(300 / spacingMM), Int(220 / spacingMM), Int(300 / spacingMM))
    let geometry = Geometry(
      size: size, spacing: Vector3(spacingMM, spacingMM, spacingMM),
      origin: Vector3(-150, -110, -170))
    var volume = LabelVolume(geometry: geometry)
    let inverse = motion.inverse
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          let p = geometry.point(Double(i), Double(j), Double(k))
          volume.labels[size.offset(i, j, k)] = label(at: inverse.apply(p))
        }
      }
    }
    return volume
  }
}

/// A rotation (degrees about x, y, z) and shift (mm) as an anatomical motion.
func motion(degrees: (Double, Double, Double), shiftMM: Vector3) -> RigidTransform {
  let r = Double.pi / 180
  return RigidTransform(
    rotation: Matrix3.rotation(x: degrees.0 * r, y: degrees.1 * r, z: degrees.2 * r),
    translationMM: shiftMM)
}
