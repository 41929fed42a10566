import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

/// Writes files all-or-nothing, for every output ctcase makes (JSON, NIfTI, PDF, figures,
/// DICOM objects): into a temporary file in the destination folder, then renamed over the
/// destination, so a reader never sees a partial file and a failure leaves none.
public enum AtomicFile {
  /// Temporary files end with this; a library re-run clears leftovers of a killed run by it.
  public static let temporarySuffix = ".partial"

  /// Writes `data` to `url` atomically.
  /// - Throws: `OutputFileError.writeFailed` naming `url`.
  public static func write(_ data: Data, to url: URL) throws {
    try write(to: url) { temporary in
      do {
        try data.write(to: temporary)
      } catch {
        throw OutputFileError.writeFailed(path: url.path, reason: "\(error)")
      }
    }
  }

  /// Lets `body` write a temporary file in `url`'s folder, then renames it to `url`. The
  /// temporary file is removed when `body` throws or the rename fails.
  /// - Throws: what `body` throws, as it is (each writer keeps its own error type), or
  ///   `OutputFileError.writeFailed` naming `url` when the folder is missing or the rename
  ///   fails.
  public static func write(to url: URL, _ body: (URL) throws -> Void) throws {
    try write(together: [url]) { temporaries in try body(temporaries[0]) }
  }

  /// Files that belong together (a report and its provenance record): `body` writes one
  /// temporary file per destination, in the order of `urls`, and all are renamed into place
  /// before an interruption is handled, so a reader finds all the new files or all the old.
  /// - Throws: as `write(to:_:)`, naming the destination at fault.
  public static func write(together urls: [URL], _ body: ([URL]) throws -> Void) throws {
    for url in urls { try checkDestination(url) }

    // The process id keeps two processes writing the same output apart (an orphaned library
    // child and a re-run), the random part two writers in one process; the name never reaches
    // any output.
    let temporaries = urls.map { url in
      let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
      return url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(unique)\(temporarySuffix)")
    }
    for temporary in temporaries { InterruptCleanup.register(temporary.path) }
    defer {
      for temporary in temporaries {
        unlink(temporary.path)
        InterruptCleanup.unregister(temporary.path)
      }
    }
    try body(temporaries)

    // rename(2) replaces an existing file atomically within one file system.
    try InterruptCleanup.critical {
      for (temporary, url) in zip(temporaries, urls) {
        guard rename(temporary.path, url.path) == 0 else {
          throw OutputFileError.writeFailed(
            path: url.path, reason: String(cString: strerror(errno)))
        }
      }
    }
  }

  /// Refuses a destination whose folder is missing, or that exists and is not a regular file:
  /// renaming over a device, pipe, link or folder would replace it (as root even /dev/null).
  /// - Throws: `OutputFileError.writeFailed` naming `url`.
  public static func checkDestination(_ url: URL) throws {
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw OutputFileError.writeFailed(path: url.path, reason: "the folder does not exist")
    }

    var status = stat()
    if lstat(url.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      throw OutputFileError.writeFailed(
        path: url.path,
        reason: "it exists and is not a regular file (a device, pipe, link or folder)")
    }
  }
}
