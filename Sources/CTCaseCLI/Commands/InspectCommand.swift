import Foundation
import Imaging
import Ingest

/// `ctcase inspect`: every study and series found, which series would be used and why, and the
/// warnings, as text or (`--json`) as one JSON object on stdout.
enum InspectCommand: Subcommand {
  static let spec = CommandSpec(
    name: "inspect", summary: "List the studies and series found and which series would be used.",
    usage: "inspect PATH... [--json] [--series UID]",
    options: [
      OptionSpec(["--json"], help: "Print one JSON object instead of text."),
      OptionSpec(["--series"], value: "UID", help: "Report this series as the one to use."),
    ], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    let options = LoadOptions(seriesInstanceUID: args.value("--series"), threads: context.threads)
    let inventory = try StudyLoader.inspect(
      args.positionals.map { URL(fileURLWithPath: $0) }, options: options)
    if args.flag("--json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      context.output(String(decoding: try encoder.encode(inventory), as: UTF8.self))
    } else {
      context.output(text(inventory))
    }
    for warning in inventory.warnings { context.diagnostics.warning(warning.description) }
    return .success
  }

  static func text(_ inventory: Inventory) -> String {
    var lines: [String] = []
    for study in inventory.studies {
      lines.append(
        "study \(study.studyInstanceUID ?? "(no UID)")  date \(study.studyDate ?? "unknown")  "
          + "\(quoted(study.description))")
      for series in study.series { lines.append(contentsOf: seriesLines(series, inventory)) }
    }
    lines.append("use: \(inventory.selectedSeriesInstanceUID ?? "(the volume)")")
    lines.append("why: \(inventory.selectionReason ?? "-")")
    lines.append(
      "warnings: \(inventory.warnings.isEmpty ? "none" : String(inventory.warnings.count))")
    lines += inventory.warnings.map { "  \($0.description)" }
    if inventory.ignoredFileCount > 0 {
      lines.append("ignored: \(inventory.ignoredFileCount) file(s) that are not images")
    }
    return lines.joined(separator: "\n")
  }

  private static func seriesLines(_ s: SeriesSummary, _ inventory: Inventory) -> [String] {
    let chosen = s.seriesInstanceUID == inventory.selectedSeriesInstanceUID ? " [used]" : ""
    let pixel = s.pixelSpacingMM.map { $0.map { format($0) }.joined(separator: " x ") } ?? "?"
    return [
      "  series \(s.seriesInstanceUID.isEmpty ? "-" : s.seriesInstanceUID)\(chosen)",
      "    \(s.modality ?? "?") \(s.role) \(s.orientation)  \(quoted(s.description))",
      "    \(s.sliceCount) slices  matrix \(s.columns) x \(s.rows)  pixel \(pixel) mm  "
        + "thickness \(s.sliceThicknessMM.map { format($0) } ?? "?") mm  "
        + "spacing \(s.sliceSpacingMM.map { format($0) } ?? "?") mm",
      "    transfer syntax: \(s.transferSyntax)",
    ]
  }

  private static func quoted(_ text: String?) -> String { text.map { "\"\($0)\"" } ?? "" }

  private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
