/// Whole-study figures from the per-zone counts: volumes, PO, PHO, involvement, severity.
///
/// The severity score follows the per-region 0-5 scale of the CT severity score (Pan et al.,
/// Radiology 2020: 0 none, 1 under 5 %, 2 5-25 %, 3 26-49 %, 4 50-75 %, 5 over 75 %), applied to
/// six zones (upper, middle and lower third of each lung by height) instead of the five lobes,
/// which ctcase does not segment; the total runs from 0 to 30.
enum StudySummary {
  /// Zone involvement bounds (percent) of the 0-5 scale.
  static let score2FromPercent = 5.0
  static let score2ToPercent = 25.0
  static let score4FromPercent = 50.0
  static let score4ToPercent = 75.0

  static func make(
    stats: LesionStatistics, lesions: [LesionMeasurement], grid: ChestGrid,
    parameters: AnalysisParameters
  ) -> StudyMeasurements {
    let ml = { (voxels: Int) in Reported.round(Double(voxels) * grid.voxelML, 4) }
    let pct = { (part: Int, whole: Int) in
      whole > 0 ? Reported.round(100 * Double(part) / Double(whole), Reported.percentDecimals) : 0
    }
    let lungBySide = stats.lungVoxels.map { $0.reduce(0, +) }
    let lesionBySide = stats.lesionVoxels.map { $0.reduce(0, +) }
    let lung = lungBySide.reduce(0, +)
    let lesion = lesionBySide.reduce(0, +)
    let ggo = stats.lesions.reduce(0) { $0 + $1.ggo }
    let dense = stats.lesions.reduce(0) { $0 + $1.consolidation }
    let zones = makeZones(stats: stats, ml: ml, pct: pct)

    return StudyMeasurements(
      schemaVersion: StudyMeasurements.currentSchemaVersion, lungVolumeML: ml(lung),
      rightLungVolumeML: ml(lungBySide[0]), leftLungVolumeML: ml(lungBySide[1]),
      lesionVolumeML: ml(lesion), ggoVolumeML: ml(ggo), consolidationVolumeML: ml(dense),
      poPercent: pct(lesion, lung), phoPercent: pct(stats.highOpacityVoxels, lung),
      severityScore: zones.reduce(0) { $0 + $1.score },
      rightInvolvementPercent: pct(lesionBySide[0], lungBySide[0]),
      leftInvolvementPercent: pct(lesionBySide[1], lungBySide[1]), zones: zones,
      lesions: lesions, parameters: parameters)
  }

  private static func makeZones(
    stats: LesionStatistics, ml: (Int) -> Double, pct: (Int, Int) -> Double
  ) -> [ZoneInvolvement] {
    var zones: [ZoneInvolvement] = []
    for (s, side) in [LungSide.right, LungSide.left].enumerated() {
      for (z, zone) in LungZone.allCases.enumerated() {
        let lung = stats.lungVoxels[s][z]
        let lesion = stats.lesionVoxels[s][z]
        let percent = pct(lesion, lung)
        zones.append(
          ZoneInvolvement(
            side: side, zone: zone, lungVolumeML: ml(lung), lesionVolumeML: ml(lesion),
            percent: percent, score: score(lesionVoxels: lesion, percent: percent)))
      }
    }
    return zones
  }

  /// The 0-5 score of one zone.
  static func score(lesionVoxels: Int, percent: Double) -> Int {
    guard lesionVoxels > 0 else { return 0 }
    if percent < score2FromPercent { return 1 }
    if percent <= score2ToPercent { return 2 }
    if percent < score4FromPercent { return 3 }
    return percent <= score4ToPercent ? 4 : 5
  }
}
