import Foundation
import Imaging
import TestSupport
import Testing

@testable import Phantom

@Suite("Phantom presets")
struct PhantomPresetTests {
  @Test("healthy has no lesion in any study")
  func healthyHasNoLesions() {
    let generator = PhantomGenerator(preset: .healthy, seed: 3, scan: .coarseForTests)
    let study = generator.makeStudy(index: 0, threads: 2)
    #expect(study.truth.lesions.isEmpty)
    #expect(study.truth.lesionVolumeML == 0)
    #expect(!study.labels.labels.contains { $0 >= 3 })
  }

  @Test("severe covers more than a quarter of the lungs with GGO and consolidation")
  func severeIsExtensive() {
    let generator = PhantomGenerator(preset: .severe, seed: 3, scan: .coarseForTests)
    let last = generator.makeStudy(index: generator.studyCount - 1, threads: 2).truth
    #expect(last.lesionPercentOfLung > 25)
    #expect(Set(last.lesions.map(\.side)) == ["left", "right"])
    #expect(last.consolidationVolumeML > 0 && last.ggoVolumeML > 0)
  }

  @Test(
    "protocols: 512 x 512, 1.25 mm thin and 5 mm thick slices",
    arguments: [
      (PhantomPreset.seedCourse, 1.25), (PhantomPreset.thick, 5.0),
    ])
  func protocols(preset: PhantomPreset, sliceMM: Double) {
    let geometry = PhantomGenerator(preset: preset, seed: 1).geometry
    #expect(geometry.size.nx == 512 && geometry.size.ny == 512)
    #expect(geometry.spacing.z == sliceMM)
    #expect(abs(geometry.spacing.x - 360.0 / 512) < 1e-12)
  }

  @Test("the case manifest names every study in date order with the clinical timeline")
  func manifest() throws {
    let generator = PhantomGenerator(preset: .seedCourse, seed: 1)
    let manifest = generator.caseManifest(studyPathPrefix: "generated/")
    #expect(manifest.schema == "ctcase.case/1")
    #expect(manifest.synthetic)
    #expect(
      manifest.studies.map(\.path) == [
        "generated/ct-2020-01-21", "generated/ct-2020-01-23", "generated/ct-2020-01-26",
      ])
    #expect(
      manifest.events.map(\.kind) == [
        "contact", "symptom_onset", "nucleic_acid_test", "isolation", "nucleic_acid_test",
      ])
    #expect(manifest.events.compactMap(\.result) == ["negative", "positive"])
    #expect(manifest.patient.name.hasPrefix("Synthetic^"))
  }

  @Test("UIDs are valid, deterministic and distinct per seed")
  func uids() {
    let a = DicomUID.make(seed: 1, preset: .seedCourse, kind: .study, study: 0)
    let b = DicomUID.make(seed: 2, preset: .seedCourse, kind: .study, study: 0)
    #expect(a == DicomUID.make(seed: 1, preset: .seedCourse, kind: .study, study: 0))
    #expect(a != b)
    #expect(a.count <= 64 && a.hasPrefix("2.25."))
    #expect(a.allSatisfy { $0.isNumber || $0 == "." })
  }
}

@Suite("Example case")
struct ExampleCaseTests {
  @Test("Examples/seed-course/case.json is the manifest the phantom makes for seed 1")
  func exampleManifestMatchesGenerator() throws {
    let url = TestEnvironment.packageRoot.appendingPathComponent("Examples/seed-course/case.json")
    let stored = try JSONDecoder().decode(CaseManifest.self, from: Data(contentsOf: url))
    let expected = PhantomGenerator(preset: .seedCourse, seed: 1)
      .caseManifest(studyPathPrefix: "generated/")
    #expect(stored == expected)
  }
}
