import Imaging

/// A small synthetic chest with known truth: an elliptic body of soft tissue, two ellipsoid lungs
/// of aerated parenchyma, a trachea splitting into two main bronchi, and optional spheres
/// (nodules) and thin vessels. Coordinates are LPS mm with the body centred on x = 0.
struct SyntheticChest {
  static let tissueHU: Int16 = 40
  static let lungHU: Int16 = -850
  static let airHU: Int16 = -1000

  struct Sphere {
    var center: Vector3
    var radiusMM: Double
    var hu: Int16
  }

  var size = GridSize(128, 112, 56)
  var spacing = Vector3(2.0, 2.0, 3.0)
  /// Half-gap (mm) between the lungs at x = 0; 0 or less makes them touch.
  var lungGapMM = 12.0
  var lungSemiAxes = Vector3(52, 62, 70)
  var spheres: [Sphere] = []
  /// Vessels: segments from a to b with a radius, tissue density.
  var vessels: [(a: Vector3, b: Vector3, radiusMM: Double)] = []
  /// Single voxels of air (LPS voxel centres), e.g. partial-volume specks beside the trachea.
  var airSpecks: [Vector3] = []
  /// Soft-tissue balls that push the lungs aside (not lung in the truth): a heart or a
  /// mediastinal mass.
  var displacing: [Sphere] = []
  /// Mirror the image columns (direction x = -1): the patient must still come out the same.
  var mirrored = false

  var geometry: Geometry {
    let nx = Double(size.nx - 1) * spacing.x
    let ny = Double(size.ny - 1) * spacing.y
    let nz = Double(size.nz - 1) * spacing.z
    let direction =
      mirrored
      ? Matrix3(columns: Vector3(-1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1)) : .identity
    let originX = mirrored ? nx / 2 : -nx / 2
    return Geometry(
      size: size, spacing: spacing, origin: Vector3(originX, -ny / 2, -nz / 2),
      direction: direction)
  }

  /// Which lung (1 right, 2 left) holds LPS point p, or 0.
  func lungSide(at p: Vector3) -> UInt8 {
    let a = lungSemiAxes
    let cx = a.x + max(lungGapMM, -a.x / 2)
    for (side, centre) in [(UInt8(1), -cx), (UInt8(2), cx)] {
      let d = Vector3((p.x - centre) / a.x, (p.y + 5) / a.y, p.z / a.z)
      if d.dot(d) <= 1 { return side }
    }
    return 0
  }

  private func inBody(_ p: Vector3) -> Bool {
    let zTop = Double(size.nz - 1) * spacing.z / 2
    guard abs(p.z) <= zTop else { return false }
    let ex = p.x / 125
    let ey = p.y / 95
    return ex * ex + ey * ey <= 1
  }

  private func inAirway(_ p: Vector3) -> Bool {
    let carinaZ = 40.0
    let radius = 8.0
    if p.z >= carinaZ { return (p.x * p.x + (p.y + 20) * (p.y + 20)) <= radius * radius }
    let drop = carinaZ - p.z
    guard drop <= 30 else { return false }
    for s in [-1.0, 1.0] {
      let cx = s * drop * 0.8
      let r = radius * 0.7
      if (p.x - cx) * (p.x - cx) + (p.y + 20) * (p.y + 20) <= r * r { return true }
    }
    return false
  }

  private func inVessel(_ p: Vector3) -> Bool {
    for v in vessels {
      let ab = v.b - v.a
      let t = max(0, min(1, (p - v.a).dot(ab) / ab.dot(ab)))
      if (p - (v.a + ab * t)).length <= v.radiusMM { return true }
    }
    return false
  }

  /// The CT volume and the true lung side of each voxel (nodules are inside the lungs).
  func make() -> (volume: Volume, truthSides: [UInt8]) {
    let g = geometry
    var volume = Volume(geometry: g, filledWith: -1000)
    var truth = [UInt8](repeating: 0, count: size.count)
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          let p = g.point(Double(i), Double(j), Double(k))
          let offset = size.offset(i, j, k)
          guard inBody(p) else { continue }
          var hu = Self.tissueHU
          let pushedAside = displacing.contains { (p - $0.center).length <= $0.radiusMM }
          let side = pushedAside ? 0 : lungSide(at: p)
          if side != 0 {
            hu = Self.lungHU
            truth[offset] = side
          }
          if inVessel(p), side != 0 { hu = Self.tissueHU }
          // Nodules grow inside the lung only; against the pleura they abut the chest wall.
          if side != 0, let s = spheres.first(where: { (p - $0.center).length <= $0.radiusMM }) {
            hu = s.hu
          }
          if inAirway(p) || airSpecks.contains(where: { (p - $0).length < 0.5 }) {
            hu = Self.airHU
          }
          volume.voxels[offset] = hu
        }
      }
    }
    return (volume, truth)
  }
}
