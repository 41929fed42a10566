import Foundation
import TestSupport
import Testing

/// No run overwrites what it reads, writes inside a folder it searches, or names one file for
/// two outputs: each is refused with one line before any work, and every file stays as it was.
@Suite struct OutputPathTests {
  /// A case folder: `case.json` naming one study folder `a` that holds a small NIfTI.
  static func makeCase() throws -> (folder: URL, manifest: URL, study: URL, volume: URL) {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-outputs")
    let study = folder.appendingPathComponent("a")
    try FileManager.default.createDirectory(at: study, withIntermediateDirectories: false)
    let (volume, _) = try IngestCommandTests.writeSample(study)
    let manifest = folder.appendingPathComponent("case.json")
    let json = #"{"schema": "ctcase.case/1", "studies": [{"path": "a", "date": "2020-01-21"}]}"#
    try Data(json.utf8).write(to: manifest)
    return (folder, manifest, study, volume)
  }

  /// Runs ctcase in-process and checks the single error line and that `files` are unchanged.
  static func refused(_ args: [String], saying text: String, keeping files: [URL]) throws {
    let before = try files.map { try Data(contentsOf: $0) }

    let (code, stdout, stderr) = IngestRealDataTests.ctcase(args)

    #expect(code == 1)
    #expect(stdout.isEmpty)
    #expect(stderr.count == 1, "\(stderr)")
    #expect(stderr.first?.contains(text) == true, "\(stderr)")
    #expect(try files.map { try Data(contentsOf: $0) } == before, "an input was changed")
  }

  @Test func convertOntoItsInputIsRefused() throws {
    let c = try Self.makeCase()
    try Self.refused(
      ["convert", c.volume.path, "-o", c.volume.path], saying: "it is an input of this run",
      keeping: [c.volume])
  }

  @Test func analyzeWritingIntoTheStudyFolderIsRefused() throws {
    let c = try Self.makeCase()
    let inside = c.study.appendingPathComponent("in.nii.gz")
    try Self.refused(
      ["analyze", c.study.path, "--json", inside.path],
      saying: "lies inside the input folder", keeping: [c.volume])
  }

  /// A study folder of symbolic links to slices elsewhere: an output onto a linked file is
  /// an output onto an input, though it lies outside the folder named on the command line.
  @Test func analyzeOntoAFileLinkedFromTheStudyFolderIsRefused() throws {
    let c = try Self.makeCase()
    let links = c.folder.appendingPathComponent("links")
    try FileManager.default.createDirectory(at: links, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      at: links.appendingPathComponent(c.volume.lastPathComponent), withDestinationURL: c.volume)

    try Self.refused(
      ["analyze", links.path, "--json", c.volume.path],
      saying: "it is an input of this run (linked from the folder", keeping: [c.volume])
  }

  @Test func courseOntoItsManifestIsRefused() throws {
    let c = try Self.makeCase()
    try Self.refused(
      ["course", c.manifest.path, "--json", c.manifest.path],
      saying: "it is an input of this run", keeping: [c.manifest, c.volume])
  }

  @Test func reportOntoItsManifestOrIntoAStudyIsRefused() throws {
    let c = try Self.makeCase()
    try Self.refused(
      ["report", c.manifest.path, "-o", c.manifest.path],
      saying: "it is an input of this run", keeping: [c.manifest, c.volume])
    try Self.refused(
      ["report", c.manifest.path, "-o", c.study.appendingPathComponent("r.pdf").path],
      saying: "lies inside the input folder", keeping: [c.manifest, c.volume])
  }

  @Test func oneFileForTwoOutputsIsRefused() throws {
    let c = try Self.makeCase()
    let report = c.folder.appendingPathComponent("r.pdf")
    try Self.refused(
      ["report", c.manifest.path, "-o", report.path, "--summary", report.path],
      saying: "it is named for two outputs of this run", keeping: [c.manifest])
    #expect(!FileManager.default.fileExists(atPath: report.path))
  }

  @Test func anOutputFolderThatIsAFileIsRefusedBeforeAnyOutput() throws {
    let c = try Self.makeCase()
    let file = c.folder.appendingPathComponent("not-a-folder")
    try Data("mine".utf8).write(to: file)
    let report = c.folder.appendingPathComponent("r.pdf")

    try Self.refused(
      ["figures", "--example", "-o", file.path], saying: "it exists and is not a folder",
      keeping: [file])
    try Self.refused(
      ["report", c.manifest.path, "-o", report.path, "--dicom", file.path],
      saying: "it exists and is not a folder", keeping: [file, c.manifest])
    #expect(!FileManager.default.fileExists(atPath: report.path))
  }

  @Test func aReportBesideTheStudiesIsFine() throws {
    let c = try Self.makeCase()
    // The check passes; the run then fails on the tiny volume, which is not a chest CT.
    let (code, _, stderr) = IngestRealDataTests.ctcase([
      "report", c.manifest.path, "-o", c.folder.appendingPathComponent("r.pdf").path, "-q",
    ])
    #expect(code == 1)
    #expect(stderr.first?.contains("inside the input folder") == false, "\(stderr)")
    #expect(stderr.first?.contains("input of this run") == false, "\(stderr)")
  }
}
