/// `ctcase course`: Follow lesions across a case's studies and evaluate the alert rules.
enum CourseCommand: Subcommand {
  static let spec = CommandSpec(
    name: "course", summary: "Follow lesions across a case's studies and evaluate the alert rules.",
    usage: "course CASE [--json out.json]", options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("course is not implemented in this build")
    return .failure
  }
}
