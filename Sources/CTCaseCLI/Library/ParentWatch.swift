import Foundation
import Imaging

/// Makes a library's child `ctcase report` end when the library run that started it is
/// killed, so an interrupted run leaves no orphan still writing into the library while a
/// re-run renders the same case.
///
/// The parent passes its process id in `environmentKey`; the child checks every
/// `pollInterval` whether it has been re-parented (its parent died) and then exits at once.
/// Its outputs are written through temporary files, which it removes as it exits
/// (`InterruptCleanup`); the next library run also removes any temporary leftovers of the case
/// it renders.
enum ParentWatch {
  static let environmentKey = "CTCASE_LIBRARY_PARENT_PID"
  static let pollInterval: TimeInterval = 0.2

  /// The environment a child gets: this process's plus the watch key.
  static var childEnvironment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment[environmentKey] = "\(getpid())"
    return environment
  }

  /// Starts the watch when this process is a library child; does nothing otherwise.
  static func startIfLibraryChild() {
    guard let text = ProcessInfo.processInfo.environment[environmentKey],
      let parent = pid_t(text)
    else { return }
    guard getppid() == parent else { orphaned() }
    Thread.detachNewThread {
      while getppid() == parent { Thread.sleep(forTimeInterval: pollInterval) }
      orphaned()
    }
  }

  private static func orphaned() -> Never {
    FileHandle.standardError.write(Data("ctcase: error: the library run was stopped\n".utf8))
    InterruptCleanup.removeAllAndExit(status: ExitCode.failure.rawValue)
  }
}
