import Foundation

/// Locale-independent number text for everything the report prints.
public enum NumberFormat {
  /// `value` with exactly `digits` decimals ("." separator whatever the locale).
  public static func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", locale: nil, value)
  }

  /// Signed day count such as "+3" or "-4" ("0" for the onset day).
  public static func signedDay(_ day: Int) -> String { day > 0 ? "+\(day)" : "\(day)" }

  /// Tick values between `low` and `high` at a 1-2-5 step, about `count` of them.
  public static func niceTicks(low: Double, high: Double, count: Int) -> [Double] {
    guard high > low, count > 0 else { return [low] }
    let rough = (high - low) / Double(count)
    let magnitude = pow(10, floor(log10(rough)))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
    let first = ceil(low / step - 1e-9) * step
    return stride(from: first, through: high + step * 1e-9, by: step).map {
      abs($0) < 1e-12 ? 0 : $0
    }
  }

  /// How many decimals a tick at `step` needs.
  public static func decimals(forStep step: Double) -> Int {
    step >= 1 ? 0 : min(3, Int(ceil(-log10(step) - 1e-9)))
  }
}
