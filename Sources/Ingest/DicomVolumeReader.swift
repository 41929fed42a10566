import Foundation
import Imaging

/// Decodes the slices a `SliceStack` plans, in parallel over files, into one HU volume.
enum DicomVolumeReader {
  /// One file's decoded frames: (ordered slice index, HU pixels), plus clamped sample count.
  private typealias Decoded = (slices: [(Int, [Int16])], clamped: Int)

  /// - Throws: `IngestError` naming the first file (in slice order) that failed to decode.
  static func read(_ group: SeriesGroup, stack: SliceStack, threads: Int) throws -> (
    Volume, [IngestWarning]
  ) {
    var fileOrder: [Int] = []
    var slotOf: [Int: [(frame: Int, slot: Int)]] = [:]
    for (slot, source) in stack.ordered.enumerated() {
      if slotOf[source.header] == nil { fileOrder.append(source.header) }
      slotOf[source.header, default: []].append((source.frame, slot))
    }
    let wanted = slotOf
    let files = fileOrder
    let chunks = ParallelSlices.map(count: files.count, chunks: files.count, threads: threads) {
      _, range -> [Result<Decoded, IngestError>] in
      range.map { i in
        Result { try decode(group.headers[files[i]], wanted: wanted[files[i]] ?? []) }
          .mapError { $0 as? IngestError ?? .decodeFailed(path: group.headers[files[i]].path,
            reason: "\($0)") }
      }
    }

    var slices = [[Int16]?](repeating: nil, count: stack.ordered.count)
    var clamped = 0
    for result in chunks.joined() {
      let decoded = try result.get()
      clamped += decoded.clamped
      for (slot, pixels) in decoded.slices { slices[slot] = pixels }
    }
    let volume = assemble(stack, slices: slices.map { $0 ?? [] })
    let warnings =
      clamped == 0
      ? []
      : [
        IngestWarning(
          code: IngestWarningCode.valuesClamped, file: group.first.path,
          message: "\(clamped) voxel(s) outside the Int16 range after rescale were clamped")
      ]
    return (volume, warnings)
  }

  private static func decode(_ header: DicomImageHeader, wanted: [(frame: Int, slot: Int)])
    throws -> Decoded
  {
    guard header.samplesPerPixel == 1 else {
      throw IngestError.unsupported(
        path: header.path, property: "Samples per Pixel (0028,0002)",
        reason: "\(header.samplesPerPixel); CT must be one sample (grey) per pixel")
    }
    let file = try DicomFile(path: header.path, headerOnly: false)
    let frameSize = header.rows * header.columns
    let stored = try file.decodePixels(sampleCount: frameSize * header.frames.count)

    var clamped = 0
    let slices = wanted.map { item -> (Int, [Int16]) in
      let mapping = StoredValueMapping(header: header, frame: header.frames[item.frame])
      let pixels = [Int16](unsafeUninitializedCapacity: frameSize) { out, initialized in
        stored.withUnsafeBufferPointer { all in
          let source = UnsafeBufferPointer(rebasing: all[item.frame * frameSize..<(item.frame + 1) * frameSize])
          clamped += mapping.apply(source, into: out)
        }
        initialized = frameSize
      }
      return (item.slot, pixels)
    }
    return (slices, clamped)
  }

  private static func assemble(_ stack: SliceStack, slices: [[Int16]]) -> Volume {
    var volume = Volume(geometry: stack.geometry, filledWith: Volume.noData)
    let frameSize = stack.geometry.size.sliceCount
    volume.voxels.withUnsafeMutableBufferPointer { voxels in
      for (k, plan) in stack.plan.enumerated() {
        let base = k * frameSize
        switch plan {
        case .missing: continue
        case .source(let s):
          for i in 0..<frameSize { voxels[base + i] = slices[s][i] }
        case .blend(let lower, let upper, let weight):
          for i in 0..<frameSize {
            let (a, b) = (slices[lower][i], slices[upper][i])
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
