import Course
import Foundation
import Imaging
import Outputs
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
      OptionSpec(["--rules"], value: "NAME|FILE", help: "Alert rule set overriding the case's."),
      OptionSpec(
        ["--deidentify"], help: "Pseudonymise the patient, shift dates, drop identifying text."),
      OptionSpec(
        ["--dicom"], value: "DIR",
        help: "Also write DICOM Encapsulated PDF, SR and SEG objects into DIR."),
      OptionSpec(
        ["--summary"], value: "FILE", help: "Also write the key figures as JSON (case libraries)."),
      OptionSpec(
        ["--thumbnail"], value: "FILE",
        help: "Also write the last study's key slice as JSON (case library catalogue)."),
    ], minPositionals: 0, maxPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    ParentWatch.startIfLibraryChild()
    guard let output = args.value("--output") else {
      throw UsageError("report: -o FILE is required")
    }
    if !args.flag("--example"), let path = args.positionals.first, !isReportInputFile(path) {
      return try runCase(path, output: output, args: args, context: context)
    }
    let template = try ReportInputSource.template(args)
    let pageSize = try ReportInputSource.pageSize(args)
    let timings = StageTimings()
    let input = try timings.measure("input (example build or JSON read)") {
      try ReportInputSource.load(args, command: "report", context: context)
    }
    let fonts = try timings.measure("fonts (private fontconfig, hashes)") { try FontSet() }
    let url = URL(fileURLWithPath: output)
    let document = try timings.measure("layout") {
      try CaseReport.layout(input, template: template, pageSize: pageSize, fonts: fonts)
    }
    try timings.measure("render PDF (cairo, pango)") {
      try CairoRenderer(fonts: fonts).writePDF(document, to: url)
    }
    if args.flag("--timings") {
      context.output(
        timings.table(excludingFirst: true, totalLabel: "total report rendering (without input)"))
    }
    context.diagnostics.note("report: wrote \(url.path)")
    return .success
  }

  /// A `ctcase.report-input/1` JSON file (rendered as it is) rather than a case.
  private static func isReportInputFile(_ path: String) -> Bool {
    guard path.hasSuffix(".json"), let data = FileManager.default.contents(atPath: path) else {
      return false
    }
    return String(decoding: data.prefix(4096), as: UTF8.self).contains(ReportInput.currentSchema)
  }

  /// The whole chain for a case manifest or folder: report, provenance, optional DICOM.
  private static func runCase(
    _ path: String, output: String, args: ParsedArguments, context: CommandContext
  ) throws -> ExitCode {
    let options = ReportOptions(
      template: args.value("--template"), pageSize: try ReportInputSource.pageSize(args),
      rules: args.value("--rules"), deidentify: args.flag("--deidentify"))
    let url = URL(fileURLWithPath: output)
    let outputs =
      [url, CaseReportRun.provenanceURL(for: url)]
      + ["--dicom", "--summary", "--thumbnail"].compactMap { args.value($0) }.map {
        URL(fileURLWithPath: $0)
      }
    let manifest = try CaseManifest.load(from: URL(fileURLWithPath: path))
    try OutputPaths.check(
      outputs,
      inputs: manifest.inputPaths(rules: args.value("--rules")))

    if let dicom = args.value("--dicom") {
      try OutputPaths.folder(URL(fileURLWithPath: dicom), create: false)
    }

    let timings = args.flag("--timings") ? StageTimings() : nil
    let rendered = try CaseReportRun.run(
      manifest: manifest, output: url, options: options,
      threads: context.threads, diagnostics: context.diagnostics, timings: timings)
    if let dicom = args.value("--dicom") {
      try ReportDicomOutputs.write(
        rendered, report: url, to: URL(fileURLWithPath: dicom),
        deidentify: options.deidentify, diagnostics: context.diagnostics)
    }
    if let summary = args.value("--summary") {
      let figures = CaseSummary(rendered, reportName: url.lastPathComponent)
      try AtomicFile.write(try CanonicalJSON.encode(figures), to: URL(fileURLWithPath: summary))
    }
    if let thumbnail = args.value("--thumbnail") {
      try CaseThumbnail.write(rendered.input, to: URL(fileURLWithPath: thumbnail))
    }
    if let timings {
      context.output(
        timings.table(
          excludingFirst: false, totalLabel: "total, end to end (wall clock)", wallTotal: true))
    }
    context.diagnostics.note(
      "report: wrote \(url.path) and \(rendered.provenanceURL.lastPathComponent)")
    return .success
  }
}
