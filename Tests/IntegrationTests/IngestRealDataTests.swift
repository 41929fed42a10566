import CTCaseCLI
import Foundation
import Imaging
import Ingest
import TestSupport
import Testing

/// Ingest on the real CT data in ../shared/data, checked against the facts in each SOURCE.md.
@Suite struct IngestRealDataTests {
  static let ricord = "covid-ricord-1a-419639-000082"
  static let lungDx = "lung-pet-ct-dx-a0002"

  /// Runs the CLI in-process and returns (exit code, stdout lines, stderr lines).
  static func ctcase(_ args: [String]) -> (Int32, String, [String]) {
    let out = LineBox()
    let err = LineBox()
    let code = CTCase.main(args, output: { out.append($0) }, diagnosticsWriter: { err.append($0) })
    return (code, out.lines.joined(separator: "\n"), err.lines)
  }

  @Test(.enabled(if: TestEnvironment.hasSharedData(ricord), TestEnvironment.skipReason(ricord)))
  func ricordInspectReportsTheKnownSeries() throws {
    let folder = try #require(TestEnvironment.sharedDataSet(Self.ricord))
    let (code, json, errors) = Self.ctcase(["inspect", folder.path, "--json"])
    #expect(code == 0)
    #expect(errors.isEmpty, "\(errors)")
    let inventory = try JSONDecoder().decode(Inventory.self, from: Data(json.utf8))
    let series = inventory.studies.flatMap(\.series)

    #expect(series.count == 1)
    let s = try #require(series.first)
    #expect(s.modality == "CT")
    #expect(s.sliceCount == 255)
    #expect(s.pixelSpacingMM == [0.703125, 0.703125])
    #expect(abs((s.sliceSpacingMM ?? 0) - 1.25) < 1e-6)
    #expect(s.sliceThicknessMM == 1.25)
    #expect(s.transferSyntaxUID == "1.2.840.10008.1.2.4.70")
    #expect(s.transferSyntax.hasPrefix("JPEG Lossless"))
    #expect(inventory.warnings.isEmpty)
    #expect(inventory.selectedSeriesInstanceUID == s.seriesInstanceUID)
    #expect(inventory.studies.first?.studyDate == "2002-08-02")
  }

  @Test(.enabled(if: TestEnvironment.hasSharedData(ricord), TestEnvironment.skipReason(ricord)))
  func ricordConvertEqualsPydicomDecode() throws {
    let folder = try #require(TestEnvironment.sharedDataSet(Self.ricord))
    let python = try #require(TestEnvironment.python, "no fixture Python: set CTCASE_PYTHON")
    let out = try TestEnvironment.makeTemporaryDirectory().appendingPathComponent("r.nii.gz")
    let (code, _, errors) = Self.ctcase(["convert", folder.path, "-o", out.path, "-q"])
    #expect(code == 0)
    #expect(errors.isEmpty, "\(errors)")

    let script = TestEnvironment.packageRoot.appendingPathComponent(
      "Scripts/fixtures/compare_dicom_nifti.py")
    let result = try TestEnvironment.run(python, [script.path, folder.path, out.path])
    #expect(result.stdout.hasPrefix("equal True maxdiff 0.0 affine True"), "\(result)")
  }

  @Test(.enabled(if: TestEnvironment.hasSharedData(lungDx), TestEnvironment.skipReason(lungDx)))
  func lungPetCtDxLoadsWithTheKnownGeometry() throws {
    let folder = try #require(TestEnvironment.sharedDataSet(Self.lungDx))
    let study = try StudyLoader.load([folder], options: LoadOptions(threads: 2))
    let g = study.volume.geometry
    #expect(g.size == GridSize(512, 512, 30))
    #expect(abs(g.spacing.x - 0.646484) < 1e-5 && abs(g.spacing.y - 0.646484) < 1e-5)
    #expect(abs(g.spacing.z - 8) < 1e-6)
    #expect(abs(g.origin.z - 80) < 1e-6)
    #expect(abs(g.point(0, 0, 29).z - 312) < 1e-6)
    #expect(g.direction == .identity)
    #expect(study.volume.voxels.min() == -1024 && study.volume.voxels.max() == 1548)
    #expect(study.warnings.isEmpty, "\(study.warnings)")
    #expect(study.metadata.studyDate == "2007-04-25")
    #expect(study.inputFiles.count == 30)
  }

  /// (data set, file, size, spacing, origin, HU range) from the pyradiomics SOURCE.md files.
  static let nrrds: [(String, String, GridSize, Vector3, Vector3, ClosedRange<Int16>)] = [
    (
      "pyradiomics-lung1", "lung1_image.nrrd", GridSize(512, 512, 48),
      Vector3(0.5703125, 0.5703125, 5), Vector3(-146, -325, -777.5), -1024...3071
    ),
    (
      "pyradiomics-lung2", "lung2_image.nrrd", GridSize(512, 512, 61),
      Vector3(0.6269531, 0.6269531, 5), Vector3(-170.5, -324.5, -360), -1024...1671
    ),
  ]

  @Test(arguments: nrrds)
  func pyradiomicsNrrdLoadsWithTheKnownGeometry(
    _ set: String, _ file: String, _ size: GridSize, _ spacing: Vector3, _ origin: Vector3,
    _ range: ClosedRange<Int16>
  ) throws {
    guard let folder = TestEnvironment.sharedDataSet(set) else { return }
    let study = try StudyLoader.load(
      [folder.appendingPathComponent(file)], options: LoadOptions(threads: 2))
    let g = study.volume.geometry
    #expect(g.size == size)
    #expect((g.spacing - spacing).length < 1e-5)
    #expect((g.origin - origin).length < 1e-4)
    #expect(g.direction == .identity)
    #expect(study.volume.voxels.min() == range.lowerBound)
    #expect(study.volume.voxels.max() == range.upperBound)
    #expect(study.warnings.isEmpty)
  }

  @Test(
    .enabled(
      if: TestEnvironment.hasSharedData("covid-ny-sbu-serial-slices"),
      TestEnvironment.skipReason("covid-ny-sbu-serial-slices")))
  func nySbuSingleSlicesAreListedAsOneSeriesEach() throws {
    let folder = try #require(TestEnvironment.sharedDataSet("covid-ny-sbu-serial-slices"))
    let inventory = try StudyLoader.inspect([folder], options: LoadOptions(threads: 2))
    let series = inventory.studies.flatMap(\.series)
    #expect(series.count == 60)
    #expect(series.allSatisfy { $0.sliceCount == 1 && $0.modality == "CT" })
    #expect(series.filter { $0.orientation == "axial" }.count == 20)
  }
}

/// Collects output lines from the CLI's closures (which may be called from any thread).
final class LineBox: @unchecked Sendable {
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
