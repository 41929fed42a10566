import CTCaseCLI
import Foundation
import Imaging
import Ingest
import Phantom
import TestSupport
import Testing

/// The phantom's DICOM read back by ingest (`ctcase inspect`, `ctcase convert`, `StudyLoader`)
/// must show exactly the geometry and voxels that truth.json and the generator state.
@Suite("Phantom read back by ingest", .serialized)
struct PhantomRoundTripTests {
  static let generator = PhantomGenerator(preset: .seedCourse, seed: 21, scan: .coarseForTests)

  /// The generated case, written once for the suite.
  static let written: (folder: URL, truth: PhantomTruth)? = {
    guard let folder = try? TestEnvironment.makeTemporaryDirectory("ctcase-phantom-io"),
      let truth = try? generator.generate(to: folder, threads: 2, writeNifti: false)
    else { return nil }
    return (folder, truth)
  }()

  static func ctcase(_ args: [String]) -> (Int32, String, [String]) {
    let out = PhantomLines()
    let err = PhantomLines()
    let code = CTCase.main(args, output: { out.append($0) }, diagnosticsWriter: { err.append($0) })
    return (code, out.lines.joined(separator: "\n"), err.lines)
  }

  @Test("inspect reports one axial CT series with the truth's grid and date", arguments: [0, 2])
  func inspect(study index: Int) throws {
    let (folder, truth) = try #require(Self.written, "the phantom could not be generated")
    let study = truth.studies[index]
    let (code, json, errors) = Self.ctcase([
      "inspect", folder.appendingPathComponent(study.folder).path, "--json",
    ])
    #expect(code == 0)
    #expect(errors.isEmpty, "\(errors)")
    let inventory = try JSONDecoder().decode(Inventory.self, from: Data(json.utf8))
    let series = try #require(inventory.studies.first?.series.first)
    #expect(inventory.studies.count == 1 && inventory.studies[0].series.count == 1)
    #expect(inventory.studies[0].studyDate == study.date)
    #expect(inventory.selectedSeriesInstanceUID == study.seriesInstanceUID)
    #expect(series.sliceCount == study.grid.size[2])
    #expect([series.columns, series.rows] == Array(study.grid.size[0...1]))
    #expect(series.pixelSpacingMM == Array(study.grid.spacingMM[0...1]))
    #expect(series.sliceThicknessMM == study.grid.sliceThicknessMM)
    #expect(abs((series.sliceSpacingMM ?? 0) - study.grid.spacingMM[2]) < 1e-6)
    #expect(inventory.warnings.isEmpty, "\(inventory.warnings)")
  }

  @Test("StudyLoader gives the generator's voxels on the truth's grid", arguments: [0, 2])
  func load(study index: Int) throws {
    let (folder, truth) = try #require(Self.written, "the phantom could not be generated")
    let study = truth.studies[index]
    let loaded = try StudyLoader.load(
      [folder.appendingPathComponent(study.folder)], options: LoadOptions(threads: 2))
    let g = loaded.volume.geometry
    #expect([g.size.nx, g.size.ny, g.size.nz] == study.grid.size)
    #expect(zip(g.spacing.array, study.grid.spacingMM).allSatisfy { abs($0 - $1) < 1e-6 })
    #expect(zip(g.origin.array, study.grid.originLPSMM).allSatisfy { abs($0 - $1) < 1e-3 })
    #expect(g.direction == .identity)
    #expect(loaded.metadata.studyDate == study.date)
    #expect(loaded.metadata.patient.name?.hasPrefix("Synthetic") == true)
    let expected = Self.generator.makeStudy(index: index, threads: 2).volume
    #expect(loaded.volume.voxels == expected.voxels)
  }

  @Test("convert writes a NIfTI that reads back with the same voxels and origin")
  func convert() throws {
    let (folder, truth) = try #require(Self.written, "the phantom could not be generated")
    let study = truth.studies[1]
    let output = folder.appendingPathComponent("converted.nii.gz")
    let (code, _, errors) = Self.ctcase([
      "convert", folder.appendingPathComponent(study.folder).path, "-o", output.path,
    ])
    #expect(code == 0, "\(errors)")
    let nifti = try StudyLoader.load([output], options: LoadOptions(threads: 2))
    let dicom = try StudyLoader.load(
      [folder.appendingPathComponent(study.folder)], options: LoadOptions(threads: 2))
    #expect(nifti.volume.voxels == dicom.volume.voxels)
    let g = nifti.volume.geometry
    #expect(zip(g.origin.array, study.grid.originLPSMM).allSatisfy { abs($0 - $1) < 1e-3 })
  }
}

/// Lines written from the CLI's output closures (which may run on any thread).
private final class PhantomLines: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []

  func append(_ line: String) {
    lock.lock()
    stored.append(line)
    lock.unlock()
  }

  var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}
