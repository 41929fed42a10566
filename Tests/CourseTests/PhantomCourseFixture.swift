import Analysis
import Course
import Decisions
import Foundation
import Imaging
import Phantom

/// A phantom case run through the course stage on the phantom's own label volumes, so the
/// course logic (alignment, tracking, figures, rules) is checked against exact truth without
/// depending on segmentation.
struct PhantomCourse {
  var truth: [StudyTruth]
  var alignments: [StudyAlignment]
  var studies: [[TrackedLesion]]
  var tracks: [LesionTrack]
  var figures: CourseFigures
  var decisions: [Decision]

  /// A scan protocol fine enough for small lesions, coarse enough for a debug-build test.
  static let testScan = ScanProtocol(
    matrix: 320, fieldOfViewMM: 360, sliceSpacingMM: 1.25, zRangeMM: -195...105,
    planesPerSlice: 1, noiseHU: 18)

  /// Extra motion applied to study `i` after rendering (anatomy x appears at motion(x)).
  init(
    preset: PhantomPreset, scan: ScanProtocol = testScan, ruleSet: RuleSet,
    motion: (Int) -> RigidTransform = { _ in .identity }
  ) throws {
    let generator = PhantomGenerator(preset: preset, seed: 1, scan: scan)
    var truth: [StudyTruth] = []
    var snapshots: [LesionMapSnapshot] = []
    var surfaces: [LungSurface] = []
    var studies: [[TrackedLesion]] = []
    var measured: [StudyMeasurements] = []
    var alignments: [StudyAlignment] = []
    for i in 0..<generator.studyCount {
      let study = generator.makeStudy(index: i, threads: 2)
      let labels = LabelResampler.moved(study.labels, by: motion(i))
      truth.append(study.truth)
      let surface = LungSurface(labels: labels, cellMM: AlignmentParameters().surfaceCellMM)
      let alignment =
        i == 0
        ? StudyAlignment.reference
        : try LungAligner.align(moving: surface, onto: surfaces[0], study: "study \(i)")
      surfaces.append(surface)
      alignments.append(alignment)
      let (map, lesions) = LesionComponents.find(in: labels, studyIndex: i)
      snapshots.append(
        LesionMapSnapshot(
          geometry: labels.geometry, lesionMap: LesionMap(full: map, size: labels.geometry.size),
          alignment: alignment.transform))
      studies.append(lesions.map { $0.aligned(by: alignment.transform) })
      measured.append(try Self.measurements(labels: labels, lesions: lesions))
    }
    let overlaps = snapshots.indices.map { i in
      i == 0 ? [] : LesionOverlapCounter.overlaps(previous: snapshots[i - 1], current: snapshots[i])
    }
    self.truth = truth
    self.alignments = alignments
    self.studies = studies
    tracks = LesionTracker.track(studies: studies, overlaps: overlaps)
    let dates = (0..<generator.studyCount).map {
      CalendarDate(generator.studyDate(index: $0))!
    }
    figures = CourseFigures(
      dates: dates, onset: CalendarDate(PhantomGenerator.onsetDate), measurements: measured,
      tracks: tracks)
    decisions = RuleEvaluator.evaluate(ruleSet, figures: figures, tracks: tracks)
  }

  private static func measurements(
    labels: LabelVolume, lesions: [TrackedLesion]
  ) throws -> StudyMeasurements {
    let lungVoxels = labels.labels.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
    let lungML = Double(lungVoxels) * labels.geometry.voxelVolumeML
    let lesionML = lesions.reduce(0) { $0 + $1.volumeML }
    return try CourseTests.measurements(
      lesionML: lesionML, po: lungML > 0 ? lesionML / lungML * 100 : 0)
  }

  /// The truth lesion id nearest to a lesion (both in that study's scanner frame).
  func truthID(of lesion: TrackedLesion, unaligned center: Vector3) -> String? {
    truth[lesion.studyIndex].lesions.min {
      distance($0, center) < distance($1, center)
    }?.id
  }

  private func distance(_ t: LesionTruth, _ c: Vector3) -> Double {
    (Vector3(t.centerLPSMM[0], t.centerLPSMM[1], t.centerLPSMM[2]) - c).length
  }
}

extension TrackedLesion {
  func aligned(by t: RigidTransform) -> TrackedLesion {
    var copy = self
    copy.centerMM = t.apply(centerMM)
    return copy
  }
}
