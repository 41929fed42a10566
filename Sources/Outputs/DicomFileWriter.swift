import Foundation
import Imaging

/// Writes a DICOM file atomically (through `AtomicFile`), so an interrupted run never leaves a
/// half-written object under the final name; failures are worded as DICOM output errors.
enum DicomFileWriter {
  /// Calls `encode` with a temporary path in `url`'s folder, then renames it to `url`.
  /// - Throws: `DicomOutputsError` naming `url`: `.encodingFailed` when `encode` throws a
  ///   shim failure, `.fileSystem` when the folder is missing or the rename fails.
  static func write(
    to url: URL, kind: DicomObjectKind, encode: (String) throws -> Void
  ) throws {
    do {
      try AtomicFile.write(to: url) { temporary in
        do {
          try encode(temporary.path)
        } catch let failure as DicomShimFailure {
          throw DicomOutputsError.encodingFailed(
            path: url.path, object: kind.noun, reason: failure.reason)
        }
      }
    } catch OutputFileError.writeFailed(_, let reason) {
      throw DicomOutputsError.fileSystem(path: url.path, reason: reason)
    }
  }
}
