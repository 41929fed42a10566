import Imaging

/// Turns one frame's stored pixel values into Hounsfield units: keeps Bits Stored, applies the
/// sign (Pixel Representation), marks pixel padding as `Volume.noData`, applies the frame's own
/// Rescale Slope/Intercept, rounds to the nearest integer and clamps to Int16.
struct StoredValueMapping: Sendable {
  private static let wordBits = 16
  var mask: Int
  var signBit: Int
  var isSigned: Bool
  var padding: ClosedRange<Int>?
  var slope: Double
  var intercept: Double

  init(header: DicomImageHeader, frame: DicomFrame) {
    let bits = min(max(header.bitsStored, 1), Self.wordBits)
    mask = (1 << bits) - 1
    signBit = 1 << (bits - 1)
    isSigned = header.isSigned
    slope = frame.rescaleSlope
    intercept = frame.rescaleIntercept
    if var value = header.paddingValue {
      // Some writers store a signed padding value in an unsigned VR: read it in the pixels' sign.
      if isSigned && value > Int(Int16.max) { value -= 1 << Self.wordBits }
      let limit = header.paddingRangeLimit ?? value
      padding = min(value, limit)...max(value, limit)
    }
  }

  /// Maps `count` samples from `source` into `destination`; returns how many were clamped.
  func apply(
    _ source: UnsafeBufferPointer<UInt16>, into destination: UnsafeMutableBufferPointer<Int16>
  ) -> Int {
    var clamped = 0
    let integerIntercept = Int(exactly: intercept)
    for index in 0..<destination.count {
      var v = Int(source[index]) & mask
      if isSigned && v & signBit != 0 { v -= mask + 1 }
      if let padding, padding.contains(v) {
        destination[index] = Volume.noData
        continue
      }
      let hu: Int
      if slope == 1, let integerIntercept {
        hu = v + integerIntercept
      } else {
        hu = Int((slope * Double(v) + intercept).rounded())
      }
      if hu < Int(Int16.min) || hu > Int(Int16.max) { clamped += 1 }
      destination[index] = Int16(clamping: hu)
    }
    return clamped
  }
}
