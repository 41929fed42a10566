/// `ctcase report`: Render the PDF case report.
enum ReportCommand: Subcommand {
  static let spec = CommandSpec(
    name: "report", summary: "Render the PDF case report.", usage: "report CASE -o report.pdf",
    options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("report is not implemented in this build")
    return .failure
  }
}
