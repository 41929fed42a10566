/// A small deterministic pseudo-random generator (SplitMix64) used for noise and jitter.
///
/// Every slice of every study gets its own generator seeded from (seed, study, slice), so the
/// bytes of a phantom never depend on how slices are spread over threads.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A generator for one stream, mixing the phantom seed with stream identifiers.
  init(seed: UInt64, streams: UInt64...) {
    var s = SplitMix64.mix(seed)
    for stream in streams {
      s = SplitMix64.mix(s ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }
    state = s
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 finaliser: a bijective 64-bit mix.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform number in `range`.
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * unit()
  }

  /// An approximately standard-normal number: the centred sum of four 16-bit uniforms scaled to
  /// unit variance (Irwin-Hall), cheap enough for one draw per voxel.
  mutating func gaussian() -> Float {
    let bits = next()
    let a = Float(bits & 0xFFFF) + Float((bits >> 16) & 0xFFFF)
    let b = Float((bits >> 32) & 0xFFFF) + Float(bits >> 48)
    return ((a + b) * SplitMix64.uniform16Scale - 2) * SplitMix64.irwinHallUnitScale
  }

  private static let uniform16Scale: Float = 1 / 65536
  /// 1 / standard deviation of the sum of four U(0, 1) numbers (sqrt(4 / 12)).
  private static let irwinHallUnitScale: Float = 1.7320508
}
