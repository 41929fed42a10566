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
      OptionSpec(["--timings"], help: "Print a table of stage times (ms) on stdout."),
    ], minPositionals: 0, maxPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let output = args.value("--output") else {
      throw UsageError("report: -o FILE is required")
    }
    var timings = StageTimings()
    let input = try timings.measure("input (example build or JSON read)") {
      try ReportInputSource.load(args, command: "report")
    }
    let template = try ReportInputSource.template(args)
    let pageSize = try ReportInputSource.pageSize(args)
    let fonts = try timings.measure("fonts (private fontconfig, hashes)") { try FontSet() }
    let url = URL(fileURLWithPath: output)
    let document = try timings.measure("layout") {
      try CaseReport.layout(input, template: template, pageSize: pageSize, fonts: fonts)
    }
    try timings.measure("render PDF (cairo, pango)") {
      try CairoRenderer(fonts: fonts).writePDF(document, to: url)
    }
    if args.flag("--timings") { context.output(timings.table(excludingFirst: true)) }
    context.diagnostics.note("report: wrote \(url.path)")
    return .success
  }
}
