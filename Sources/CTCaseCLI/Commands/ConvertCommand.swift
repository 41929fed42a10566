import Foundation
import Imaging
import Ingest
import Outputs

/// `ctcase convert`: the assembled, calibrated volume (HU, int16 or float32) as NIfTI, so any
/// tool can check what ctcase read.
enum ConvertCommand: Subcommand {
  static let spec = CommandSpec(
    name: "convert", summary: "Write the assembled, calibrated volume as NIfTI.",
    usage: "convert PATH... -o volume.nii.gz [--float32] [--series UID]",
    options: [
      OptionSpec(["-o", "--output"], value: "FILE", help: "The NIfTI file to write (.nii[.gz])."),
      OptionSpec(["--float32"], help: "Write 32-bit floats instead of 16-bit integers."),
      OptionSpec(["--series"], value: "UID", help: "Convert this series instead of the choice."),
    ], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let output = args.value("--output") else {
      throw UsageError("convert: -o FILE is required (usage: ctcase \(spec.usage))")
    }
    guard output.lowercased().hasSuffix(".nii") || output.lowercased().hasSuffix(".nii.gz") else {
      throw UsageError("convert: -o must name a .nii or .nii.gz file, got '\(output)'")
    }
    let inputs = args.positionals.map { URL(fileURLWithPath: $0) }
    try OutputPaths.check([URL(fileURLWithPath: output)], inputs: inputs)

    // convert records no provenance, so the input files are not hashed.
    let options = LoadOptions(
      seriesInstanceUID: args.value("--series"), threads: context.threads, hashesInputs: false)
    let study = try StudyLoader.load(inputs, options: options)
    for warning in study.warnings { context.diagnostics.warning(warning.description) }

    let url = URL(fileURLWithPath: output)
    try NiftiWriter.write(
      study.volume, to: url, dataType: args.flag("--float32") ? .float32 : .int16)
    let g = study.volume.geometry
    context.diagnostics.note(
      "wrote \(output): \(g.size.nx) x \(g.size.ny) x \(g.size.nz) voxels, spacing "
        + String(format: "%.4f x %.4f x %.4f mm", g.spacing.x, g.spacing.y, g.spacing.z))
    context.output(output)
    return .success
  }
}
