import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a DICOM file atomically: the object goes to a temporary file beside the target,
/// which is renamed over the target only when complete, so an interrupted run never leaves a
/// half-written object under the final name.
enum DicomFileWriter {
  /// Calls `encode` with a temporary path in `url`'s folder, then renames it to `url`.
  /// - Throws: `DicomOutputsError` naming `url`: `.encodingFailed` when `encode` throws a
  ///   shim failure, `.fileSystem` when the folder is missing or the rename fails.
  static func write(
    to url: URL, kind: DicomObjectKind, encode: (String) throws -> Void
  ) throws {
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw DicomOutputsError.fileSystem(path: url.path, reason: "the folder does not exist")
    }

    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    defer { unlink(temporary.path) }
    do {
      try encode(temporary.path)
    } catch let failure as DicomShimFailure {
      throw DicomOutputsError.encodingFailed(
        path: url.path, object: kind.noun, reason: failure.reason)
    }

    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      throw DicomOutputsError.fileSystem(path: url.path, reason: reason)
    }
  }
}
