import Foundation

/// Wall-clock times of a command's stages for `--timings`. Only printed, never written into
/// an output file.
struct StageTimings {
  private(set) var rows: [(name: String, milliseconds: Double)] = []

  mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    let ms =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    rows.append((name, ms))
    return result
  }

  /// A Markdown table; the total leaves out the first row when `excludingFirst` (the input
  /// stage stands in for analysis, which the report target excludes).
  func table(excludingFirst: Bool) -> String {
    var lines = ["| stage | ms |", "|---|---:|"]
    for row in rows {
      lines.append("| \(row.name) | \(String(format: "%.1f", row.milliseconds)) |")
    }
    let counted = excludingFirst ? rows.dropFirst() : rows[...]
    let total = counted.map(\.milliseconds).reduce(0, +)
    lines.append("| total report rendering (without input) | \(String(format: "%.1f", total)) |")
    return lines.joined(separator: "\n")
  }
}
