import CDicom
import Foundation

/// One DICOM file loaded through the CDicom shim; owns the handle and frees it on deinit.
///
/// Text values come back as UTF-8 decoded with the file's Specific Character Set. Not Sendable:
/// each thread opens its own files.
final class DicomFile {
  /// One step into a sequence: the sequence tag and the item index (0-based).
  typealias PathStep = (sequence: DicomTag, item: Int)

  let path: String
  private let handle: OpaquePointer
  private static let errorBytes = 512
  private static let initialValueBytes = 256

  /// Loads `path` (header only, or with pixel data) via `CDicom_Open`.
  /// - Throws: `IngestError.corrupt` (or `.noImages` when the file is not DICOM at all).
  convenience init(path: String, headerOnly: Bool) throws {
    try self.init(path: path) { opened, error in
      CDicom_Open(path, headerOnly ? 1 : 0, &opened, &error, error.count)
    }
  }

  /// Loads a whole file from its bytes, already read (and hashed) by the caller, via
  /// `CDicom_OpenBuffer`.
  /// - Throws: `IngestError.corrupt` (or `.noImages` when the bytes are not DICOM at all).
  convenience init(path: String, bytes: Data) throws {
    try self.init(path: path) { opened, error in
      bytes.withUnsafeBytes { raw in
        CDicom_OpenBuffer(raw.baseAddress, raw.count, path, &opened, &error, error.count)
      }
    }
  }

  private init(
    path: String, open: (inout OpaquePointer?, inout [CChar]) -> CDicom_Status
  ) throws {
    var error = [CChar](repeating: 0, count: Self.errorBytes)
    var opened: OpaquePointer?
    let status = open(&opened, &error)
    guard status == CDicom_StatusOK, let opened else {
      if status == CDicom_StatusNotDicom {
        throw IngestError.noImages(path: path, reason: Self.text(error))
      }
      throw IngestError.corrupt(path: path, reason: Self.text(error))
    }
    self.path = path
    self.handle = opened
  }

  deinit { CDicom_Close(handle) }

  /// The UTF-8 text of a NUL-terminated C buffer.
  private static func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// True when the file starts like DICOM (`CDicom_LooksLikeDicom`); reads at most 132 bytes.
  static func looksLikeDicom(_ path: String) -> Bool { CDicom_LooksLikeDicom(path) != 0 }

  var transferSyntaxUID: String { String(cString: CDicom_TransferSyntaxUID(handle)) }

  /// False when text could not be converted from the file's character set.
  var charsetConverted: Bool { CDicom_CharsetConverted(handle) != 0 }

  /// The raw value (backslash-joined), trimmed of padding spaces; nil when absent or empty.
  func string(_ tag: DicomTag, in steps: [PathStep] = []) -> String? {
    var tags = steps.map { $0.sequence.key } + [tag.key]
    var items = steps.map { Int32($0.item) } + [0]
    var buffer = [CChar](repeating: 0, count: Self.initialValueBytes)
    var length = CDicom_GetString(handle, &tags, &items, Int32(tags.count), &buffer, buffer.count)
    guard length >= 0 else { return nil }
    if length >= buffer.count {
      buffer = [CChar](repeating: 0, count: length + 1)
      length = CDicom_GetString(handle, &tags, &items, Int32(tags.count), &buffer, buffer.count)
    }
    return Self.trimmedText(buffer.prefix(min(length, buffer.count - 1)))
  }

  /// UTF-8 text without DICOM's padding (spaces and NULs at either end); nil when empty.
  private static func trimmedText(_ raw: ArraySlice<CChar>) -> String? {
    let isPadding = { (c: CChar) in c == 0x20 || c == 0 }
    guard let first = raw.firstIndex(where: { !isPadding($0) }),
      let last = raw.lastIndex(where: { !isPadding($0) })
    else { return nil }
    return String(decoding: raw[first...last].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The values of a multi-valued attribute split at backslashes.
  func strings(_ tag: DicomTag, in steps: [PathStep] = []) -> [String] {
    guard let text = string(tag, in: steps) else { return [] }
    return text.split(separator: "\\", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// Numeric values (DS, IS or binary VRs rendered as text); nil when absent or not numbers.
  func doubles(_ tag: DicomTag, in steps: [PathStep] = []) -> [Double]? {
    let parts = strings(tag, in: steps)
    guard !parts.isEmpty else { return nil }
    let values = parts.compactMap { Double($0) }
    return values.count == parts.count && values.allSatisfy(\.isFinite) ? values : nil
  }

  func double(_ tag: DicomTag, in steps: [PathStep] = []) -> Double? {
    doubles(tag, in: steps)?.first
  }

  func int(_ tag: DicomTag, in steps: [PathStep] = []) -> Int? {
    double(tag, in: steps).flatMap { $0.rounded() == $0 ? Int(exactly: $0) : nil }
  }

  /// Items in a sequence, 0 when absent.
  func sequenceCount(_ tag: DicomTag, in steps: [PathStep] = []) -> Int {
    var tags = steps.map { $0.sequence.key } + [tag.key]
    var items = steps.map { Int32($0.item) } + [0]
    return max(0, CDicom_SequenceCount(handle, &tags, &items, Int32(tags.count)))
  }

  /// Where native (uncompressed little-endian, 16-bit) Pixel Data sits in a whole file's bytes
  /// (`CDicom_LocateNativePixels`), so its stored values can be read in place with no DICOM
  /// object built around them. Nil for every other file, malformed ones included: those are
  /// opened with `init(path:bytes:)`, whose errors name the problem.
  static func nativePixelRange(in bytes: Data) -> Range<Int>? {
    var offset = 0
    var length = 0
    let status = bytes.withUnsafeBytes { raw in
      CDicom_LocateNativePixels(raw.baseAddress, raw.count, &offset, &length)
    }
    return status == CDicom_StatusOK ? offset..<offset + length : nil
  }

  /// Calls `body` with every frame's decoded stored values: borrowed from DCMTK without a copy
  /// when possible (`CDicom_BorrowPixels`), else decoded into a temporary array.
  /// - Throws: `IngestError.decodeFailed` naming this file, or what `body` throws.
  func withStoredPixels<R>(sampleCount: Int, _ body: (UnsafeBufferPointer<UInt16>) throws -> R)
    throws -> R
  {
    var error = [CChar](repeating: 0, count: Self.errorBytes)
    var samples: UnsafePointer<UInt16>?
    var count = 0
    let status = CDicom_BorrowPixels(handle, &samples, &count, &error, error.count)
    if status == CDicom_StatusOK, let samples {
      guard count >= sampleCount else {
        throw IngestError.decodeFailed(
          path: path,
          reason: "decoded pixel data holds \(count) samples, header says \(sampleCount)")
      }
      return try body(UnsafeBufferPointer(start: samples, count: sampleCount))
    }
    guard status == CDicom_StatusUnsupported else {
      throw IngestError.decodeFailed(path: path, reason: Self.text(error))
    }
    return try decodePixels(sampleCount: sampleCount).withUnsafeBufferPointer { try body($0) }
  }

  /// Decodes every frame's stored values (`CDicom_DecodePixels`); needs a full load.
  /// - Throws: `IngestError.decodeFailed` naming this file.
  func decodePixels(sampleCount: Int) throws -> [UInt16] {
    var error = [CChar](repeating: 0, count: Self.errorBytes)
    var status = CDicom_StatusOK
    let samples = [UInt16](unsafeUninitializedCapacity: sampleCount) { buffer, initialized in
      status = CDicom_DecodePixels(handle, buffer.baseAddress, sampleCount, &error, error.count)
      initialized = status == CDicom_StatusOK ? sampleCount : 0
    }
    guard status == CDicom_StatusOK else {
      throw IngestError.decodeFailed(path: path, reason: Self.text(error))
    }
    return samples
  }
}
