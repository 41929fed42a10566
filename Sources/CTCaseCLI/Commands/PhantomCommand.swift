import Foundation
import Phantom

/// `ctcase phantom`: Generate a synthetic serial chest CT case with ground truth.
enum PhantomCommand: Subcommand {
  static let spec = CommandSpec(
    name: "phantom", summary: "Generate a synthetic serial chest CT case with ground truth.",
    usage: "phantom --out DIR [--seed N] [--preset NAME] [--nifti]",
    options: [
      OptionSpec(["-o", "--out"], value: "DIR", help: "Output folder (created if missing)."),
      OptionSpec(["--seed"], value: "N", help: "Random seed, a non-negative integer (default 1)."),
      OptionSpec(
        ["--preset"], value: "NAME",
        help: "seed-course (default), healthy, severe or thick (5 mm slices)."),
      OptionSpec(["--nifti"], help: "Also write each study as NIfTI beside its DICOM folder."),
    ], minPositionals: 0, maxPositionals: 0)

  /// The seed used when `--seed` is not given.
  static let defaultSeed: UInt64 = 1

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let out = args.value("--out") else {
      throw UsageError("phantom: --out DIR is required")
    }
    let seed = try seedValue(args.value("--seed"))
    let presetName = args.value("--preset") ?? PhantomPreset.seedCourse.rawValue
    guard let preset = PhantomPreset(rawValue: presetName) else {
      let known = PhantomPreset.allCases.map(\.rawValue).joined(separator: ", ")
      throw UsageError("phantom: unknown preset '\(presetName)' (known: \(known))")
    }

    let generator = PhantomGenerator(preset: preset, seed: seed)
    context.diagnostics.note(
      "phantom: \(preset.rawValue), seed \(seed), \(generator.studyCount) studies -> \(out)")
    let truth = try generator.generate(
      to: URL(fileURLWithPath: out), threads: context.threads, writeNifti: args.flag("--nifti"))
    for study in truth.studies {
      context.output(
        "\(study.folder)\tlung \(study.lungVolumeML) mL\tlesions \(study.lesions.count)"
          + "\t\(study.lesionVolumeML) mL")
    }
    return .success
  }

  private static func seedValue(_ text: String?) throws -> UInt64 {
    guard let text else { return defaultSeed }
    guard let value = UInt64(text) else {
      throw UsageError("phantom: --seed expects a non-negative integer, got '\(text)'")
    }
    return value
  }
}
