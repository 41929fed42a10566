import Analysis
import Foundation
import Imaging
import Outputs
import Report

/// Where `report` and `figures` get their `ReportInput`: the built-in example, a
/// `ctcase.report-input/1` JSON file, or a case (manifest or folder) run through the pipeline.
enum ReportInputSource {
  static func load(_ args: ParsedArguments, command: String, context: CommandContext) throws
    -> ReportInput
  {
    if args.flag("--example") {
      if args.flag("--deidentify") {
        throw UsageError("\(command): --deidentify needs a case; the example is synthetic")
      }
      return ExampleReportInput.make()
    }
    guard let path = args.positionals.first else {
      throw UsageError("\(command): give a case file or --example")
    }
    let url = URL(fileURLWithPath: path)
    guard let data = try? Data(contentsOf: url),
      let input = try? JSONDecoder().decode(ReportInput.self, from: data),
      input.schema == ReportInput.currentSchema
    else {
      return try fromCase(url, args: args, context: context)
    }
    // A report-input file is drawn as it is: it cannot be de-identified after the fact.
    if args.flag("--deidentify") {
      throw UsageError("\(command): --deidentify needs a case, not a report-input file")
    }
    return input
  }

  /// Runs the chain on a case manifest or folder and maps the result for drawing.
  private static func fromCase(_ url: URL, args: ParsedArguments, context: CommandContext) throws
    -> ReportInput
  {
    let result = try CasePipeline.run(
      casePath: url, rules: args.value("--rules"), threads: context.threads,
      diagnostics: context.diagnostics)
    let summary = ReportProvenance(
      toolVersion: ToolVersion.string, buildCommit: ToolVersion.buildCommit,
      parameters: AnalysisParameters(), reproduceCommand: "")
    let deidentifier =
      args.flag("--deidentify")
      ? Deidentifier(secret: CaseReportRun.deidentificationSecret) : nil
    return ReportInputBuilder(result: result, provenance: summary, deidentifier: deidentifier)
      .build()
  }

  static func template(_ args: ParsedArguments) throws -> ReportTemplate {
    try ReportTemplate.load(
      args.value("--template") ?? "standard", directory: TemplateLocator.reportDirectory())
  }

  static func pageSize(_ args: ParsedArguments) throws -> PageSize? {
    guard let text = args.value("--page-size") else { return nil }
    guard
      let size = PageSize.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
    else { throw UsageError("--page-size must be A4 or Letter, got '\(text)'") }
    return size
  }
}
