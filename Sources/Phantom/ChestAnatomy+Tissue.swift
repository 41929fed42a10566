import Imaging

extension ChestAnatomy {
  /// The HU of the tissue at a point that is not lung (see `lungSide`), before noise.
  @inline(__always)
  func tissueHU(_ p: Vector3, breathingMM: Double) -> Float {
    guard body.r2(p.x, p.y) <= 1 else { return TissueHU.air }
    if let bone = skeletonHU(p) { return bone }
    guard muscle.r2(p.x, p.y) <= 1 else { return TissueHU.fat }
    guard cavity.r2(p.x, p.y) <= 1 else { return ribs.hu(p.x, p.y, p.z) ?? TissueHU.muscle }

    if heart.r2(p) <= 1 { return TissueHU.blood }
    if heart.scaled(pericardiumScale).r2(p) <= 1 { return TissueHU.mediastinalFat }
    if abs(p.x) < tubeRegionHalfWidthMM, let tube = tubeHU(p) { return tube }
    if p.z < diaphragmZ(p.x, p.y, breathingMM: breathingMM) { return abdomenHU(p) }
    if abs(p.x) <= mediastinumHalfWidth(y: p.y) { return TissueHU.mediastinalFat }
    // Between the lung edge and the chest wall: parietal pleura and extrapleural fat.
    return TissueHU.muscle
  }

  /// Vertebra (body, discs, arch, spinous process) and sternum, or nil.
  @inline(__always)
  private func skeletonHU(_ p: Vector3) -> Float? {
    if abs(p.x) < vertebralArch.a, p.y > vertebralBody.cy - vertebralBody.b {
      let bodyR2 = vertebralBody.r2(p.x, p.y)
      if bodyR2 <= 1 {
        let phase = (p.z + 1000).truncatingRemainder(dividingBy: vertebralPitchMM)
        if phase < discThicknessMM { return TissueHU.disc }
        return bodyR2 > corticalShell * corticalShell
          ? TissueHU.corticalBone
          : TissueHU.cancellousBone
      }
      if spinalCanal.r2(p.x, p.y) <= 1 { return TissueHU.csf }
      if vertebralArch.r2(p.x, p.y) <= 1 || spinousProcess.r2(p.x, p.y) <= 1 {
        return TissueHU.corticalBone
      }
    }
    if sternumZ.contains(p.z), sternum.r2(p.x, p.y) <= 1 {
      return sternum.r2(p.x, p.y) > corticalShell * corticalShell
        ? TissueHU.corticalBone
        : TissueHU.cancellousBone
    }
    return nil
  }

  /// Every mediastinal tube and main bronchus lies within this distance (mm) of the midline.
  var tubeRegionHalfWidthMM: Double { 60 }

  /// Aorta, vena cava, oesophagus and airways (lumen air, wall soft tissue), or nil.
  @inline(__always)
  private func tubeHU(_ p: Vector3) -> Float? {
    if ascendingAorta.contains(p) || aorticArch.contains(p) || descendingAorta.contains(p)
      || superiorVenaCava.contains(p)
    {
      return TissueHU.blood
    }
    if esophagus.contains(p) { return TissueHU.muscle }
    if let hu = airwayHU(rightMainBronchus, p) ?? airwayHU(leftMainBronchus, p) { return hu }
    return p.z >= trachea.start.z ? airwayHU(trachea, p) : nil
  }

  @inline(__always)
  private func airwayHU(_ airway: Capsule, _ p: Vector3) -> Float? {
    let d = airway.axisDistance(p)
    if d <= airway.radius - airwayWallMM { return TissueHU.air }
    return d <= airway.radius ? TissueHU.airwayWall : nil
  }

  /// Liver under the right dome; stomach with its gas bubble under the left.
  @inline(__always)
  private func abdomenHU(_ p: Vector3) -> Float {
    if p.x < heart.center.x { return TissueHU.liver }
    return gastricBubble.r2(p) <= 1 ? TissueHU.air : TissueHU.stomach
  }
}
