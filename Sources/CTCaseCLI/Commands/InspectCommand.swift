/// `ctcase inspect`: List the studies and series found and which series would be used.
enum InspectCommand: Subcommand {
  static let spec = CommandSpec(
    name: "inspect", summary: "List the studies and series found and which series would be used.",
    usage: "inspect PATH... [--json]", options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("inspect is not implemented in this build")
    return .failure
  }
}
