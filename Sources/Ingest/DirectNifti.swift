import CNifti
import Foundation
import Imaging

/// Reads the voxels of an uncompressed single-file NIfTI straight into the volume's storage and
/// hashes the file in the same pass, so a large `.nii` is read once instead of three times
/// (libnifti2's buffer, the copy into the volume, and the provenance hash).
struct DirectNifti {
  /// Bytes read (and hashed) per system call.
  static let chunkBytes = 4 << 20
  /// Buffer for whatever follows the voxels (normally nothing).
  static let tailBytes = 64 << 10

  /// Where the voxels start in the file (bytes).
  let dataOffset: Int

  /// Nil unless the image is one uncompressed `.nii` file whose voxels are 2-byte values in
  /// this machine's byte order, which are then the file's bytes exactly.
  init?(_ image: UnsafeMutablePointer<nifti_image>) {
    let header = image.pointee
    guard let fname = header.fname, let iname = header.iname, strcmp(fname, iname) == 0,
      nifti_is_gzfile(fname) == 0, header.nbyper == 2, header.byteorder == nifti_short_order(),
      header.iname_offset >= 0
    else { return nil }
    dataOffset = Int(header.iname_offset)
  }

  /// The voxels (`count` Int16 values from `dataOffset`) and the SHA-256 of the whole file.
  /// - Throws: `IngestError.unreadable` when the file cannot be opened or read, `.corrupt` when
  ///   it ends before the voxels do.
  func readHashed(path: String, count: Int) throws -> ([Int16], String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw IngestError.unreadable(path: path, reason: "cannot open the NIfTI file")
    }
    defer { close(fd) }
    let digest = Digest()
    var header = [UInt8](repeating: 0, count: dataOffset)
    let headerRead = try header.withUnsafeMutableBytes { try fill($0, fd: fd, path: path) }
    header.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<headerRead])) }
    var complete = headerRead == dataOffset
    let voxels = try [Int16](unsafeUninitializedCapacity: count) { out, initialized in
      let bytes = UnsafeMutableRawBufferPointer(out)
      HugePages.advise(bytes)
      let got = complete ? try fill(bytes, fd: fd, path: path, digest: digest) : 0
      complete = complete && got == bytes.count
      initialized = complete ? count : 0
    }
    guard complete else {
      throw IngestError.corrupt(path: path, reason: "voxel data is missing or truncated")
    }
    var tail = [UInt8](repeating: 0, count: Self.tailBytes)
    while true {
      let n = try tail.withUnsafeMutableBytes {
        try fill($0, fd: fd, path: path, digest: digest)
      }
      if n < tail.count { break }
    }
    return (voxels, digest.finish())
  }

  /// Reads into `buffer` until it is full or the file ends, hashing what was read in chunks.
  /// - Returns: the number of bytes read.
  private func fill(
    _ buffer: UnsafeMutableRawBufferPointer, fd: Int32, path: String, digest: Digest? = nil
  ) throws -> Int {
    var done = 0
    while done < buffer.count {
      let want = min(Self.chunkBytes, buffer.count - done)
      guard let base = buffer.baseAddress else { break }
      let n = Foundation.read(fd, base + done, want)
      guard n >= 0 else {
        if errno == EINTR { continue }
        throw IngestError.unreadable(path: path, reason: "read failed")
      }
      if n == 0 { break }
      digest?.update(UnsafeRawBufferPointer(start: base + done, count: n))
      done += n
    }
    return done
  }
}
