/// `ctcase verify`: Re-run a report from its provenance and compare.
enum VerifyCommand: Subcommand {
  static let spec = CommandSpec(
    name: "verify", summary: "Re-run a report from its provenance and compare.",
    usage: "verify report.pdf", options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("verify is not implemented in this build")
    return .failure
  }
}
