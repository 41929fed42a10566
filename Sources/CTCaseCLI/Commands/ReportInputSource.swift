import Foundation
import Report

/// Where `report` and `figures` get their `ReportInput`: the built-in example, or a
/// `ctcase.report-input/1` JSON file. A case manifest needs the pipeline (course stage),
/// which is mapped in once it lands.
enum ReportInputSource {
  static func load(_ args: ParsedArguments, command: String) throws -> ReportInput {
    if args.flag("--example") { return ExampleReportInput.make() }
    guard let path = args.positionals.first else {
      throw UsageError("\(command): give a case file or --example")
    }
    let url = URL(fileURLWithPath: path)
    guard let data = try? Data(contentsOf: url) else {
      throw ReportError.invalidInput(field: path, problem: "file cannot be read")
    }
    guard let input = try? JSONDecoder().decode(ReportInput.self, from: data),
      input.schema == ReportInput.currentSchema
    else {
      // TODO: running the chain from a case manifest needs CasePipeline (branch course);
      // until it is merged only report-input JSON and --example are accepted.
      throw ReportError.invalidInput(
        field: path,
        problem: "not a \(ReportInput.currentSchema) file (case manifests need the pipeline)")
    }
    return input
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
