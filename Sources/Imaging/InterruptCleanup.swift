import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary files and folders of writes in progress when the process is
/// interrupted (SIGINT from Ctrl-C, SIGTERM from a batch system's time limit, SIGHUP from a
/// closed terminal or SSH session), so a killed run leaves its destination as it was: no
/// `.partial` file beside the report, no half-filled staging folder.
///
/// `AtomicFile` and the writers of multi-file outputs register each temporary path while it
/// exists, and run the renames that publish a set of files in `critical`, which an interruption
/// waits for. Child processes (a library's `ctcase report`) are registered too: they run in
/// their own process group, so a Ctrl-C reaches only this process, which passes the signal on
/// and waits for them to clean up their own files. The signals are received on a dispatch
/// queue (not in a signal handler), where removing files and taking a lock are safe; the
/// process then ends with 128 + the signal number, as a shell reports a killed command.
public enum InterruptCleanup {
  private static let state = NSLock()
  nonisolated(unsafe) private static var paths: Set<String> = []
  nonisolated(unsafe) private static var children: Set<pid_t> = []
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// How long an interrupted process waits for its children to clean up and end.
  static let childGraceSeconds = 5.0

  /// Starts receiving SIGHUP, SIGINT and SIGTERM. Called once by the `ctcase` executable;
  /// library and test code that never calls it keeps the default behaviour (the signal ends
  /// the process).
  public static func install() {
    state.withLock {
      guard sources.isEmpty else { return }
      for number in [SIGHUP, SIGINT, SIGTERM] {
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

  /// Remembers a child process to pass an interruption on to.
  public static func registerChild(_ pid: pid_t) {
    state.withLock { _ = children.insert(pid) }
  }

  /// Forgets a child process that has ended.
  public static func unregisterChild(_ pid: pid_t) {
    state.withLock { _ = children.remove(pid) }
  }

  /// Runs `body` (a few renames that publish a set of files) to its end before an interruption
  /// is handled, so the set is published whole or not at all.
  public static func critical<T>(_ body: () throws -> T) rethrows -> T {
    state.lock()
    defer { state.unlock() }
    return try body()
  }

  /// Removes every registered path and ends the process with `status`, for a process that
  /// must stop at once (a library child whose library run was killed).
  public static func removeAllAndExit(status: Int32) -> Never {
    state.lock()
    for path in paths.sorted() { remove(path) }
    _exit(status)
  }

  /// Passes the signal on to the children and waits for them, removes every registered path
  /// and ends the process. The lock is kept to the end, so no writer publishes a file after
  /// its temporary path was chosen for removal.
  private static func removeAllAndExit(signal number: Int32) {
    state.lock()

    for child in children.sorted() { kill(child, number) }
    let deadline = Date().addingTimeInterval(childGraceSeconds)
    while children.contains(where: isRunning), Date() < deadline { usleep(10_000) }

    for path in paths.sorted() { remove(path) }
    _exit(128 + number)
  }

  /// Moves `path` aside before removing it: writers still running on other threads create
  /// files by the old name, which then fails, instead of refilling a folder being emptied.
  private static func remove(_ path: String) {
    let aside = path + ".removing"
    let target = rename(path, aside) == 0 ? aside : path
    try? FileManager.default.removeItem(atPath: target)
  }

  /// Whether `pid` still runs: a zombie that has ended but was not yet reaped does not.
  private static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[close...].dropFirst(2).first
    return state != "Z" && state != "X"
  }
}
