import Foundation
import Imaging
import Ingest
import Outputs

/// `ctcase verify report.pdf`: re-runs a report from its provenance record and compares.
///
/// Says `identical` (exit 0) or lists every difference, one per line: a changed or missing
/// input file, a different tool or library version, different output bytes (exit 1).
enum VerifyCommand: Subcommand {
  static let spec = CommandSpec(
    name: "verify", summary: "Re-run a report from its provenance and compare.",
    usage: "verify report.pdf [--provenance FILE] [--case PATH]",
    options: [
      OptionSpec(
        ["--provenance"], value: "FILE",
        help: "The record to check (default: REPORT.provenance.json beside the report)."),
      OptionSpec(
        ["--case"], value: "PATH",
        help: "The case to re-run (needed when the record is de-identified and withholds it)."),
    ], minPositionals: 1, maxPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    let report = URL(fileURLWithPath: args.positionals[0])
    let recordURL =
      args.value("--provenance").map { URL(fileURLWithPath: $0) }
      ?? CaseReportRun.provenanceURL(for: report)
    let recorded = try readRecord(recordURL)
    var differences: [String] = []

    if let pdf = recorded.outputs.first(where: { $0.role == "report_pdf" }),
      (try? FileHash.sha256(of: report)) != pdf.sha256
    {
      differences.append("\(report.path): the report file is not the one its record names")
    }

    let current = try rerun(
      recorded, recordURL: recordURL, casePath: args.value("--case"), context: context)
    differences += ProvenanceComparison.differences(recorded: recorded, current: current)
      .filter { !isDicomOnly($0, current) }.map(\.description)

    guard differences.isEmpty else {
      for d in differences { context.output("differs: \(d)") }
      return .failure
    }
    context.output(
      "identical: \(report.lastPathComponent) re-renders byte for byte from its inputs")
    return .success
  }

  /// DICOM outputs are re-made only when the record has them; a re-run without `--dicom`
  /// simply lacks them.
  private static func isDicomOnly(_ d: ProvenanceDifference, _ current: Provenance) -> Bool {
    if case .outputMissing(let role) = d { return role.hasPrefix("dicom_") }
    return false
  }

  private static func readRecord(_ url: URL) throws -> Provenance {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw VerifyError.noRecord(path: url.path)
    }
    do {
      return try JSONDecoder().decode(Provenance.self, from: data)
    } catch {
      throw VerifyError.badRecord(path: url.path)
    }
  }

  /// Renders the recorded case again into a temporary folder and returns its record.
  private static func rerun(
    _ recorded: Provenance, recordURL: URL, casePath given: String?, context: CommandContext
  ) throws -> Provenance {
    let folder = recordURL.deletingLastPathComponent()
    let withheld = recorded.caseManifest.path == CaseReportRun.withheldCasePath
    if withheld, given == nil { throw VerifyError.caseWithheld(path: recordURL.path) }
    let casePath =
      given.map { URL(fileURLWithPath: $0).standardizedFileURL }
      ?? folder.appendingPathComponent(recorded.caseManifest.path).standardizedFileURL
    guard FileManager.default.fileExists(atPath: casePath.path) else {
      throw VerifyError.caseMissing(path: casePath.path)
    }
    // The re-run writes beside the original so that the record's relative case path is equal.
    let scratch = folder.appendingPathComponent(".ctcase-verify-\(getpid()).pdf")
    let scratchFiles = [scratch, CaseReportRun.provenanceURL(for: scratch)]
    for file in scratchFiles { InterruptCleanup.register(file.path) }
    defer {
      for file in scratchFiles {
        try? FileManager.default.removeItem(at: file)
        InterruptCleanup.unregister(file.path)
      }
    }
    let rendered = try CaseReportRun.run(
      casePath: casePath, output: scratch, options: ReportOptions(record: recorded.options),
      threads: context.threads, diagnostics: context.diagnostics)
    return rendered.provenance
  }
}

/// Why a report could not be verified at all.
enum VerifyError: Error, CustomStringConvertible {
  case noRecord(path: String)
  case badRecord(path: String)
  case caseMissing(path: String)
  case caseWithheld(path: String)

  var description: String {
    switch self {
    case .noRecord(let p): return "\(p): no provenance record (was the report made by ctcase?)"
    case .badRecord(let p): return "\(p): not a ctcase provenance record"
    case .caseMissing(let p): return "\(p): the case the record names is not there"
    case .caseWithheld(let p):
      return "\(p): the record is de-identified and withholds the case path: give it with --case"
    }
  }
}
