import Analysis
import Foundation
import Imaging
import Ingest
import Outputs

/// `ctcase analyze`: segment lungs and lesions in one study and measure them.
///
/// Loads the study through ingest, analyses it, and writes the measurements JSON (schema
/// `ctcase.analysis/1`) and the label volume as NIfTI on the grid `ctcase convert` writes.
/// Without `--json`, the JSON goes to stdout. Refusals (not a chest CT, not HU, no lungs) exit 1
/// with one line on stderr and write nothing.
enum AnalyzeCommand: Subcommand {
  static let spec = CommandSpec(
    name: "analyze", summary: "Segment lungs and lesions in one study and measure them.",
    usage: "analyze STUDY [--json out.json] [--mask out.nii.gz] [--params FILE] [--series UID]",
    options: [
      OptionSpec(["--json"], value: "FILE", help: "Write the measurements here (default stdout)."),
      OptionSpec(
        ["--mask"], value: "FILE",
        help: "Write labels as NIfTI: 0 outside, 1 right, 2 left, 3 GGO, 4 consolidation."),
      OptionSpec(["--params"], value: "FILE", help: "JSON file overriding analysis parameters."),
      OptionSpec(["--series"], value: "UID", help: "Analyse this series instead of the choice."),
    ], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    if let mask = args.value("--mask"),
      !(mask.lowercased().hasSuffix(".nii") || mask.lowercased().hasSuffix(".nii.gz"))
    {
      throw UsageError("analyze: --mask must name a .nii or .nii.gz file, got '\(mask)'")
    }
    let inputs = (args.positionals + [args.value("--params")].compactMap { $0 }).map {
      URL(fileURLWithPath: $0)
    }
    let outputs = [args.value("--json"), args.value("--mask")].compactMap { $0 }
    try OutputPaths.check(outputs.map { URL(fileURLWithPath: $0) }, inputs: inputs)

    let parameters =
      try args.value("--params").map {
        try AnalysisParameters.load(from: URL(fileURLWithPath: $0))
      } ?? AnalysisParameters()

    let options = LoadOptions(seriesInstanceUID: args.value("--series"), threads: context.threads)
    let study = try StudyLoader.load(
      args.positionals.map { URL(fileURLWithPath: $0) }, options: options)
    for warning in study.warnings { context.diagnostics.warning(warning.description) }
    let named =
      args.positionals.count == 1
      ? args.positionals[0] : "\(args.positionals[0]) and \(args.positionals.count - 1) more"
    let analysis = try StudyAnalysisFailure.naming(named) {
      try LungAnalyzer(parameters: parameters, threads: context.threads).analyze(study.volume)
    }
    var measurements = analysis.measurements
    measurements.seriesInstanceUID = study.metadata.seriesInstanceUID

    let json = try measurements.jsonData()
    if let mask = args.value("--mask") {
      try NiftiWriter.write(analysis.labels, to: URL(fileURLWithPath: mask))
    }
    if let path = args.value("--json") {
      try AtomicFile.write(json, to: URL(fileURLWithPath: path))
    } else {
      context.output(String(decoding: json, as: UTF8.self))
    }
    context.diagnostics.note(summary(measurements))
    return .success
  }

  private static func summary(_ m: StudyMeasurements) -> String {
    String(
      format: "analyze: lungs %.0f mL (right %.0f, left %.0f), %d lesions, %.1f mL, PO %.2f %%, "
        + "severity %d/30", m.lungVolumeML, m.rightLungVolumeML, m.leftLungVolumeML,
      m.lesions.count, m.lesionVolumeML, m.poPercent, m.severityScore)
  }
}
