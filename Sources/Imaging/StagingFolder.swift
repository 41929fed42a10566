import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A set of files written together (the DICOM objects of `report --dicom`): each is written
/// into a hidden folder inside the destination, and only when all are complete are they
/// renamed into the destination. A run that fails or is interrupted half-way leaves the
/// destination's earlier files as they were, never a mix of two runs.
public struct StagingFolder {
  /// The hidden folder the files are written into.
  public let url: URL
  private let destination: URL

  /// Creates the hidden folder inside `destination`, which must exist.
  /// - Throws: `OutputFileError.writeFailed` naming `destination`.
  public init(into destination: URL) throws {
    let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
    self.destination = destination
    self.url = destination.appendingPathComponent(
      ".ctcase-staging-\(unique)\(AtomicFile.temporarySuffix)")
    InterruptCleanup.register(url.path)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    } catch {
      InterruptCleanup.unregister(url.path)
      throw OutputFileError.writeFailed(path: destination.path, reason: "cannot create a folder")
    }
  }

  /// Where the file `name` is written before it is published.
  public func file(_ name: String) -> URL {
    url.appendingPathComponent(name)
  }

  /// The published location of the file `name`.
  public func destination(_ name: String) -> URL {
    destination.appendingPathComponent(name)
  }

  /// Renames the staged files `names` into the destination, all of them before an
  /// interruption is handled (`InterruptCleanup.critical`). Every destination is checked first
  /// (only a new file or an existing regular file is replaced), so a refusal moves none.
  /// - Throws: `OutputFileError.writeFailed` naming the destination file.
  public func publish(_ names: [String]) throws {
    for name in names { try AtomicFile.checkDestination(destination(name)) }

    try InterruptCleanup.critical {
      for name in names {
        guard rename(file(name).path, destination(name).path) == 0 else {
          throw OutputFileError.writeFailed(
            path: destination(name).path, reason: String(cString: strerror(errno)))
        }
      }
    }
  }

  /// Removes the hidden folder and whatever is left in it.
  public func remove() {
    try? FileManager.default.removeItem(at: url)
    InterruptCleanup.unregister(url.path)
  }
}
