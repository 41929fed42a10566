import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary files and folders of writes in progress when the process is
/// interrupted (SIGINT from Ctrl-C, SIGTERM from a batch system's time limit), so a killed run
/// leaves its destination as it was: no `.partial` file beside the report, no half-filled
/// staging folder.
///
/// `AtomicFile` and the writers of multi-file outputs register each temporary path while it
/// exists. The signals are received on a dispatch queue (not in a signal handler), where
/// removing files and taking a lock are safe; the process then ends with 128 + the signal
/// number, as a shell reports a killed command.
public enum InterruptCleanup {
  private static let state = NSLock()
  nonisolated(unsafe) private static var paths: Set<String> = []
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Starts receiving SIGINT and SIGTERM. Called once by the `ctcase` executable; library and
  /// test code that never calls it keeps the default behaviour (the signal ends the process).
  public static func install() {
    state.withLock {
      guard sources.isEmpty else { return }
      for number in [SIGINT, SIGTERM] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(
          signal: number, queue: .global(qos: .userInteractive))
        source.setEventHandler { removeAllAndExit(signal: number) }
        source.resume()
        sources.append(source)
      }
    }
  }

  /// Remembers `path` (a file or a folder) to remove if the process is interrupted.
  public static func register(_ path: String) {
    state.withLock { _ = paths.insert(path) }
  }

  /// Forgets `path`: it was renamed into place or removed by its writer.
  public static func unregister(_ path: String) {
    state.withLock { _ = paths.remove(path) }
  }

  /// Removes every registered path and ends the process. The lock is kept to the end, so a
  /// writer cannot rename a temporary file into place after it was chosen for removal.
  private static func removeAllAndExit(signal number: Int32) {
    state.lock()
    for path in paths.sorted() {
      try? FileManager.default.removeItem(atPath: path)
    }
    _exit(128 + number)
  }
}
