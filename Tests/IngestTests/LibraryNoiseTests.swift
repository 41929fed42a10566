import Foundation
import TestSupport
import Testing

/// Damaged input that makes a library complain (DCMTK's decoders, OpenJPEG through GDCM,
/// libnifti2) gives exactly one line on stderr, ctcase's own, naming the file; the command
/// exits 1 and writes no output. Runs the release binary: the libraries print from inside it.
@Suite(.enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason))
struct LibraryNoiseTests {
  /// (fixture, the file the error must name: a `-name.txt` holding its path, or the fixture).
  static let cases: [(String, String?)] = [
    ("damaged-rle", "damaged-rle-name.txt"),
    ("damaged-jpeg-lossless", "damaged-jpeg-lossless-name.txt"),
    ("damaged-jpeg2000", "damaged-jpeg2000-name.txt"),
    ("nifti/bad-datatype.nii", nil),
  ]

  @Test(arguments: cases)
  func convertPrintsOneLineNamingTheFile(_ name: String, _ victimFile: String?) throws {
    let input = try IngestFixtures.url(name)
    let victim = try victimFile.map {
      try String(contentsOf: try IngestFixtures.url($0), encoding: .utf8)
    }
    let output = try TestEnvironment.makeTemporaryDirectory("ctcase-noise")
      .appendingPathComponent("out.nii.gz")

    let run = try TestEnvironment.run(
      TestEnvironment.releaseBinary!, ["convert", input.path, "-o", output.path])

    let lines = run.stderr.split(separator: "\n")
    #expect(run.status == 1)
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.hasPrefix("ctcase: error: \(victim ?? input.path): ") == true)
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
