import Foundation
import Imaging
import Outputs
import Report

/// `ctcase library`: renders many cases into a library folder with an index.
///
/// Each case is rendered by a child `ctcase report` process (de-identified unless
/// `--identified`), two at a time by default, so that a failing or killed case takes down only
/// itself. Every file is written atomically; re-running skips cases whose inputs and tool are
/// unchanged. `--shard i/n` renders every n-th case for a job array; a final run without
/// `--shard` (or with `--index-only`) gathers all shards' summaries into the index and the PDF
/// catalogue (one line and thumbnail per case). A shard run writes the index files but not the
/// catalogue, so parallel shards never render the same PDF at once.
enum LibraryCommand: Subcommand {
  static let spec = CommandSpec(
    name: "library", summary: "Render many cases into a de-identified case library.",
    usage: "library CASES... -o DIR [--shard i/n] [--jobs N] [--identified] [--index-only]",
    options: [
      OptionSpec(["-o", "--output"], value: "DIR", help: "The library folder."),
      OptionSpec(["--shard"], value: "i/n", help: "Render only shard i of n (1-based)."),
      OptionSpec(["--jobs"], value: "N", help: "Cases rendered at once (default 2)."),
      OptionSpec(["--identified"], help: "Keep patient identity (default: de-identify)."),
      OptionSpec(["--index-only"], help: "Only gather existing case summaries into the index."),
    ], minPositionals: 1)

  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let output = args.value("--output") else {
      throw UsageError("library: -o DIR is required")
    }
    let shard = try args.value("--shard").map(Shard.init(parsing:)) ?? .whole
    let jobs = try args.integer("--jobs", in: 1...64) ?? 2
    let plan = try LibraryPlan(
      sources: args.positionals.map { URL(fileURLWithPath: $0) },
      output: URL(fileURLWithPath: output), shard: shard)
    try FileManager.default.createDirectory(at: plan.output, withIntermediateDirectories: true)

    var failures: [String: String] = [:]
    let indexOnly = args.flag("--index-only")
    if !indexOnly {
      let outcomes = runner(jobs: jobs, deidentify: !args.flag("--identified"), context).run(plan)
      for (c, outcome) in outcomes {
        if case .failed(let why) = outcome { failures[c.id] = why }
      }
      if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    let rows = LibraryIndex.rows(for: plan, failures: failures)
    try AtomicFile.write(
      try LibraryIndex.json(rows), to: plan.output.appendingPathComponent("index.json"))
    try AtomicFile.write(
      LibraryIndex.csv(rows), to: plan.output.appendingPathComponent("index.csv"))
    var written = "index.json, index.csv"
    if shard.count == 1 || indexOnly {
      try writeCatalogue(rows, plan: plan)
      written += ", \(LibraryIndex.catalogueFileName)"
    }
    let ok = rows.filter { $0.status == "ok" }.count
    context.output("library: \(ok) of \(rows.count) cases in \(plan.output.path) (\(written))")
    return failures.isEmpty ? .success : .failure
  }

  /// The PDF catalogue in the standard template's colours, A4, written atomically.
  private static func writeCatalogue(_ rows: [LibraryIndexRow], plan: LibraryPlan) throws {
    let template = try ReportTemplate.load(
      "standard", directory: TemplateLocator.reportDirectory())
    try LibraryIndex.catalogue(rows, plan: plan).writePDF(
      template: template, fonts: try FontSet(),
      to: plan.output.appendingPathComponent(LibraryIndex.catalogueFileName))
  }

  private static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  private static func runner(jobs: Int, deidentify: Bool, _ context: CommandContext)
    -> LibraryRunner
  {
    let diagnostics = context.diagnostics
    return LibraryRunner(
      workers: jobs,
      isCurrent: { c, folder in isCurrent(c, folder) },
      render: { c, folder in
        render(c, folder, deidentify: deidentify, threads: max(1, context.threads / jobs))
      },
      progress: { done, total, c, outcome in
        let line = "library: [\(done)/\(total)] \(c.id): \(outcome.word)"
        if case .failed(let why) = outcome { diagnostics.error("\(c.source.path): \(why)") }
        if isTerminal {
          FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        } else {
          diagnostics.note(line)
        }
      })
  }

  private static func isCurrent(_ c: LibraryCase, _ folder: URL) -> Bool {
    let url = folder.appendingPathComponent(LibraryIndex.summaryFileName)
    guard let data = FileManager.default.contents(atPath: url.path),
      let summary = try? JSONDecoder().decode(CaseSummary.self, from: data),
      FileManager.default.fileExists(atPath: folder.appendingPathComponent(summary.report).path)
    else { return false }
    return summary.sourceFingerprint == CaseFingerprint.of(c.source)
  }

  /// One case through a child `ctcase report`; the summary is written last, so a case whose
  /// summary exists is complete. A failure leaves a `failure.json` with its reason (without
  /// the case's folder path when de-identifying) and no summary.
  private static func render(_ c: LibraryCase, _ folder: URL, deidentify: Bool, threads: Int)
    -> CaseOutcome
  {
    let outcome = renderCase(c, folder, deidentify: deidentify, threads: threads)
    guard case .failed(let why) = outcome else {
      CaseFailure.remove(in: folder)
      return outcome
    }
    let reason = CaseFailure.oneLine(why, hidingFolderOf: deidentify ? c.source : nil)
    do {
      try CaseFailure.write(reason, in: folder)
    } catch {
      return .failed("\(why); and its failure record: \(error)")
    }
    return outcome
  }

  private static func renderCase(_ c: LibraryCase, _ folder: URL, deidentify: Bool, threads: Int)
    -> CaseOutcome
  {
    let fingerprint = CaseFingerprint.of(c.source)
    let figures = folder.appendingPathComponent(".figures.json")
    let summaryURL = folder.appendingPathComponent(LibraryIndex.summaryFileName)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      // A stale summary would list the case as rendered if this run fails; temporary files
      // are what an interrupted earlier run left behind.
      for stale in [summaryURL, figures, folder.appendingPathComponent(CaseThumbnail.fileName)]
        + temporaryLeftovers(in: folder)
      {
        try? FileManager.default.removeItem(at: stale)
      }
      var arguments = [
        "-q", "report", c.source.path, "-o", folder.appendingPathComponent("report.pdf").path,
        "--summary", figures.path, "--thumbnail",
        folder.appendingPathComponent(CaseThumbnail.fileName).path, "--threads", "\(threads)",
      ]
      if deidentify { arguments.append("--deidentify") }
      InterruptCleanup.register(figures.path)
      defer { InterruptCleanup.unregister(figures.path) }
      let child = try ChildProcess.run(arguments)
      guard child.status == 0 else {
        return .failed(child.lastErrorLine ?? "report exited with \(child.status)")
      }
      var summary = try JSONDecoder().decode(CaseSummary.self, from: Data(contentsOf: figures))
      summary.id = c.id
      summary.sourceFingerprint = fingerprint
      try AtomicFile.write(try CanonicalJSON.encode(summary), to: summaryURL)
      try? FileManager.default.removeItem(at: figures)
      return .rendered
    } catch {
      return .failed(String(describing: error))
    }
  }
}

extension LibraryCommand {
  /// Hidden `.NAME.*.partial` files of the atomic writers in a case folder.
  static func temporaryLeftovers(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasPrefix(".") && $0.hasSuffix(AtomicFile.temporarySuffix) }
      .map { folder.appendingPathComponent($0) }
  }
}

/// Runs this same executable as a child process and keeps its exit status and stderr.
enum ChildProcess {
  struct Result {
    var status: Int32
    var stderr: String
    /// The child's last `ctcase: error:` line without its prefix.
    var lastErrorLine: String? {
      stderr.split(separator: "\n").last { $0.contains("error:") }
        .map { String($0.replacingOccurrences(of: "ctcase: error: ", with: "")) }
    }
  }

  static func run(_ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = arguments
    process.environment = ParentWatch.childEnvironment
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    InterruptCleanup.registerChild(process.processIdentifier)
    defer { InterruptCleanup.unregisterChild(process.processIdentifier) }
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
  }
}
