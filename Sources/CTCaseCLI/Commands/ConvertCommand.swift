/// `ctcase convert`: Write the assembled, calibrated volume as NIfTI.
enum ConvertCommand: Subcommand {
  static let spec = CommandSpec(
    name: "convert", summary: "Write the assembled, calibrated volume as NIfTI.",
    usage: "convert PATH... -o volume.nii.gz", options: [], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    // TODO: not implemented yet; the command exits 1 with this message until its stage lands.
    context.diagnostics.error("convert is not implemented in this build")
    return .failure
  }
}
