/// The case title as the report prints it (summary heading, page footers, PDF metadata).
///
/// A manifest's title has no length limit, but laying text out with Pango takes time that grows
/// faster than its length (a title of 20,000 characters without a space took seconds, on every
/// page's footer too): a longer title is cut to `maxCharacters`, at the last space in its final
/// fifth when there is one, and ends with an ellipsis.
enum TitleText {
  static let maxCharacters = 240
  static let ellipsis = "…"

  /// `title` unchanged when it has at most `maxCharacters` characters, else cut and ended with
  /// `ellipsis`. Reads at most `maxCharacters + 1` characters of `title`.
  static func bounded(_ title: String) -> String {
    let head = title.prefix(maxCharacters + 1)
    guard head.count > maxCharacters else { return title }

    var cut = head.dropLast()
    let wordStart = cut.index(cut.endIndex, offsetBy: -maxCharacters / 5)
    if let space = cut[wordStart...].lastIndex(of: " ") { cut = cut[..<space] }
    return String(cut).trimmingTrailingSpaces() + ellipsis
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = Substring(self)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
