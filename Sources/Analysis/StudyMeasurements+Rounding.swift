import Foundation

/// Fixed decimal places for every reported number, so JSON bytes are stable and readable.
enum Reported {
  static let volumeDecimals = 4
  static let millimetreDecimals = 2
  static let huDecimals = 1
  static let percentDecimals = 3

  /// `value` rounded half away from zero to `places` decimals.
  static func round(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10.0, Double(places))
    return (value * scale).rounded() / scale
  }
}
