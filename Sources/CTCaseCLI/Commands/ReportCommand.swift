import Foundation
import Report

/// `ctcase report`: Render the PDF case report.
enum ReportCommand: Subcommand {
  static let spec = CommandSpec(
    name: "report", summary: "Render the PDF case report.",
    usage: "report (CASE | REPORT-INPUT.json | --example) -o report.pdf",
    options: [
      OptionSpec(["-o", "--output"], value: "FILE", help: "Where to write the PDF."),
      OptionSpec(
        ["--template"], value: "NAME|FILE", help: "Report template (standard, zh-CN or a file)."),
      OptionSpec(["--page-size"], value: "A4|Letter", help: "Override the template's page size."),
      OptionSpec(["--example"], help: "Render the built-in synthetic six-day example."),
    ], minPositionals: 0, maxPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let output = args.value("--output") else {
      throw UsageError("report: -o FILE is required")
    }
    let input = try ReportInputSource.load(args, command: "report")
    let template = try ReportInputSource.template(args)
    let pageSize = try ReportInputSource.pageSize(args)
    let fonts = try FontSet()
    let url = URL(fileURLWithPath: output)
    try CaseReport.writePDF(input, template: template, pageSize: pageSize, fonts: fonts, to: url)
    context.diagnostics.note("report: wrote \(url.path)")
    return .success
  }
}
