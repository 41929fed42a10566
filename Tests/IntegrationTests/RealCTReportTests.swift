import Foundation
import TestSupport
import Testing

/// The real RICORD COVID-19 CT as a one-study case through the whole chain (release binary):
/// the report renders, its study page lists the ground-glass lesions the analysis found, and
/// the measured lung volume is the plausible 4-5 L of an adult chest.
/// The real-data set this suite reads from ../shared/data.
private let ricordDataSet = "covid-ricord-1a-419639-000082"

@Suite(
  .enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason),
  .enabled(
    if: TestEnvironment.hasSharedData(ricordDataSet),
    TestEnvironment.skipReason(ricordDataSet)))
struct RealCTReportTests {

  @Test func ricordReportListsItsGroundGlassLesions() throws {
    let binary = try #require(TestEnvironment.releaseBinary)
    let source = try #require(TestEnvironment.sharedDataSet(ricordDataSet))
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-ricord")
    let report = out.appendingPathComponent("ricord.pdf")

    let run = try TestEnvironment.run(binary, ["-q", "report", source.path, "-o", report.path])
    #expect(run.status == 0, "\(run.stderr)")

    let text = try TestEnvironment.run(
      URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-layout", report.path, "-"]
    ).stdout
    let ggoRows = text.split(separator: "\n").filter { $0.contains("patchy GGO") }
    #expect(ggoRows.count >= 5, "ground-glass lesion rows: \(ggoRows.count)")
    let lung = try #require(
      text.split(separator: "\n").first { $0.contains("Lung volume") })
    let litres = lung.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1000 }
    #expect((4.0...5.0).contains(litres ?? 0), "lung volume line: \(lung)")
  }
}
