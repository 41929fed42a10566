/// `ctcase phantom`: Generate a synthetic serial chest CT case with ground truth.
enum PhantomCommand: Subcommand {
  static let spec = CommandSpec(
    name: "phantom", summary: "Generate a synthetic serial chest CT case with ground truth.",
    usage: "phantom --out DIR [--seed N] [--preset NAME]", options: [], minPositionals: 0)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("phantom is not implemented in this build")
    return .failure
  }
}
