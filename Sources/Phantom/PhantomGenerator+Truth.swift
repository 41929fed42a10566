import Foundation
import Imaging

extension PhantomGenerator {
  /// Lesion type thresholds (fraction of the lesion volume that is consolidated, size, shape).
  enum LesionTypeRule {
    static let consolidationFraction = 0.5
    static let nodularMaxDiameterMM = 20.0
    static let nodularMaxAxisRatio = 1.6
  }

  /// Decimal places kept in truth.json: 1e-4 mL and 1e-3 mm are far below 1% of any value.
  enum Precision {
    static let volumeDigits = 4
    static let lengthDigits = 3
  }

  func studyTruth(
    index: Int, pose: StudyPose, shapes: [LesionShape], counts: VoxelCounts, threads: Int
  ) -> StudyTruth {
    let integrator = TruthIntegrator(
      anatomy: anatomy, breathingMM: pose.breathingMM, threads: threads)
    let lungs = integrator.lungVolumesML()
    let voxelML = geometry.voxelVolumeML
    let lesions = shapes.indices.map { n in
      lesionTruth(
        shapes[n], integrator.integrate(n, of: shapes), pose: pose,
        voxelVolumeML: Double(counts.lesion[n]) * voxelML)
    }
    let lesionML = lesions.reduce(0) { $0 + $1.volumeML }
    let lungML = lungs.right + lungs.left
    let g = geometry
    return StudyTruth(
      date: studyDate(index: index), folder: studyFolderName(index: index),
      dayFromOnset: preset.studyDays[index], lungVolumeML: ml(lungML),
      rightLungVolumeML: ml(lungs.right), leftLungVolumeML: ml(lungs.left),
      lungVoxelVolumeML: ml(Double(counts.rightLung + counts.leftLung) * voxelML),
      rightLungVoxelVolumeML: ml(Double(counts.rightLung) * voxelML),
      leftLungVoxelVolumeML: ml(Double(counts.leftLung) * voxelML),
      lesionVolumeML: ml(lesionML),
      lesionVoxelVolumeML: ml(lesions.reduce(0) { $0 + $1.voxelVolumeML }),
      ggoVolumeML: ml(lesions.reduce(0) { $0 + $1.ggoVolumeML }),
      consolidationVolumeML: ml(lesions.reduce(0) { $0 + $1.consolidationVolumeML }),
      lesionPercentOfLung: ml(lungML > 0 ? 100 * lesionML / lungML : 0),
      transform: PoseTruth(
        rotationDegrees: pose.rotationDegrees.array.map(mm), shiftMM: pose.shiftMM.array.map(mm),
        breathingMM: mm(pose.breathingMM)),
      grid: GridTruth(
        size: [g.size.nx, g.size.ny, g.size.nz], spacingMM: g.spacing.array.map(mm),
        originLPSMM: g.origin.array.map(mm), sliceThicknessMM: mm(scan.sliceSpacingMM)),
      studyInstanceUID: DicomUID.make(seed: seed, preset: preset, kind: .study, study: index),
      seriesInstanceUID: DicomUID.make(seed: seed, preset: preset, kind: .series, study: index),
      lesions: lesions)
  }

  private func lesionTruth(
    _ shape: LesionShape, _ integral: TruthIntegrator.LesionIntegral, pose: StudyPose,
    voxelVolumeML: Double
  ) -> LesionTruth {
    let volume = integral.volumeML
    let core = min(volume, integral.coreVolumeML)
    let diameter = cbrt(6 * volume * 1000 / Double.pi)
    return LesionTruth(
      id: shape.id, side: shape.center.x < 0 ? "right" : "left",
      type: lesionType(shape, volumeML: volume, coreML: core, diameterMM: diameter),
      volumeML: ml(volume), voxelVolumeML: ml(voxelVolumeML), ggoVolumeML: ml(volume - core),
      consolidationVolumeML: ml(core),
      centerLPSMM: pose.toScanner(integral.centroid).array.map(mm),
      equivalentDiameterMM: mm(diameter), touchesPleura: integral.clipped)
  }

  private func lesionType(
    _ shape: LesionShape, volumeML: Double, coreML: Double, diameterMM: Double
  ) -> String {
    let consolidated = volumeML > 0 ? coreML / volumeML : 0
    if consolidated >= LesionTypeRule.consolidationFraction { return "consolidation" }
    if consolidated > 0 { return "mixed" }
    let axes = shape.semiAxes
    let ratio = max(axes.x, axes.y, axes.z) / min(axes.x, axes.y, axes.z)
    let nodular =
      diameterMM <= LesionTypeRule.nodularMaxDiameterMM
      && ratio <= LesionTypeRule.nodularMaxAxisRatio
    return nodular ? "nodular_ggo" : "patchy_ggo"
  }

  private func ml(_ value: Double) -> Double { rounded(value, Precision.volumeDigits) }
  private func mm(_ value: Double) -> Double { rounded(value, Precision.lengthDigits) }

  private func rounded(_ value: Double, _ digits: Int) -> Double {
    let scale = pow(10, Double(digits))
    let r = (value * scale).rounded() / scale
    return r == 0 ? 0 : r  // no "-0" in the JSON
  }
}
