import Foundation
import TestSupport
import Testing

/// `ctcase library` end to end: a broken case is reported and skipped, a killed run leaves no
/// damaged file and a re-run completes it, current cases are skipped, and the PDF catalogue
/// lists every case with the index's numbers, carries no identity and rebuilds byte for byte.
@Suite(
  .serialized, .enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason)
)
struct LibraryTests {
  @Test func killedRunCompletesOnRerun_brokenCaseIsReportedOthersComplete() throws {
    let good = ReproducibilityTests.caseFolder.appendingPathComponent("case.json")
    let root = try TestEnvironment.makeTemporaryDirectory("ctcase-library")
    let broken = root.appendingPathComponent("broken/case.json")
    try FileManager.default.createDirectory(
      at: broken.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(#"{"schema":"ctcase.case/1","studies":[{"path":"missing","date":"2020-01-01"}]}"#.utf8)
      .write(to: broken)
    let variant = root.appendingPathComponent("variant")
    try FileManager.default.copyItem(at: ReproducibilityTests.caseFolder, to: variant)
    let library = root.appendingPathComponent("lib")
    let args = [
      "-q", "library", good.path, variant.appendingPathComponent("case.json").path, broken.path,
      "-o", library.path,
    ]

    let process = Process()
    process.executableURL = TestEnvironment.releaseBinary
    process.arguments = args
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 4)
    kill(-process.processIdentifier, SIGKILL)
    process.terminate()
    process.waitUntilExit()
    let leftovers =
      FileManager.default.enumerator(atPath: library.path)?.compactMap { $0 as? String }
      .filter { $0.contains(".partial") || $0.hasSuffix(".tmp") } ?? []
    #expect(leftovers.isEmpty || leftovers.allSatisfy { !$0.hasSuffix(".pdf") })

    let rerun = try ReproducibilityTests.ctcase(args)
    #expect(rerun.status == 1)
    #expect(rerun.stderr.contains("broken/case.json"), "\(rerun.stderr)")
    #expect(rerun.stderr.contains("studies[0].path"), "\(rerun.stderr)")
    let index = try String(contentsOf: library.appendingPathComponent("index.csv"), encoding: .utf8)
    let rows = index.split(separator: "\n").dropFirst()
    #expect(rows.count == 3)
    #expect(rows.filter { $0.contains(",ok,") }.count == 2)
    #expect(rows.filter { $0.contains(",failed,") }.count == 1)
    for row in rows where row.contains(",ok,") {
      let id = String(row.split(separator: ",")[0])
      let pdf = library.appendingPathComponent("\(id)/report.pdf")
      let check = try TestEnvironment.run(
        URL(fileURLWithPath: "/usr/bin/qpdf"), ["--check", pdf.path])
      #expect(check.status == 0, "\(id): \(check.stdout)")
    }
    try LibraryCatalogueChecks(library: library).verify(renderedCases: 2, failedCases: 1)
    try LibraryCatalogueChecks(library: library).verifyNoIdentity()
    try shardRunLeavesCatalogueToTheMerge(args, library: library)

    let twoCases = [args[0], args[1], args[2], args[3], "-o", library.path]
    let again = try ReproducibilityTests.ctcase(twoCases + ["-v"])
    #expect(again.status == 0)
    #expect(again.stderr.components(separatedBy: "up to date, skipped").count == 3)
    #expect(again.stdout.contains("2 of 2 cases"))
  }

  /// A shard run writes the index but not the catalogue; merging (`--index-only`) writes the
  /// same catalogue bytes as the whole run did.
  private func shardRunLeavesCatalogueToTheMerge(_ args: [String], library: URL) throws {
    let catalogue = library.appendingPathComponent("catalogue.pdf")
    let whole = try Data(contentsOf: catalogue)
    try FileManager.default.removeItem(at: catalogue)
    let shard = try ReproducibilityTests.ctcase(args + ["--shard", "1/2"])
    #expect(shard.stdout.contains("(index.json, index.csv)"), "\(shard.stdout)")
    #expect(!FileManager.default.fileExists(atPath: catalogue.path))
    let merged = try ReproducibilityTests.ctcase(args + ["--index-only"])
    #expect(merged.stdout.contains("catalogue.pdf"), "\(merged.stdout)")
    #expect(try Data(contentsOf: catalogue) == whole)
  }

  @Test func reportDicom_carriesSourceStudyIDAndTime_deidentifiedDropsStudyID() throws {
    let manifest = ReproducibilityTests.caseFolder.appendingPathComponent("case.json")
    let lastStudy = try FileManager.default.contentsOfDirectory(
      atPath: ReproducibilityTests.caseFolder.path
    ).filter { $0.hasPrefix("ct-") }.sorted().last
    let folder = ReproducibilityTests.caseFolder.appendingPathComponent(try #require(lastStudy))
    let slice = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first {
        $0.hasSuffix(".dcm")
      })
    let source = try dump(folder.appendingPathComponent(slice))
    let studyID = try #require(value("(0020,0010)", in: source))
    let studyTime = try #require(value("(0008,0030)", in: source))

    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-study-attributes")
    for deidentify in [false, true] {
      let name = deidentify ? "deid" : "plain"
      var args = [
        "-q", "report", manifest.path, "-o", out.appendingPathComponent("\(name).pdf").path,
        "--dicom", out.appendingPathComponent(name).path,
      ]
      if deidentify { args.append("--deidentify") }
      let made = try ReproducibilityTests.ctcase(args)
      try #require(made.status == 0, "\(made.stderr)")
      let objects = try FileManager.default.contentsOfDirectory(
        atPath: out.appendingPathComponent(name).path)
      let pdf = try dump(out.appendingPathComponent("\(name)/report-pdf.dcm"))
      #expect(value("(0008,0030)", in: pdf) == studyTime, "\(name)")
      #expect(value("(0020,0010)", in: pdf) == (deidentify ? nil : studyID), "\(name)")
      for object in objects where object.hasSuffix(".dcm") {
        let url = out.appendingPathComponent("\(name)/\(object)")
        let errors = try TestEnvironment.run(
          URL(fileURLWithPath: "/bin/sh"), ["-c", "dciodvfy '\(url.path)' 2>&1 | grep '^Error'"])
        #expect(errors.stdout.isEmpty, "\(name)/\(object): \(errors.stdout)")
      }
    }
  }

  private func dump(_ url: URL) throws -> String {
    try TestEnvironment.run(URL(fileURLWithPath: "/usr/bin/dcmdump"), ["+U8", url.path]).stdout
  }

  /// The bracketed value of `tag` in a dcmdump, or nil when it is absent or empty.
  private func value(_ tag: String, in dump: String) -> String? {
    guard let line = dump.split(separator: "\n").first(where: { $0.hasPrefix(tag) }),
      let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]")
    else { return nil }
    return String(line[line.index(after: open)..<close])
  }
}
