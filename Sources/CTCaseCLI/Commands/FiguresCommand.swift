/// `ctcase figures`: Export publication figures.
enum FiguresCommand: Subcommand {
  static let spec = CommandSpec(
    name: "figures", summary: "Export publication figures.",
    usage: "figures CASE -o DIR [--format pdf|svg|png] [--dpi N]", options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("figures is not implemented in this build")
    return .failure
  }
}
