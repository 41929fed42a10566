import Course
import Decisions
import Foundation
import Imaging
import Outputs

/// `ctcase course`: follow lesions across a case's studies and evaluate the alert rules.
///
/// Runs ingest and analysis on every study, aligns each to the first study, tracks lesions,
/// computes the course figures and evaluates the rule set, then writes the course JSON (schema
/// `ctcase.course/1`) to `--json` or stdout. Any refusal exits 1 with one line and writes nothing.
enum CourseCommand: Subcommand {
  static let spec = CommandSpec(
    name: "course", summary: "Follow lesions across a case's studies and evaluate the alert rules.",
    usage: "course CASE [--json out.json] [--rules FILE]",
    options: [
      OptionSpec(["--json"], value: "FILE", help: "Write the course JSON here (default stdout)."),
      OptionSpec(
        ["--rules"], value: "FILE", help: "Rule set (name in Templates/rules or a JSON file)."),
    ], minPositionals: 1, maxPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    let manifest = try CaseManifest.load(from: URL(fileURLWithPath: args.positionals[0]))
    if let path = args.value("--json") {
      try OutputPaths.check(
        [URL(fileURLWithPath: path)],
        inputs: manifest.inputPaths(rules: args.value("--rules")))
    }

    let result = try CasePipeline.run(
      manifest: manifest, rules: args.value("--rules"), threads: context.threads,
      diagnostics: context.diagnostics)
    let json = try result.document.jsonData()
    if let path = args.value("--json") {
      try AtomicFile.write(json, to: URL(fileURLWithPath: path))
    } else {
      context.output(String(decoding: json, as: UTF8.self))
    }
    context.diagnostics.note(summary(result))
    return .success
  }

  private static func summary(_ r: CaseResult) -> String {
    let fired = r.decisions.map { "\($0.rule) (study \($0.firstStudyIndex + 1))" }
    return "course: \(r.studies.count) studies, \(r.tracks.count) tracks, alerts: "
      + (fired.isEmpty ? "none" : fired.joined(separator: ", "))
  }
}
