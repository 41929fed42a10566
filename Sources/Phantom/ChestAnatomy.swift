import Imaging

/// The analytic adult chest the phantom images, in the body frame.
///
/// Body frame: millimetres, LPS axes (x to the patient's left, y posterior, z superior), origin
/// on the midline at the centre of the thorax at the level of the carina. A study places this
/// frame in the scanner with a small rigid transform (see `StudyPose`). Every structure is a
/// closed-form shape, so lung and lesion membership of any point is exact.
struct ChestAnatomy: Sendable {
  // Outer layers (axial ellipses, constant along z).
  let body = AxialEllipse(cx: 0, cy: 0, a: 165, b: 122)
  let muscle = AxialEllipse(cx: 0, cy: 0, a: 151, b: 108)
  /// The inner surface of the chest wall: the pleural cavity cannot extend beyond it.
  let cavity = AxialEllipse(cx: 0, cy: 0, a: 135, b: 92)

  // Lungs: an elliptic cylinder per side, rounded off above `lungTaperStartZ` to the apex and
  // cut below by the diaphragm dome.
  let rightLung = AxialEllipse(cx: -78, cy: 5, a: 72, b: 100)
  let leftLung = AxialEllipse(cx: 80, cy: 6, a: 70, b: 98)
  let rightApexZ = 95.0
  let leftApexZ = 92.0
  let lungTaperStartZ = 10.0
  /// The lung keeps this distance (mm) from the inner chest wall (pleura plus fat).
  let pleuralGapMM = 3.0

  // Diaphragm: a paraboloid dome per side, highest at the lung's centre.
  let rightDomeTopZ = -118.0
  let leftDomeTopZ = -130.0
  /// How far (mm) the dome falls from its top to the edge of the lung ellipse.
  let domeFallMM = 55.0

  // Mediastinum: half-width (mm) of the midline band the lungs may not enter, linear between
  // these (y, half-width) points from front to back.
  let mediastinumProfile: [(y: Double, halfWidth: Double)] = [
    (-95, 6), (-60, 16), (-20, 22), (30, 24), (55, 34), (95, 34),
  ]

  // Organs and vessels.
  let heart = Ellipsoid(center: Vector3(15, -28, -98), axes: Vector3(62, 50, 55))
  /// Pericardium and epicardial fat as a scale of the heart ellipsoid.
  let pericardiumScale = 1.09
  let ascendingAorta = Capsule(start: Vector3(6, -22, -50), end: Vector3(6, -22, 42), radius: 14)
  let aorticArch = Capsule(start: Vector3(6, -22, 42), end: Vector3(20, 46, 42), radius: 12)
  let descendingAorta = Capsule(
    start: Vector3(20, 46, 42), end: Vector3(22, 50, -200), radius: 12)
  let superiorVenaCava = Capsule(
    start: Vector3(-16, -18, -45), end: Vector3(-16, -18, 120), radius: 9)
  let esophagus = Capsule(start: Vector3(4, 40, -200), end: Vector3(2, 38, 120), radius: 8)
  let gastricBubble = Ellipsoid(center: Vector3(62, -15, -168), axes: Vector3(32, 26, 16))

  // Airways: trachea above the carina (z = 0), then the two main bronchi to the hila.
  let trachea = Capsule(start: Vector3(0, 14, 0), end: Vector3(0, 12, 140), radius: 10)
  let rightMainBronchus = Capsule(
    start: Vector3(0, 14, 0), end: Vector3(-40, 18, -22), radius: 7)
  let leftMainBronchus = Capsule(start: Vector3(0, 14, 0), end: Vector3(44, 20, -32), radius: 6.5)
  let airwayWallMM = 2.0

  // Skeleton.
  let vertebralBody = AxialEllipse(cx: 0, cy: 70, a: 19, b: 16)
  let spinalCanal = AxialEllipse(cx: 0, cy: 95, a: 8, b: 8)
  let vertebralArch = AxialEllipse(cx: 0, cy: 97, a: 16, b: 14)
  let spinousProcess = AxialEllipse(cx: 0, cy: 114, a: 5, b: 11)
  let vertebralPitchMM = 26.0
  let discThicknessMM = 7.0
  let corticalShell = 0.72
  let sternum = AxialEllipse(cx: 0, cy: -101, a: 22, b: 7)
  let sternumZ = -115.0...55.0
  let ribs = RibCage()

  /// Which lung (1 right, 2 left, 0 none) holds the point, for a diaphragm shifted by
  /// `breathingMM` (negative: deeper inspiration, lower domes). This is the definition of lung
  /// used for the ground truth: the analytic region including lesions and intrapulmonary
  /// vessels, excluding trachea and main bronchi (with their walls), mediastinum and heart.
  @inline(__always)
  func lungSide(_ p: Vector3, breathingMM: Double) -> UInt8 {
    let isRight = p.x < 0
    let lung = isRight ? rightLung : leftLung
    let r2 = lung.r2(p.x, p.y)
    guard r2 <= 1 else { return 0 }

    let apex = isRight ? rightApexZ : leftApexZ
    if p.z > lungTaperStartZ {
      let t = (p.z - lungTaperStartZ) / (apex - lungTaperStartZ)
      guard t < 1, r2 <= 1 - t * t else { return 0 }
    }
    guard p.z > diaphragmZ(p.x, p.y, breathingMM: breathingMM) else { return 0 }
    guard cavity.grown(by: -pleuralGapMM).r2(p.x, p.y) <= 1 else { return 0 }
    guard abs(p.x) > mediastinumHalfWidth(y: p.y) else { return 0 }
    guard heart.scaled(pericardiumScale).r2(p) > 1 else { return 0 }
    guard abs(p.x) >= tubeRegionHalfWidthMM || !isExcludedTube(p) else { return 0 }
    return isRight ? 1 : 2
  }

  /// The height (mm) of the diaphragm under (x, y).
  @inline(__always)
  func diaphragmZ(_ x: Double, _ y: Double, breathingMM: Double) -> Double {
    let isRight = x < 0
    let r2 = min(1, (isRight ? rightLung : leftLung).r2(x, y))
    return (isRight ? rightDomeTopZ : leftDomeTopZ) - domeFallMM * r2 + breathingMM
  }

  @inline(__always)
  func mediastinumHalfWidth(y: Double) -> Double {
    let profile = mediastinumProfile
    guard y > profile[0].y else { return profile[0].halfWidth }
    for n in 1..<profile.count where y <= profile[n].y {
      let t = (y - profile[n - 1].y) / (profile[n].y - profile[n - 1].y)
      return profile[n - 1].halfWidth + t * (profile[n].halfWidth - profile[n - 1].halfWidth)
    }
    return profile[profile.count - 1].halfWidth
  }

  /// Mediastinal tubes that reach into the lung ellipses: aorta, vena cava and airways.
  @inline(__always)
  private func isExcludedTube(_ p: Vector3) -> Bool {
    let wall = airwayWallMM
    let grownContains = { (tube: Capsule) in
      tube.axisDistanceSquared(p) <= (tube.radius + wall) * (tube.radius + wall)
    }
    return grownContains(descendingAorta) || grownContains(aorticArch)
      || grownContains(superiorVenaCava)
      || (p.z >= trachea.start.z && trachea.contains(p))
      || rightMainBronchus.contains(p) || leftMainBronchus.contains(p)
  }
}
