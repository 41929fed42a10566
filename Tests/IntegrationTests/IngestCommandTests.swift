import CTCaseCLI
import Foundation
import Imaging
import Ingest
import Outputs
import TestSupport
import Testing

/// `ctcase inspect` and `ctcase convert`: results on stdout, one line per problem on stderr,
/// exit codes 0 / 1 / 2.
@Suite struct IngestCommandTests {
  /// A small chest-like volume (air and tissue) written as NIfTI.
  static func writeSample(_ folder: URL) throws -> (URL, Volume) {
    let geometry = Geometry(
      size: GridSize(6, 5, 4), spacing: Vector3(0.7, 0.8, 2.5), origin: Vector3(-10, -20, 30))
    let volume = Volume(
      geometry: geometry, voxels: (0..<120).map { Int16($0 % 7 == 0 ? -1000 : $0) })
    let url = folder.appendingPathComponent("in.nii.gz")
    try NiftiWriter.write(volume, to: url)
    return (url, volume)
  }

  @Test func convertWritesTheVolumeAndPrintsItsPath() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let (input, volume) = try Self.writeSample(folder)
    let output = folder.appendingPathComponent("out.nii")
    let (code, stdout, stderr) = IngestRealDataTests.ctcase([
      "convert", input.path, "-o", output.path, "--float32", "-q",
    ])
    #expect(code == 0)
    #expect(stdout == output.path)
    #expect(stderr.isEmpty)
    let back = try StudyLoader.load([output], options: LoadOptions(threads: 1))
    #expect(back.volume.voxels == volume.voxels)
    #expect(back.volume.geometry.size == volume.geometry.size)
  }

  @Test func inspectJSONDescribesTheVolume() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let (input, _) = try Self.writeSample(folder)
    let (code, stdout, _) = IngestRealDataTests.ctcase(["inspect", input.path, "--json"])
    #expect(code == 0)
    let inventory = try JSONDecoder().decode(Inventory.self, from: Data(stdout.utf8))
    #expect(inventory.format == "nifti")
    #expect(inventory.studies.first?.series.first?.sliceCount == 4)
    // NIfTI stores spacing as float32.
    let pixel = inventory.studies.first?.series.first?.pixelSpacingMM ?? []
    #expect(pixel.count == 2 && abs(pixel[0] - 0.8) < 1e-6 && abs(pixel[1] - 0.7) < 1e-6)
  }

  /// (arguments, exit code, text the single stderr line must contain).
  static let failures: [([String], Int32, String)] = [
    (["convert", "/no/such/input"], 2, "-o FILE is required"),
    (["convert", "/no/such/input", "-o", "x.png"], 2, "must name a .nii or .nii.gz"),
    (["convert", "/no/such/input", "-o", "x.nii"], 1, "/no/such/input: cannot read"),
    (["inspect", "/no/such/input"], 1, "/no/such/input: cannot read: no such file or folder"),
    (["inspect"], 2, "missing argument"),
    (["inspect", "x", "--bogus"], 2, "unknown option '--bogus'"),
  ]

  @Test(arguments: failures)
  func failuresExitWithOneLine(_ args: [String], _ code: Int32, _ text: String) {
    let (status, stdout, stderr) = IngestRealDataTests.ctcase(args)
    #expect(status == code)
    #expect(stdout.isEmpty)
    #expect(stderr.count == 1)
    #expect(stderr.first?.contains(text) == true, "\(stderr)")
  }

  @Test func convertIntoAMissingFolderLeavesNothingAndNamesTheFile() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let (input, _) = try Self.writeSample(folder)
    let target = folder.appendingPathComponent("missing/out.nii.gz")
    let (code, _, stderr) = IngestRealDataTests.ctcase([
      "convert", input.path, "-o", target.path, "-q",
    ])
    #expect(code == 1)
    #expect(stderr == ["ctcase: error: \(target.path): cannot write: the folder does not exist"])
  }
}
