import Foundation
import Imaging

/// Generates a synthetic patient's serial chest CT studies with exact ground truth.
///
/// The anatomy, vessel tree, lesion course, study poses and noise all follow from `preset` and
/// `seed`; the same pair always gives the same voxels, on any number of threads.
public struct PhantomGenerator: Sendable {
  public let preset: PhantomPreset
  public let seed: UInt64
  public let scan: ScanProtocol
  let anatomy: ChestAnatomy
  let vessels: VesselTree
  let courses: [LesionCourse]

  /// Symptom onset of every synthetic case; study dates are counted from it.
  public static let onsetDate = "2020-01-20"
  /// The same day as a date, for counting study days from it.
  static let onsetDay = CalendarDate(year: 2020, month: 1, day: 20) ?? CalendarDate(dayNumber: 0)

  /// A generator for a preset and seed, with the preset's scan protocol.
  public init(preset: PhantomPreset, seed: UInt64) {
    self.init(preset: preset, seed: seed, scan: preset.scanProtocol)
  }

  /// A generator with another scan protocol (tests use `ScanProtocol.coarseForTests`); the
  /// anatomy, lesions and analytic truth are those of the preset.
  public init(preset: PhantomPreset, seed: UInt64, scan: ScanProtocol) {
    self.preset = preset
    self.seed = seed
    self.scan = scan
    anatomy = ChestAnatomy()
    vessels = VesselTree(anatomy: anatomy, seed: seed)
    courses = preset.lesionCourses(seed: seed)
  }

  /// Number of studies in the case.
  public var studyCount: Int { preset.studyDays.count }

  /// Days after onset of each study, in order.
  public var studyDays: [Int] { preset.studyDays }

  /// `YYYY-MM-DD` of study `index`.
  public func studyDate(index: Int) -> String {
    PhantomGenerator.onsetDay.adding(days: preset.studyDays[index]).description
  }

  /// The study's folder name, `ct-YYYY-MM-DD`.
  public func studyFolderName(index: Int) -> String { "ct-\(studyDate(index: index))" }

  /// The scanner grid (the same for every study): axial, LPS, lowest slice first.
  public var geometry: Geometry {
    let pixel = scan.pixelSpacingMM
    let corner = -scan.fieldOfViewMM / 2 + pixel / 2
    return Geometry(
      size: GridSize(scan.matrix, scan.matrix, scan.sliceCount),
      spacing: Vector3(pixel, pixel, scan.sliceSpacingMM),
      origin: Vector3(corner, corner, scan.zRangeMM.lowerBound))
  }

  /// The pose (rigid transform and breathing) of study `index`.
  public func pose(index: Int) -> StudyPose { StudyPose(seed: seed, studyIndex: index) }

  /// Renders study `index` in memory with its truth, on every core.
  /// - Precondition: `0 <= index < studyCount`.
  public func makeStudy(index: Int) -> (volume: Volume, truth: StudyTruth) {
    let study = makeStudy(index: index, threads: ParallelSlices.defaultThreadCount)
    return (study.volume, study.truth)
  }

  /// Renders study `index` on `threads` threads: HU volume, label volume (0 none, 1 right lung,
  /// 2 left lung, 3 GGO, 4 consolidation) and truth. The bytes do not depend on `threads`.
  /// - Precondition: `0 <= index < studyCount`.
  public func makeStudy(index: Int, threads: Int) -> (
    volume: Volume, labels: LabelVolume, truth: StudyTruth
  ) {
    precondition(preset.studyDays.indices.contains(index), "makeStudy: no study \(index)")
    let pose = pose(index: index)
    let shapes = courses.compactMap { $0.shape(onDay: preset.studyDays[index]) }
    let renderer = StudyRenderer(
      anatomy: anatomy, vessels: vessels.segments, lesions: shapes, pose: pose,
      geometry: geometry, scan: scan,
      noiseSeed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(index) &+ 0x5EED)))
    let boxes = renderer.vesselBoxes()
    let nz = geometry.size.nz
    let slices = ParallelSlices.map(count: nz, chunks: nz, threads: threads) { _, range in
      range.map { renderer.renderSlice($0, vesselBoxes: boxes) }
    }.flatMap { $0 }

    var voxels: [Int16] = []
    var labels: [UInt8] = []
    voxels.reserveCapacity(geometry.size.count)
    labels.reserveCapacity(geometry.size.count)
    var counts = VoxelCounts(lesionCount: shapes.count)
    for slice in slices {
      voxels += slice.hu
      labels += slice.labels
      counts.add(slice.counts)
    }
    let truth = studyTruth(
      index: index, pose: pose, shapes: shapes, counts: counts, threads: threads)
    return (
      Volume(geometry: geometry, voxels: voxels), LabelVolume(geometry: geometry, labels: labels),
      truth
    )
  }
}
