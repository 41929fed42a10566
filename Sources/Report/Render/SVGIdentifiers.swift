import Foundation

/// Renumbers the `image<N>` and `surface<N>` identifiers in cairo's SVG output in order of
/// first appearance. Cairo numbers them from a process-wide counter, so the second figure a
/// process writes would otherwise differ from the same figure written by a fresh process.
enum SVGIdentifiers {
  static let pattern = "\\b(image|surface)([0-9]+)\\b"

  /// Rewrites the SVG file at `url` in place.
  /// - Throws: `ReportError.writeFailed` naming `reportAs` when the file cannot be rewritten.
  static func normalize(fileAt url: URL, reportAs: URL) throws {
    guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8),
      let regex = try? NSRegularExpression(pattern: pattern)
    else { throw ReportError.writeFailed(path: reportAs.path, reason: "cannot reread SVG") }
    var numbers: [String: Int] = [:]
    var result = ""
    var last = text.startIndex
    let whole = NSRange(text.startIndex..., in: text)
    for match in regex.matches(in: text, range: whole) {
      guard let range = Range(match.range, in: text), let kind = Range(match.range(at: 1), in: text)
      else { continue }
      let token = String(text[range])
      let number = numbers[token] ?? (numbers.count + 1)
      numbers[token] = number
      result += text[last..<range.lowerBound] + text[kind] + "\(number)"
      last = range.upperBound
    }
    result += text[last...]
    do {
      try Data(result.utf8).write(to: url)
    } catch {
      throw ReportError.writeFailed(path: reportAs.path, reason: "cannot rewrite SVG")
    }
  }
}
