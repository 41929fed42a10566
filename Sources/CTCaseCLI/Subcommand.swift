import Foundation

/// The documented exit codes (see README "Exit codes").
public enum ExitCode: Int32 {
  case success = 0
  case failure = 1
  case usage = 2
}

/// What every subcommand gets besides its arguments.
public struct CommandContext {
  public var diagnostics: Diagnostics
  /// Writes machine-readable results to stdout.
  public var output: (String) -> Void
  public var threads: Int

  public init(diagnostics: Diagnostics, output: @escaping (String) -> Void, threads: Int) {
    self.diagnostics = diagnostics
    self.output = output
    self.threads = threads
  }
}

/// One `ctcase` subcommand.
public protocol Subcommand {
  static var spec: CommandSpec { get }
  /// Runs the command. Thrown `UsageError`s exit 2; any other error exits 1 after one line on
  /// stderr. A returned code lets a command report a failure it has already explained.
  static func run(_ args: ParsedArguments, context: CommandContext) throws -> ExitCode
}
