import Foundation
import Imaging

/// The `ctcase` command line: global options, subcommand dispatch and error-to-exit mapping.
public enum CTCase {
  /// Every subcommand, in the order `ctcase --help` lists them.
  static var subcommands: [any Subcommand.Type] {
    [
      InspectCommand.self, ConvertCommand.self, PhantomCommand.self, AnalyzeCommand.self,
      CourseCommand.self, ReportCommand.self, FiguresCommand.self, VerifyCommand.self,
      LibraryCommand.self,
    ]
  }

  /// Runs a command line (without the program name) and returns the process exit code.
  public static func main(
    _ argv: [String], output: @escaping (String) -> Void = { print($0) },
    diagnosticsWriter: @escaping @Sendable (String) -> Void = Diagnostics.standardError
  ) -> Int32 {
    var args = movingLeadingThreads(argv)
    let verbosity = extractVerbosity(&args)
    let diagnostics = Diagnostics(verbosity: verbosity, write: diagnosticsWriter)

    guard let first = args.first, first != "--help", first != "-h", first != "help" else {
      output(overview)
      return argv.isEmpty ? ExitCode.usage.rawValue : ExitCode.success.rawValue
    }
    if first == "--version" {
      output("ctcase \(ToolVersion.string)")
      return ExitCode.success.rawValue
    }
    guard let command = subcommands.first(where: { $0.spec.name == first }) else {
      diagnostics.error("unknown subcommand '\(first)' (see ctcase --help)")
      return ExitCode.usage.rawValue
    }
    return run(command, Array(args.dropFirst()), diagnostics: diagnostics, output: output)
  }

  private static func run(
    _ command: any Subcommand.Type, _ args: [String], diagnostics: Diagnostics,
    output: @escaping (String) -> Void
  ) -> Int32 {
    do {
      var parseArgs = args
      let threads = try extractThreads(&parseArgs)
      let parsed = try ArgumentParser.parse(parseArgs, spec: command.spec)
      if parsed.flag("--help") {
        output(
          command.spec.helpText
            + "\n  --threads N                 Worker threads (default: all cores).\n"
            + "  -v, -vv, -q                 More or less progress on stderr.")
        return ExitCode.success.rawValue
      }
      let context = CommandContext(diagnostics: diagnostics, output: output, threads: threads)
      return try command.run(parsed, context: context).rawValue
    } catch let error as UsageError {
      diagnostics.error(error.message)
      return ExitCode.usage.rawValue
    } catch {
      diagnostics.error(String(describing: error))
      return ExitCode.failure.rawValue
    }
  }

  /// Removes `-v`, `-vv`, `-q` (anywhere) and returns the verbosity level they set.
  static func extractVerbosity(_ args: inout [String]) -> Int {
    var level = 1
    args.removeAll { a in
      switch a {
      case "-q", "--quiet": level = 0
      case "-v", "--verbose": level = 2
      case "-vv": level = 3
      default: return false
      }
      return true
    }
    return level
  }

  /// Removes `--threads N` (any subcommand accepts it) and returns the thread count.
  /// `--threads N` is global: given before the subcommand it moves after it, where the
  /// subcommand's parsing takes it (`ctcase --threads 2 inspect X` = `ctcase inspect X --threads 2`).
  static func movingLeadingThreads(_ argv: [String]) -> [String] {
    var leading: [String] = []
    var rest = argv[...]
    while let first = rest.first, first.hasPrefix("-") {
      if first == "--threads" {
        leading += rest.prefix(2)
        rest = rest.dropFirst(2)
      } else if first.hasPrefix("--threads=") {
        leading.append(first)
        rest = rest.dropFirst()
      } else if ["-q", "--quiet", "-v", "--verbose", "-vv"].contains(first) {
        leading.append(first)
        rest = rest.dropFirst()
      } else {
        break
      }
    }
    guard let command = rest.first, !leading.isEmpty else { return argv }
    return [command] + leading + Array(rest.dropFirst())
  }

  static func extractThreads(_ args: inout [String]) throws -> Int {
    guard let i = args.firstIndex(where: { $0 == "--threads" || $0.hasPrefix("--threads=") }) else {
      return ParallelSlices.defaultThreadCount
    }
    var text: String?
    if args[i].hasPrefix("--threads=") {
      text = String(args[i].dropFirst("--threads=".count))
      args.remove(at: i)
    } else {
      text = i + 1 < args.count ? args[i + 1] : nil
      args.removeSubrange(i..<min(i + 2, args.count))
    }
    guard let text, let n = Int(text), (1...256).contains(n) else {
      throw UsageError("--threads expects an integer in 1...256")
    }
    return n
  }

  static var overview: String {
    var lines = [
      "ctcase \(ToolVersion.string): serial chest CT studies to a reproducible case report",
      "", "usage: ctcase <subcommand> [options]   (ctcase <subcommand> --help for details)", "",
      "subcommands:",
    ]
    for c in subcommands {
      lines.append(
        "  " + c.spec.name.padding(toLength: 10, withPad: " ", startingAt: 0) + c.spec.summary)
    }
    lines += [
      "", "global options: --version, --threads N, -q, -v, -vv",
      "exit codes: 0 ok, 1 input or processing failure, 2 usage error",
    ]
    return lines.joined(separator: "\n")
  }
}
