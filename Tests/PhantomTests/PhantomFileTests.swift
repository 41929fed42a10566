import Foundation
import Imaging
import TestSupport
import Testing

@testable import Phantom

@Suite("Phantom files", .serialized)
struct PhantomFileTests {
  @Test("same seed: identical SHA-256 of every file (DICOM, NIfTI, JSON) on 1 or 2 threads")
  func determinism() throws {
    let root = try TestEnvironment.makeTemporaryDirectory("ctcase-phantom")
    defer { try? FileManager.default.removeItem(at: root) }
    let generate = { (seed: UInt64, threads: Int, name: String) throws -> [String: String] in
      let folder = root.appendingPathComponent(name)
      _ = try PhantomGenerator(preset: .seedCourse, seed: seed, scan: .coarseForTests)
        .generate(to: folder, threads: threads, writeNifti: true)
      return try PhantomFixtures.sha256OfFiles(in: folder)
    }
    let first = try generate(11, 1, "a")
    let second = try generate(11, 2, "b")
    let other = try generate(12, 2, "c")
    #expect(first.count == 3 * (ScanProtocol.coarseForTests.sliceCount + 2) + 2)
    #expect(first == second)
    #expect(Set(first.keys) == Set(other.keys))
    #expect(first.filter { other[$0.key] == $0.value }.isEmpty)
  }

  @Test(
    "dciodvfy reports no error on the generated CT images",
    .enabled(
      if: PhantomFixtures.tool("dciodvfy") != nil,
      "skipped: dciodvfy (Debian dicom3tools) is not installed; make apt-deps installs it"))
  func dciodvfyAcceptsImages() throws {
    let dciodvfy = try #require(PhantomFixtures.tool("dciodvfy"))
    let root = try TestEnvironment.makeTemporaryDirectory("ctcase-phantom")
    defer { try? FileManager.default.removeItem(at: root) }
    let generator = PhantomGenerator(preset: .healthy, seed: 5, scan: .coarseForTests)
    let truth = try generator.generate(to: root, threads: 2, writeNifti: false)
    let study = root.appendingPathComponent(truth.studies[0].folder)
    for k in [0, ScanProtocol.coarseForTests.sliceCount - 1] {
      let file = study.appendingPathComponent(generator.sliceFileName(k))
      let result = try TestEnvironment.run(dciodvfy, [file.path])
      let report = result.stdout + result.stderr
      #expect(report.contains("CTImage"), "\(report)")
      #expect(!report.contains("Error"), "\(report)")
    }
  }

  @Test("truth.json holds the contract's keys and the study folders exist")
  func truthFileContract() throws {
    let root = try TestEnvironment.makeTemporaryDirectory("ctcase-phantom")
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try PhantomGenerator(preset: .seedCourse, seed: 5, scan: .coarseForTests)
      .generate(to: root, threads: 2, writeNifti: false)
    let data = try Data(contentsOf: root.appendingPathComponent("truth.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let studies = try #require(json["studies"] as? [[String: Any]])
    #expect(studies.count == 3)
    for study in studies {
      for key in [
        "date", "folder", "lung_volume_ml", "lesion_volume_ml", "lesions",
        "right_lung_volume_ml", "left_lung_volume_ml", "day_from_onset", "transform",
      ] {
        #expect(study[key] != nil, "missing \(key)")
      }
      let folder = try #require(study["folder"] as? String)
      #expect(PhantomFixtures.isFolder(root.appendingPathComponent(folder)))
      for lesion in try #require(study["lesions"] as? [[String: Any]]) {
        for key in [
          "id", "volume_ml", "ggo_volume_ml", "consolidation_volume_ml",
          "center_lps_mm", "voxel_volume_ml", "touches_pleura", "side", "type",
          "equivalent_diameter_mm",
        ] {
          #expect(lesion[key] != nil, "missing lesion \(key)")
        }
      }
    }
    let manifest = try JSONDecoder().decode(
      CaseManifest.self, from: Data(contentsOf: root.appendingPathComponent("case.json")))
    #expect(manifest.studies.map(\.path) == studies.compactMap { $0["folder"] as? String })
  }

  @Test("an output path that is a file fails with an error naming it")
  func outputIsAFile() throws {
    let root = try TestEnvironment.makeTemporaryDirectory("ctcase-phantom")
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("taken")
    try Data("x".utf8).write(to: file)
    let generator = PhantomGenerator(preset: .healthy, seed: 1, scan: .coarseForTests)
    #expect {
      _ = try generator.generate(to: file, threads: 1, writeNifti: false)
    } throws: { error in
      "\(error)" == "\(file.path): cannot create the output folder (a file has that name)"
    }
  }
}
