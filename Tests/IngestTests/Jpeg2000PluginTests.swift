import Foundation
import TestSupport
import Testing

/// JPEG 2000 is decoded by libctcase-jpeg2000.so, loaded from beside the binary on the first
/// JPEG 2000 image; every other transfer syntax works without it.
@Suite(.enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason))
struct Jpeg2000PluginTests {
  /// The release ctcase copied alone into an empty folder (no decoder library beside it).
  static func lonelyBinary() throws -> URL {
    let binary = try #require(TestEnvironment.releaseBinary)
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-lonely")
    let copy = folder.appendingPathComponent("ctcase")
    try FileManager.default.copyItem(at: binary, to: copy)
    return copy
  }

  /// The environment without a library path that could still find the decoder.
  static var environment: [String: String] {
    ProcessInfo.processInfo.environment.filter { $0.key != "LD_LIBRARY_PATH" }
  }

  @Test func theBuildPutsTheDecoderBesideCtcase() throws {
    let binary = try #require(TestEnvironment.releaseBinary)
    let library = binary.deletingLastPathComponent().appendingPathComponent(
      "libctcase-jpeg2000.so")
    #expect(FileManager.default.fileExists(atPath: library.path))
  }

  /// Converts fixture `name` with the lonely binary; returns the run and the output path.
  static func convertAlone(_ name: String) throws -> (
    run: (status: Int32, stdout: String, stderr: String), input: URL, output: URL
  ) {
    let lonely = try lonelyBinary()
    let input = try IngestFixtures.url(name)
    let output = lonely.deletingLastPathComponent().appendingPathComponent("out.nii")
    let run = try TestEnvironment.run(
      lonely, ["convert", input.path, "-o", output.path, "-q"], environment: environment)
    return (run, input, output)
  }

  @Test func withoutTheDecoderAJpeg2000SeriesIsRefusedWithOneLine() throws {
    let (run, input, output) = try Self.convertAlone("ts-jpeg2000")

    #expect(run.status == 1)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(run.stderr.contains("ctcase: error: \(input.path)"), "\(run.stderr)")
    #expect(run.stderr.contains("libctcase-jpeg2000.so is neither in"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func withoutTheDecoderOtherSeriesStillConvert() throws {
    let (run, _, output) = try Self.convertAlone("ts-jpeg-lossless")

    #expect(run.status == 0, "\(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: output.path))
  }
}
