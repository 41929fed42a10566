/// `ctcase library`: Render many cases into a de-identified case library.
enum LibraryCommand: Subcommand {
  static let spec = CommandSpec(
    name: "library", summary: "Render many cases into a de-identified case library.",
    usage: "library CASES... -o DIR", options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("library is not implemented in this build")
    return .failure
  }
}
