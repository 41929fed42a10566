import Foundation
import TestSupport
import Testing

@testable import CTCaseCLI

/// A library case is re-rendered when a file it reads changes: also a slice in a study folder
/// that is a symbolic link, or that the manifest names outside the case folder.
struct CaseFingerprintTests {
  /// A case folder holding `case.json` with studies `linked` (a symbolic link to a folder
  /// elsewhere) and `../outside/s2`; returns the case folder and one slice of each study.
  private func makeCase() throws -> (folder: URL, slices: [URL]) {
    let root = try TestEnvironment.makeTemporaryDirectory("ctcase-fingerprint")
    let folder = root.appendingPathComponent("case")
    let targets = [
      root.appendingPathComponent("real/s1"), root.appendingPathComponent("outside/s2"),
    ]
    for target in targets {
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      try Data("slice".utf8).write(to: target.appendingPathComponent("CT0001.dcm"))
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("linked"), withDestinationURL: targets[0])
    let manifest = """
      {"schema": "ctcase.case/1", "studies": [{"path": "linked", "date": "2020-01-21"},
       {"path": "../outside/s2", "date": "2020-01-23"}]}
      """
    try Data(manifest.utf8).write(to: folder.appendingPathComponent("case.json"))
    return (folder, targets.map { $0.appendingPathComponent("CT0001.dcm") })
  }

  @Test func changesToLinkedOrOutsideStudiesChangeTheFingerprint() throws {
    let c = try makeCase()
    let before = CaseFingerprint.of(c.folder)
    #expect(CaseFingerprint.of(c.folder) == before, "the fingerprint is not stable")

    for slice in c.slices {
      let earlier = CaseFingerprint.of(c.folder)
      try Data("slice, changed".utf8).write(to: slice)

      #expect(CaseFingerprint.of(c.folder) != earlier, "\(slice.path) changed unnoticed")
    }
  }
}
