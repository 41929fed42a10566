import Foundation

/// The executable's one diagnostics sink: severity-tagged lines on stderr.
///
/// Library targets never print; they return errors and warnings, and the CLI passes them here.
/// Level 0 prints errors and warnings only, 1 (default) adds one line per stage, 2 adds detail.
public final class Diagnostics: @unchecked Sendable {
  public enum Severity: String { case error, warning, note }

  public let verbosity: Int
  private let lock = NSLock()
  private let write: @Sendable (String) -> Void

  public init(
    verbosity: Int = 1, write: @escaping @Sendable (String) -> Void = Diagnostics.standardError
  ) {
    self.verbosity = verbosity
    self.write = write
  }

  public static let standardError: @Sendable (String) -> Void = { line in
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  public func error(_ message: String) { emit(.error, message) }
  public func warning(_ message: String) { emit(.warning, message) }

  /// A progress note shown at verbosity `level` and above.
  public func note(_ message: String, level: Int = 1) {
    guard verbosity >= level else { return }
    emit(.note, message)
  }

  private func emit(_ severity: Severity, _ message: String) {
    lock.lock()
    defer { lock.unlock() }
    // One line per problem: embedded newlines would split a message across lines.
    let flat = message.replacingOccurrences(of: "\n", with: " ")
    write("ctcase: \(severity.rawValue): \(flat)")
  }
}
