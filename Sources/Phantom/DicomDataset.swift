import CDicom
import Foundation

/// One DICOM data set being built for writing; wraps `CDicomWriter_*` (DCMTK).
///
/// Not `Sendable`: each thread builds its own. The handle is freed in `deinit`.
final class DicomDataset {
  private let handle: OpaquePointer
  /// The file the data set is meant for, named in errors.
  private let path: String

  /// - Throws: `PhantomError.dicomWriteFailed` when DCMTK cannot allocate a data set.
  init(path: String) throws {
    guard let handle = CDicomWriter_create() else {
      throw PhantomError.dicomWriteFailed(path: path, reason: "out of memory")
    }
    self.handle = handle
    self.path = path
  }

  deinit { CDicomWriter_destroy(handle) }

  /// Puts a string attribute (`CDicomWriter_putString`); the VR comes from DCMTK's dictionary.
  func put(_ tag: DicomTag, _ value: String) throws {
    try check(CDicomWriter_putString(handle, tag.group, tag.element, value))
  }

  /// Puts a US attribute (`CDicomWriter_putUInt16`).
  func put(_ tag: DicomTag, _ value: UInt16) throws {
    try check(CDicomWriter_putUInt16(handle, tag.group, tag.element, value))
  }

  /// Puts Pixel Data from signed 16-bit stored values (`CDicomWriter_putPixels16`).
  func putPixels(_ pixels: [Int16]) throws {
    try pixels.withUnsafeBufferPointer { buffer in
      try check(CDicomWriter_putPixels16(handle, buffer.baseAddress, buffer.count))
    }
  }

  /// Saves to `url` as Explicit VR Little Endian (`CDicomWriter_saveFile`).
  func save(to url: URL) throws {
    try check(CDicomWriter_saveFile(handle, url.path))
  }

  private func check(_ status: Int32) throws {
    guard status != 0 else { return }
    let message = String(cString: CDicomWriter_lastError(handle))
    throw PhantomError.dicomWriteFailed(
      path: path, reason: message.isEmpty ? "status \(status)" : message)
  }
}

/// A DICOM attribute tag.
struct DicomTag: Sendable {
  var group: UInt16
  var element: UInt16

  init(_ group: UInt16, _ element: UInt16) {
    self.group = group
    self.element = element
  }
}
