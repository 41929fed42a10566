import Foundation
import TestSupport
import Testing

/// A run stopped by SIGTERM (a batch system's time limit, `kill`) while it writes leaves no
/// temporary file or folder behind and no mix of two runs' outputs, and ends with status 143
/// (128 + 15) as a shell reports it.
@Suite(
  .serialized,
  .enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason)
)
struct InterruptTests {
  /// Stopped while its slice writers still fill the staging folder (they keep writing while
  /// it is removed), and while a re-run replaces an earlier case study by study: no hidden
  /// folder is left, and every study folder under its final name is whole.
  @Test func phantomStoppedWhileWritingASeriesLeavesNoHalfStudy() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-interrupt-phantom")
    let out = folder.appendingPathComponent("case")
    let arguments = ["-q", "phantom", "--preset", "seed-course", "--out", out.path]
    let firstStaging = out.appendingPathComponent(".ct-2020-01-21.partial/CT0100.dcm")

    let status = try Self.runUntil(
      arguments, seen: { FileManager.default.fileExists(atPath: firstStaging.path) })

    #expect(status == 143)
    #expect(Self.hiddenEntries(out).isEmpty, "\(Self.hiddenEntries(out))")

    let made = try TestEnvironment.run(TestEnvironment.releaseBinary!, arguments)
    try #require(made.status == 0, "\(made.stderr)")
    let secondStaging = out.appendingPathComponent(".ct-2020-01-23.partial/CT0010.dcm")
    let rerun = try Self.runUntil(
      arguments + ["--seed", "3"],
      seen: { FileManager.default.fileExists(atPath: secondStaging.path) })

    #expect(rerun == 143)
    #expect(Self.hiddenEntries(out).isEmpty, "\(Self.hiddenEntries(out))")
    for study in ["ct-2020-01-21", "ct-2020-01-23", "ct-2020-01-26"] {
      let slices = try FileManager.default.contentsOfDirectory(
        atPath: out.appendingPathComponent(study).path)
      #expect(slices.count == 241, "\(study): \(slices.count) slices")
    }
  }

  @Test func reportStoppedWhileWritingTheDicomSetKeepsTheEarlierSet() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-interrupt-dicom")
    let binary = TestEnvironment.releaseBinary!
    let made = try TestEnvironment.run(
      binary, ["-q", "phantom", "--preset", "thick", "--seed", "2", "--out", folder.path])
    try #require(made.status == 0, "\(made.stderr)")
    let dicom = folder.appendingPathComponent("dicom")
    try FileManager.default.createDirectory(at: dicom, withIntermediateDirectories: false)
    let earlier = Data("an earlier run's segmentation".utf8)
    try earlier.write(to: dicom.appendingPathComponent("study-01-seg.dcm"))

    let status = try Self.runUntil(
      [
        "-q", "report", folder.appendingPathComponent("case.json").path, "-o",
        folder.appendingPathComponent("report.pdf").path, "--dicom", dicom.path,
      ],
      seen: { Self.hiddenEntries(dicom).contains { $0.hasPrefix(".ctcase-staging-") } })

    #expect(status == 143)
    let left = try FileManager.default.contentsOfDirectory(atPath: dicom.path)
    #expect(left == ["study-01-seg.dcm"], "\(left)")
    #expect(try Data(contentsOf: dicom.appendingPathComponent("study-01-seg.dcm")) == earlier)
  }

  /// Starts ctcase, sends SIGTERM as soon as `seen` holds (polled every 2 ms) and returns the
  /// exit status. Fails the test when the run ends before `seen` ever held.
  private static func runUntil(_ arguments: [String], seen: () -> Bool) throws -> Int32 {
    let process = Process()
    process.executableURL = TestEnvironment.releaseBinary!
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()

    while process.isRunning && !seen() { usleep(2000) }
    try #require(process.isRunning, "the run ended before the moment to interrupt it was seen")
    process.terminate()
    process.waitUntilExit()

    #expect(process.terminationReason == .exit)
    return process.terminationStatus
  }

  /// Names starting with a dot in `folder` (temporary files and folders), none if it is absent.
  private static func hiddenEntries(_ folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasPrefix(".") }.sorted()
  }
}
