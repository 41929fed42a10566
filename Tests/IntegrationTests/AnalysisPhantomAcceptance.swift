import Analysis
import Foundation
import Imaging
import Phantom
import Testing

/// The acceptance table of issue 4 on the phantom presets: lesions of 0.5 mL and up found and
/// their volume error, nodular GGO sensitivity (5 mm and up), false positives per study, and
/// lung volume error. A truth lesion is found when one of our lesions has its centre within
/// half its equivalent diameter plus `matchMarginMM`; our lesions matching no truth lesion are
/// false positives.
enum PhantomAcceptance {
  static let matchMarginMM = 5.0

  struct Row {
    var preset: String
    var studies = 0
    var bigFound = 0
    var bigTotal = 0
    var worstBigVolumeError = 0.0
    var nodularFound = 0
    var nodularTotal = 0
    var falsePositives = 0
    var worstLungError = 0.0
  }

  static func evaluate(_ preset: PhantomPreset, seed: UInt64, threads: Int) throws -> Row {
    let generator = PhantomGenerator(preset: preset, seed: seed)
    var row = Row(preset: preset.rawValue)
    for index in 0..<generator.studyCount {
      let (volume, _, truth) = generator.makeStudy(index: index, threads: threads)
      let m = try LungAnalyzer(threads: threads).analyze(volume).measurements
      row.studies += 1
      row.worstLungError = max(
        row.worstLungError, abs(m.lungVolumeML - truth.lungVoxelVolumeML) / truth.lungVoxelVolumeML)
      var matched = Set<Int>()
      for t in truth.lesions {
        let centre = Vector3(t.centerLPSMM[0], t.centerLPSMM[1], t.centerLPSMM[2])
        let reach = t.equivalentDiameterMM / 2 + matchMarginMM
        let near: [LesionMeasurement] = m.lesions.filter {
          ($0.centerLPS - centre).length <= reach
        }
        let hit: LesionMeasurement? = near.min {
          ($0.centerLPS - centre).length < ($1.centerLPS - centre).length
        }
        if let hit { matched.insert(hit.id) }
        if t.voxelVolumeML >= 0.5 {
          row.bigTotal += 1
          if let hit {
            row.bigFound += 1
            row.worstBigVolumeError = max(
              row.worstBigVolumeError, abs(hit.volumeML - t.voxelVolumeML) / t.voxelVolumeML)
          }
        }
        if t.type == "nodular_ggo", t.equivalentDiameterMM >= 5 {
          row.nodularTotal += 1
          if hit != nil { row.nodularFound += 1 }
        }
      }
      row.falsePositives += m.lesions.filter { !matched.contains($0.id) }.count
    }
    return row
  }
}

/// Prints the acceptance table (release build; about two minutes):
/// `CTCASE_ACCEPTANCE=1 swift test -c release -Xswiftc -enable-testing --filter phantomAcceptance`
@Test(.enabled(if: ProcessInfo.processInfo.environment["CTCASE_ACCEPTANCE"] != nil))
func phantomAcceptanceTable() throws {
  print(
    "| preset | studies | lesions >= 0.5 mL found | worst volume error | nodular GGO >= 5 mm "
      + "found | FP per study | worst lung volume error |")
  for preset in [PhantomPreset.seedCourse, .healthy, .severe, .thick] {
    let r = try PhantomAcceptance.evaluate(preset, seed: 1, threads: 2)
    print(
      "| \(r.preset) | \(r.studies) | \(r.bigFound)/\(r.bigTotal) | "
        + String(format: "%.1f %%", 100 * r.worstBigVolumeError)
        + " | \(r.nodularFound)/\(r.nodularTotal) | "
        + String(format: "%.2f", Double(r.falsePositives) / Double(r.studies)) + " | "
        + String(format: "%.2f %%", 100 * r.worstLungError) + " |")
  }
}
