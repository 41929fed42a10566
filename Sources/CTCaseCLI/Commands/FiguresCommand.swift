import Foundation
import Report

/// `ctcase figures`: Export publication figures.
enum FiguresCommand: Subcommand {
  static let spec = CommandSpec(
    name: "figures", summary: "Export publication figures.",
    usage:
      "figures (CASE | REPORT-INPUT.json | --example) -o DIR [--format pdf|svg|png] [--dpi N] "
      + "[--deidentify]",
    options: [
      OptionSpec(["-o", "--output"], value: "DIR", help: "Folder for the figure files."),
      OptionSpec(["--format"], value: "pdf|svg|png", help: "File format (default pdf)."),
      OptionSpec(["--dpi"], value: "300|600", help: "PNG resolution (default 300)."),
      OptionSpec(
        ["--template"], value: "NAME|FILE", help: "Template for texts and colours (standard)."),
      OptionSpec(["--example"], help: "Use the built-in synthetic six-day example."),
      OptionSpec(
        ["--deidentify"],
        help: "Pseudonymise the patient, shift dates, drop identifying text (cases only)."),
    ], minPositionals: 0, maxPositionals: 1)

  static let allowedDPI = [300, 600]

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let output = args.value("--output") else {
      throw UsageError("figures: -o DIR is required")
    }
    let format = try figureFormat(args)
    let folder = URL(fileURLWithPath: output)
    try OutputPaths.folder(folder, create: false)
    let template = try ReportInputSource.template(args)
    let input = try ReportInputSource.load(args, command: "figures", context: context)
    try OutputPaths.folder(folder, create: true)
    let files = try CaseReport.writeFigures(
      input, template: template, format: format, fonts: try FontSet(), to: folder)
    for file in files { context.output(file.path) }
    return .success
  }

  private static func figureFormat(_ args: ParsedArguments) throws -> FigureFormat {
    let dpi = try args.integer("--dpi", in: 1...10_000) ?? allowedDPI[0]
    guard allowedDPI.contains(dpi) else { throw UsageError("figures: --dpi must be 300 or 600") }
    switch args.value("--format") ?? "pdf" {
    case "pdf": return .pdf
    case "svg": return .svg
    case "png": return .png(dpi: dpi)
    case let other: throw UsageError("figures: --format must be pdf, svg or png, got '\(other)'")
    }
  }
}
