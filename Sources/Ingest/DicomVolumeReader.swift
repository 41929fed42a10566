import Foundation
import Imaging

/// Decodes the slices a `SliceStack` plans, in parallel over files, into one HU volume.
///
/// Every source slice is mapped straight from the decoder's buffer into its place in one
/// slice-ordered buffer; when the plan is regular that buffer becomes the volume without a copy.
enum DicomVolumeReader {
  /// What decoding one file yields besides its slices.
  private typealias FileResult = (clamped: Int, input: InputFile?)

  /// Reads each file once: with `hashing`, its bytes are hashed for provenance; then they are
  /// mapped (native pixel data) or parsed (everything else) from memory.
  /// - Returns: the volume, warnings, and the files read in slice order with their SHA-256
  ///   (empty without `hashing`).
  /// - Throws: `IngestError` naming the first file (in slice order) that failed to decode.
  static func read(
    _ group: SeriesGroup, stack: SliceStack, threads: Int, hashing: Bool
  ) throws -> (Volume, [IngestWarning], [InputFile]) {
    var fileOrder: [Int] = []
    var slotsOf: [Int: [(frame: Int, slot: Int)]] = [:]
    for (slot, source) in stack.ordered.enumerated() {
      if slotsOf[source.header] == nil { fileOrder.append(source.header) }
      slotsOf[source.header, default: []].append((source.frame, slot))
    }
    let frameSize = stack.geometry.size.sliceCount
    let sourceCount = stack.ordered.count * frameSize

    var results: [Result<FileResult, IngestError>] = []
    let sources = [Int16](unsafeUninitializedCapacity: sourceCount) { buffer, initialized in
      HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
      let writer = SliceWriter(base: buffer.baseAddress!, frameSize: frameSize)  // count > 0
      let (files, wanted) = (fileOrder, slotsOf)
      results = ParallelSlices.map(count: files.count, chunks: files.count, threads: threads) {
        _, range in
        range.map { i in
          let header = group.headers[files[i]]
          return Result {
            try decode(header, slots: wanted[files[i]] ?? [], into: writer, hashing: hashing)
          }
          .mapError { $0 as? IngestError ?? .decodeFailed(path: header.path, reason: "\($0)") }
        }
      }.joined().map { $0 }
      // Int16 is trivial: slots of a failed file hold garbage, but the error below is thrown.
      initialized = sourceCount
    }
    let decoded = try results.map { try $0.get() }
    let clamped = decoded.reduce(0) { $0 + $1.clamped }

    // The warning names the first file (in slice order) whose values were clamped.
    let clampedFiles = decoded.indices.filter { decoded[$0].clamped > 0 }
    let warnings: [IngestWarning] =
      clampedFiles.first.map { first in
        let others = clampedFiles.count > 1 ? " (and \(clampedFiles.count - 1) more file(s))" : ""
        return [
          IngestWarning(
            code: IngestWarningCode.valuesClamped, file: group.headers[fileOrder[first]].path,
            message: "\(clamped) voxel(s) outside the Int16 range after rescale were clamped"
              + others)
        ]
      } ?? []
    return (assemble(stack, sources: sources), warnings, decoded.compactMap(\.input))
  }

  /// Maps the wanted frames of one file into their slots; returns the clamped sample count and,
  /// with `hashing`, the file's provenance record.
  private static func decode(
    _ header: DicomImageHeader, slots: [(frame: Int, slot: Int)], into writer: SliceWriter,
    hashing: Bool
  ) throws -> FileResult {
    guard header.samplesPerPixel == 1 else {
      throw IngestError.unsupported(
        path: header.path, property: "Samples per Pixel (0028,0002)",
        reason: "\(header.samplesPerPixel); CT must be one sample (grey) per pixel")
    }
    for item in slots {
      let frame = header.frames[item.frame]
      guard frame.rescaleSlope.isFinite, frame.rescaleSlope != 0 else {
        throw IngestError.unsupported(
          path: header.path, property: "Rescale Slope (0028,1053)",
          reason: "is 0 or not a number; the stored values cannot be turned into HU")
      }
      guard frame.rescaleIntercept.isFinite else {
        throw IngestError.unsupported(
          path: header.path, property: "Rescale Intercept (0028,1052)",
          reason: "is not a number; the stored values cannot be turned into HU")
      }
    }
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: header.path))
    } catch {
      throw IngestError.unreadable(path: header.path, reason: "read failed")
    }
    let input =
      hashing
      ? InputFile(path: header.path, sha256: FileHash.sha256(bytes), byteCount: bytes.count) : nil
    let sampleCount = writer.frameSize * header.frames.count
    let map = { (stored: UnsafeBufferPointer<UInt16>) in
      place(stored, of: header, slots: slots, into: writer)
    }
    if let clamped = mapInPlace(bytes, sampleCount: sampleCount, map) {
      return (clamped, input)
    }
    let file = try DicomFile(path: header.path, bytes: bytes)
    return (try file.withStoredPixels(sampleCount: sampleCount, map), input)
  }

  /// Maps native little-endian pixel data straight from the file's bytes, the common
  /// uncompressed case: no DICOM object is built and nothing is copied. Nil when the file is
  /// anything else (compressed, big endian, 8-bit, short, unaligned...), which the shim decodes.
  private static func mapInPlace(
    _ bytes: Data, sampleCount: Int, _ map: (UnsafeBufferPointer<UInt16>) -> Int
  ) -> Int? {
    guard let range = DicomFile.nativePixelRange(in: bytes),
      range.count / MemoryLayout<UInt16>.size >= sampleCount
    else { return nil }
    return bytes.withUnsafeBytes { raw -> Int? in
      let value = UnsafeRawBufferPointer(rebasing: raw[range])
      guard let base = value.baseAddress,
        Int(bitPattern: base) % MemoryLayout<UInt16>.alignment == 0
      else { return nil }
      return value.withMemoryRebound(to: UInt16.self) { words in
        map(UnsafeBufferPointer(rebasing: words[..<sampleCount]))
      }
    }
  }

  /// Maps the wanted frames of one file's stored values into their slots; returns how many
  /// samples were clamped.
  private static func place(
    _ stored: UnsafeBufferPointer<UInt16>, of header: DicomImageHeader,
    slots: [(frame: Int, slot: Int)], into writer: SliceWriter
  ) -> Int {
    let frameSize = writer.frameSize
    return slots.reduce(0) { clamped, item in
      let mapping = StoredValueMapping(header: header, frame: header.frames[item.frame])
      let start = item.frame * frameSize
      let source = UnsafeBufferPointer(rebasing: stored[start..<start + frameSize])
      return clamped + mapping.apply(source, into: writer.slice(item.slot))
    }
  }

  /// The volume from the source slices: the buffer itself when the plan is regular, else a
  /// copy following the plan (gaps as no data, blends for resampling).
  private static func assemble(_ stack: SliceStack, sources: [Int16]) -> Volume {
    if stack.plan == stack.ordered.indices.map({ SlicePlan.source($0) }) {
      return Volume(geometry: stack.geometry, voxels: sources)
    }
    var volume = Volume(geometry: stack.geometry, filledWith: Volume.noData)
    let frameSize = stack.geometry.size.sliceCount
    volume.voxels.withUnsafeMutableBufferPointer { voxels in
      for (k, plan) in stack.plan.enumerated() {
        let base = k * frameSize
        switch plan {
        case .missing: continue
        case .source(let s):
          for i in 0..<frameSize { voxels[base + i] = sources[s * frameSize + i] }
        case .blend(let lower, let upper, let weight):
          for i in 0..<frameSize {
            let (a, b) = (sources[lower * frameSize + i], sources[upper * frameSize + i])
            voxels[base + i] =
              a == Volume.noData || b == Volume.noData
              ? Volume.noData
              : Int16((Double(a) * (1 - weight) + Double(b) * weight).rounded())
          }
        }
      }
    }
    return volume
  }
}

/// The base of a slice-ordered Int16 buffer that parallel decode chunks write through.
///
/// Safe to share because every slot (slice) is written by exactly one chunk and the buffer
/// outlives the `ParallelSlices.map` call that uses it.
struct SliceWriter: @unchecked Sendable {
  let base: UnsafeMutablePointer<Int16>
  let frameSize: Int

  func slice(_ slot: Int) -> UnsafeMutableBufferPointer<Int16> {
    UnsafeMutableBufferPointer(start: base + slot * frameSize, count: frameSize)
  }
}
