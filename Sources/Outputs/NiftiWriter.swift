import CNifti
import Foundation
import Imaging

/// Writes volumes and label maps as NIfTI-1 (`.nii`, or gzip-compressed `.nii.gz`).
///
/// The affine comes from `Geometry` (LPS) turned into NIfTI's RAS+ at this edge; sform and qform
/// are both set (qform only when the axes are perpendicular), code 1 (scanner anatomical).
/// The bytes depend only on the volume: no dates, no paths, gzip header without a timestamp.
/// Files are written atomically (temporary file, then rename).
public enum NiftiWriter {
  /// Writes a CT volume in HU.
  /// - Throws: `OutputFileError.writeFailed` naming `url`; nothing is left behind on failure.
  public static func write(_ volume: Volume, to url: URL, dataType: NiftiDataType = .int16)
    throws
  {
    let header = NiftiHeader(
      geometry: volume.geometry, datatype: dataType.code, bitsPerVoxel: dataType.bitsPerVoxel)
    switch dataType {
    case .int16:
      try write(header, to: url) { sink in try volume.voxels.withUnsafeBytes { try sink($0) } }
    case .float32:
      let floats = volume.voxels.map { Float32($0) }
      try write(header, to: url) { sink in try floats.withUnsafeBytes { try sink($0) } }
    }
  }

  /// Writes a label volume as unsigned 8-bit integers.
  /// - Throws: `OutputFileError.writeFailed` naming `url`.
  public static func write(_ labels: LabelVolume, to url: URL) throws {
    let header = NiftiHeader(
      geometry: labels.geometry, datatype: NiftiHeader.dtUInt8, bitsPerVoxel: 8)
    try write(header, to: url) { sink in try labels.labels.withUnsafeBytes { try sink($0) } }
  }

  private typealias Sink = (UnsafeRawBufferPointer) throws -> Void

  private static func write(
    _ header: NiftiHeader, to url: URL, voxels: (Sink) throws -> Void
  ) throws {
    let compressed = url.path.lowercased().hasSuffix(".gz")
    try AtomicFile.write(to: url) { temporary in
      guard let file = znzopen(temporary.path, "wb", compressed ? 1 : 0) else {
        throw OutputFileError.writeFailed(path: url.path, reason: "cannot create the file")
      }
      var handle: znzFile? = file
      var closed = false
      defer { if !closed { _ = Xznzclose(&handle) } }
      try header.encoded().withUnsafeBytes { try put(file, $0, url: url) }
      try voxels { try put(file, $0, url: url) }
      closed = true
      guard Xznzclose(&handle) == 0 else {
        throw OutputFileError.writeFailed(path: url.path, reason: "closing failed (disk full?)")
      }
    }
  }

  private static func put(_ file: znzFile, _ bytes: UnsafeRawBufferPointer, url: URL) throws {
    guard bytes.count > 0 else { return }
    guard znzwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count else {
      throw OutputFileError.writeFailed(path: url.path, reason: "short write (disk full?)")
    }
  }
}
