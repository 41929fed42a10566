import Foundation

/// Wall-clock times of a command's stages for `--timings`. Only printed, never written into
/// an output file. A class, so the case pipeline can take an optional one and fill it in.
final class StageTimings {
  private(set) var rows: [(name: String, milliseconds: Double)] = []

  func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    let ms =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    rows.append((name, ms))
    return result
  }

  /// A Markdown table with a total row; the total leaves out the first row when
  /// `excludingFirst` (the input stage stands in for analysis, which the render target excludes).
  func table(excludingFirst: Bool, totalLabel: String) -> String {
    var lines = ["| stage | ms |", "|---|---:|"]
    for row in rows {
      lines.append("| \(row.name) | \(String(format: "%.1f", row.milliseconds)) |")
    }
    let counted = excludingFirst ? rows.dropFirst() : rows[...]
    let total = counted.map(\.milliseconds).reduce(0, +)
    lines.append("| \(totalLabel) | \(String(format: "%.1f", total)) |")
    return lines.joined(separator: "\n")
  }
}

extension Optional where Wrapped == StageTimings {
  /// Runs `body`, timing it when there is a timings table to fill.
  func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    guard let timings = self else { return try body() }
    return try timings.measure(name, body)
  }
}
