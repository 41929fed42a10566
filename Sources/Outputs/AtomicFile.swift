import Foundation

/// A file that could not be written. The description is one line naming the file.
public enum OutputFileError: Error, CustomStringConvertible, Equatable {
  /// Writing or renaming into place failed; nothing was left at the destination.
  case writeFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .writeFailed(let path, let reason): return "\(path): cannot write: \(reason)"
    }
  }
}

/// Writes files all-or-nothing: into a temporary file in the destination folder, then renamed
/// over the destination, so a reader never sees a partial file and a failure leaves none.
public enum AtomicFile {
  /// Writes `data` to `url` atomically.
  /// - Throws: `OutputFileError.writeFailed` naming `url`.
  public static func write(_ data: Data, to url: URL) throws {
    try write(to: url) { temporary in try data.write(to: temporary) }
  }

  /// Lets `body` write a temporary file in `url`'s folder, then renames it to `url`. The
  /// temporary file is removed when `body` throws or the rename fails.
  /// - Throws: `OutputFileError.writeFailed` naming `url` (an `OutputFileError` from `body` is
  ///   passed on as it is; any other error is wrapped).
  public static func write(to url: URL, _ body: (URL) throws -> Void) throws {
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw OutputFileError.writeFailed(path: url.path, reason: "folder does not exist")
    }
    // The temporary name never reaches any output; a random part keeps parallel writers apart.
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try body(temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw OutputFileError.writeFailed(
          path: url.path, reason: String(cString: strerror(errno)))
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      if error is OutputFileError { throw error }
      throw OutputFileError.writeFailed(path: url.path, reason: "\(error)")
    }
  }
}
