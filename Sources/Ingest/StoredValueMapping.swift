import CDicom
import Imaging

/// Turns one frame's stored pixel values into Hounsfield units: keeps Bits Stored, applies the
/// sign (Pixel Representation), marks pixel padding as `Volume.noData`, applies the frame's own
/// Rescale Slope/Intercept, rounds to the nearest integer and clamps to Int16.
struct StoredValueMapping: Sendable {
  private static let wordBits = 16
  var mask: Int32
  var signBit: Int32
  var isSigned: Bool
  /// Padding range in stored values; empty (lower > upper) when the file declares none.
  var paddingLower: Int32 = 1
  var paddingUpper: Int32 = 0
  var slope: Double
  var intercept: Double

  init(header: DicomImageHeader, frame: DicomFrame) {
    let bits = min(max(header.bitsStored, 1), Self.wordBits)
    mask = Int32((1 << bits) - 1)
    signBit = Int32(1 << (bits - 1))
    isSigned = header.isSigned
    slope = frame.rescaleSlope
    intercept = frame.rescaleIntercept
    if var value = header.paddingValue {
      // Some writers store a signed padding value in an unsigned VR: read it in the pixels' sign.
      if isSigned && value > Int(Int16.max) { value -= 1 << Self.wordBits }
      let limit = header.paddingRangeLimit ?? value
      paddingLower = Int32(clamping: min(value, limit))
      paddingUpper = Int32(clamping: max(value, limit))
    }
  }

  /// Maps `destination.count` samples from `source`; returns how many were clamped.
  func apply(
    _ source: UnsafeBufferPointer<UInt16>, into destination: UnsafeMutableBufferPointer<Int16>
  ) -> Int {
    if slope == 1, let offset = Int32(exactly: intercept) {
      return applyIntegerOffset(source, into: destination, offset: offset)
    }
    var clamped = 0
    for index in 0..<destination.count {
      let v = stored(source[index])
      if v >= paddingLower && v <= paddingUpper {
        destination[index] = Volume.noData
        continue
      }
      let hu = (slope * Double(v) + intercept).rounded()
      if hu < Double(Int16.min) || hu > Double(Int16.max) { clamped += 1 }
      destination[index] = Int16(max(Double(Int16.min), min(Double(Int16.max), hu)))
    }
    return clamped
  }

  @inline(__always)
  private func stored(_ sample: UInt16) -> Int32 {
    let v = Int32(sample) & mask
    // Two's complement sign extension from Bits Stored, without a branch.
    return isSigned ? (v ^ signBit) &- signBit : v
  }

  /// The common case (slope 1, whole-number intercept), the hot loop of ingest, in the shim
  /// (`CDicom_MapStoredValuesWithOffset`), which is built for AVX2 as well as the baseline CPU.
  private func applyIntegerOffset(
    _ source: UnsafeBufferPointer<UInt16>, into destination: UnsafeMutableBufferPointer<Int16>,
    offset: Int32
  ) -> Int {
    precondition(source.count >= destination.count, "StoredValueMapping: source too short")
    guard let input = source.baseAddress, let output = destination.baseAddress else { return 0 }
    return CDicom_MapStoredValuesWithOffset(
      input, output, destination.count, mask, isSigned ? signBit : 0, offset, paddingLower,
      paddingUpper, Volume.noData)
  }
}
