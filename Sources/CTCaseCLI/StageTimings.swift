import Foundation

/// Wall-clock times of a command's stages for `--timings`. Only printed, never written into
/// an output file. A class, so the case pipeline can take an optional one and fill it in.
final class StageTimings {
  private(set) var rows: [(name: String, milliseconds: Double)] = []

  /// When this table was started: the end-to-end total is the wall time since then.
  private let started = ContinuousClock.now

  func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    try Self.timed(name, into: &rows, body)
  }

  /// Adds a row timed elsewhere (on a worker thread).
  func record(_ name: String, milliseconds: Double) { rows.append((name, milliseconds)) }

  /// Runs `body` and appends its wall time to `rows`; usable on any thread with its own rows.
  static func timed<T>(
    _ name: String, into rows: inout [(name: String, milliseconds: Double)],
    _ body: () throws -> T
  ) rethrows -> T {
    let start = ContinuousClock.now
    let result = try body()
    rows.append((name, milliseconds(ContinuousClock.now - start)))
    return result
  }

  private static func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }

  /// The wall time since the table was started, in ms.
  var elapsedMilliseconds: Double { Self.milliseconds(ContinuousClock.now - started) }

  /// A Markdown table with a total row; the total leaves out the first row when
  /// `excludingFirst` (the input stage stands in for analysis, which the render target excludes).
  /// With `wallTotal` the total is the wall time since the table was started instead of the
  /// sum of the rows, which overstates it when stages overlap (studies analysed side by side).
  func table(excludingFirst: Bool, totalLabel: String, wallTotal: Bool = false) -> String {
    var lines = ["| stage | ms |", "|---|---:|"]
    for row in rows {
      lines.append("| \(row.name) | \(String(format: "%.1f", row.milliseconds)) |")
    }
    let counted = excludingFirst ? rows.dropFirst() : rows[...]
    let total = wallTotal ? elapsedMilliseconds : counted.map(\.milliseconds).reduce(0, +)
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
