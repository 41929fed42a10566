import Foundation

/// The one JSON encoding every ctcase output uses: sorted keys, two-space pretty printing,
/// unescaped slashes and a final newline, so equal values always give equal bytes.
public enum CanonicalJSON {
  /// - Throws: `EncodingError` when a value cannot be encoded (e.g. a non-finite number).
  public static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
  }
}
