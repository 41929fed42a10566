/// `ctcase analyze`: Segment lungs and lesions in one study and measure them.
enum AnalyzeCommand: Subcommand {
  static let spec = CommandSpec(
    name: "analyze", summary: "Segment lungs and lesions in one study and measure them.",
    usage: "analyze STUDY [--json out.json] [--mask out.nii.gz]", options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("analyze is not implemented in this build")
    return .failure
  }
}
