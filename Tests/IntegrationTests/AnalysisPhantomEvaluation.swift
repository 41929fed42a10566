import Analysis
import Foundation
import Imaging

@testable import Phantom

/// Scores one analysed phantom study against the phantom's truth, two ways.
///
/// Overlap (the standard way, used for the acceptance numbers): each truth lesion's voxels are
/// those the renderer labelled as lesion whose centre lies in its ellipsoid (the earlier lesion
/// owns shared voxels, as in the renderer). A truth lesion is found when our lesion voxels
/// cover at least `minCoveredFraction` of it. Truth lesions and our lesions linked by any
/// shared voxel form groups; a group's volume error compares the sum of our lesions with the
/// sum of its truth lesions, so confluent lesions merged into one component are judged against
/// their union. One of our lesions overlapping no truth lesion is a false positive.
///
/// Centre (the first landing's rule, kept for comparison): a truth lesion is found when one of
/// our lesions has its centre within half its equivalent diameter plus `matchMarginMM`; the
/// volume error compares that lesion alone; ours matching no truth lesion are false positives.
struct PhantomStudyScore {
  static let minCoveredFraction = 0.5
  static let matchMarginMM = 5.0

  /// One truth lesion and what we made of it.
  struct TruthLine {
    var truth: LesionTruth
    var voxels: Int
    var coveredFraction: Double
    /// Our and truth volume (mL) of the overlap group the lesion belongs to (0 when unfound).
    var groupOursML: Double
    var groupTruthML: Double
    var centreHit: LesionMeasurement?

    var found: Bool { coveredFraction >= PhantomStudyScore.minCoveredFraction }
    var groupError: Double {
      groupTruthML > 0 ? abs(groupOursML - groupTruthML) / groupTruthML : 1
    }
  }

  var lines: [TruthLine] = []
  /// Our lesions overlapping no truth lesion.
  var overlapFalsePositives: [LesionMeasurement] = []
  /// Our lesions whose centre matches no truth lesion.
  var centreFalsePositives: [LesionMeasurement] = []
  var lungError = 0.0

  init(
    generator: PhantomGenerator, index: Int, truth: StudyTruth, truthLabels: LabelVolume,
    analysis: StudyAnalysis
  ) {
    let m = analysis.measurements
    lungError = abs(m.lungVolumeML - truth.lungVoxelVolumeML) / truth.lungVoxelVolumeML
    let owner = Self.truthOwners(generator: generator, index: index, labels: truthLabels)
    let voxelML = truthLabels.geometry.voxelVolumeML
    let nTruth = truth.lesions.count
    var truthVoxels = [Int](repeating: 0, count: nTruth)
    var shared = [Int: [Int: Int]]()
    var oursTouching = Set<Int>()
    let lesionMap = analysis.lesionMap.fullGrid()
    for (p, t) in owner.enumerated() where t >= 0 {
      truthVoxels[t] += 1
      let id = Int(lesionMap[p])
      guard id > 0 else { continue }
      shared[t, default: [:]][id, default: 0] += 1
      oursTouching.insert(id)
    }
    let groups = Self.groups(truthCount: nTruth, shared: shared)
    var centreMatched = Set<Int>()
    for (t, lesion) in truth.lesions.enumerated() {
      let covered = shared[t]?.values.reduce(0, +) ?? 0
      let (ours, theirs) = groups[t]
      let hit = Self.centreHit(lesion, in: m.lesions)
      if let hit { centreMatched.insert(hit.id) }
      lines.append(
        TruthLine(
          truth: lesion, voxels: truthVoxels[t],
          coveredFraction: truthVoxels[t] > 0 ? Double(covered) / Double(truthVoxels[t]) : 0,
          groupOursML: ours.reduce(0) { $0 + m.lesions[$1 - 1].volumeML },
          groupTruthML: Double(theirs.reduce(0) { $0 + truthVoxels[$1] }) * voxelML,
          centreHit: hit))
    }
    overlapFalsePositives = m.lesions.filter { !oursTouching.contains($0.id) }
    centreFalsePositives = m.lesions.filter { !centreMatched.contains($0.id) }
  }

  /// Per voxel, the index of the truth lesion owning it, or -1.
  static func truthOwners(generator: PhantomGenerator, index: Int, labels: LabelVolume)
    -> [Int]
  {
    let day = generator.preset.studyDays[index]
    let shapes = generator.courses.compactMap { $0.shape(onDay: day) }
    let pose = generator.pose(index: index)
    let inverse = pose.rotation.transposed
    let g = labels.geometry
    let size = g.size
    var owner = [Int](repeating: -1, count: size.count)
    for (p, label) in labels.labels.enumerated() where label >= LungLabel.groundGlass {
      let i = p % size.nx
      let j = (p / size.nx) % size.ny
      let k = p / size.sliceCount
      let q = inverse * (g.point(Double(i), Double(j), Double(k)) - pose.shiftMM)
      owner[p] = shapes.firstIndex { $0.r2(q) <= 1 } ?? -1
    }
    return owner
  }

  /// For each truth lesion, our lesion ids and truth indices of the overlap group it is in.
  private static func groups(truthCount: Int, shared: [Int: [Int: Int]]) -> [([Int], [Int])] {
    var result = [([Int], [Int])](repeating: ([], []), count: truthCount)
    var done = Set<Int>()
    for start in 0..<truthCount where !done.contains(start) {
      var truths: Set<Int> = [start]
      var ours = Set<Int>()
      var grew = true
      while grew {
        grew = false
        for t in truths { ours.formUnion(shared[t]?.keys ?? [:].keys) }
        for (t, ids) in shared where !truths.contains(t) && !ours.isDisjoint(with: ids.keys) {
          truths.insert(t)
          grew = true
        }
      }
      for t in truths {
        done.insert(t)
        result[t] = (ours.sorted(), truths.sorted())
      }
    }
    return result
  }

  private static func centreHit(_ t: LesionTruth, in lesions: [LesionMeasurement])
    -> LesionMeasurement?
  {
    let centre = Vector3(t.centerLPSMM[0], t.centerLPSMM[1], t.centerLPSMM[2])
    let reach = t.equivalentDiameterMM / 2 + matchMarginMM
    return lesions.filter { ($0.centerLPS - centre).length <= reach }
      .min { ($0.centerLPS - centre).length < ($1.centerLPS - centre).length }
  }
}
