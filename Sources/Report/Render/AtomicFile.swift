import Foundation

/// Writes an output through a temporary file in the same folder, renamed on success and
/// removed on failure, so readers never see a partial file.
enum AtomicFile {
  static func write(to url: URL, _ body: (URL) throws -> Void) throws {
    let folder = url.deletingLastPathComponent()
    // The process id keeps two processes writing the same output apart (an orphaned
    // library child and a re-run); rename(2) then leaves one complete file either way.
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid()).partial")
    let manager = FileManager.default
    guard manager.fileExists(atPath: folder.path) else {
      throw ReportError.writeFailed(path: url.path, reason: "folder does not exist")
    }
    do {
      try body(temporary)
    } catch {
      try? manager.removeItem(at: temporary)
      throw error
    }
    // rename(2) replaces an existing file atomically within one file system.
    guard rename(temporary.path, url.path) == 0 else {
      try? manager.removeItem(at: temporary)
      throw ReportError.writeFailed(path: url.path, reason: "cannot rename temporary file")
    }
  }
}
