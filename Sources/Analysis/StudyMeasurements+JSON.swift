import Foundation

extension StudyMeasurements {
  /// The measurements as JSON bytes: sorted keys, numbers already rounded to fixed decimals,
  /// no escaped slashes, one trailing newline; identical bytes for identical results.
  /// - Throws: `EncodingError` only if a value is not finite (never produced by the analyzer).
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}
