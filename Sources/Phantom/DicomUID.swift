/// Deterministic DICOM UIDs for the phantom: `2.25.` followed by a 128-bit number derived from
/// the seed and what the UID names, so the same seed always gives the same UIDs and different
/// seeds practically never collide.
enum DicomUID {
  /// What a UID identifies; part of its hash input.
  enum Kind: UInt64 {
    case study = 1
    case series = 2
    case frameOfReference = 3
    case instance = 4
  }

  /// The UID of a `kind` for (seed, preset, study, instance).
  static func make(
    seed: UInt64, preset: PhantomPreset, kind: Kind, study: Int, instance: Int = 0
  ) -> String {
    let presetCode = preset.rawValue.utf8.reduce(UInt64(1469598103934665603)) {
      ($0 ^ UInt64($1)) &* 1099511628211
    }
    var rng = SplitMix64(
      seed: seed, streams: presetCode, kind.rawValue, UInt64(study), UInt64(instance))
    let high = rng.next() | (1 << 63)  // a fixed top bit keeps every UID the same length
    let low = rng.next()
    return "2.25." + String(UInt128(high) << 64 | UInt128(low))
  }
}
