import Foundation
import TestSupport
import Testing

/// `ctcase library` end to end: a broken case is reported and skipped, a killed run leaves no
/// damaged file and a re-run completes it, and current cases are skipped.
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

    let twoCases = [args[0], args[1], args[2], args[3], "-o", library.path]
    let again = try ReproducibilityTests.ctcase(twoCases + ["-v"])
    #expect(again.status == 0)
    #expect(again.stderr.components(separatedBy: "up to date, skipped").count == 3)
    #expect(again.stdout.contains("2 of 2 cases"))
  }
}
