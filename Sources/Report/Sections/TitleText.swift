/// The case title as every output displays it: the report's summary heading, page footers and
/// PDF metadata, the figure files' metadata and the library catalogue's labels.
///
/// A manifest's title is free text without limits, and laying text out with Pango takes time
/// that grows faster than its length: a title of 20,000 characters without a space took
/// seconds on every page's footer, and one letter carrying 20,000 combining accents (a single
/// character) took 21 s and drew its accents off the page. Line breaks and control characters
/// made the title taller than a page, showed as glyphs in footers and ended the PDF Title at
/// the first newline or NUL. `display` therefore
/// - puts the title on one line: each run of white space and control characters becomes one
///   space, and none is left at either end;
/// - falls back to the title of a case without one when nothing is left;
/// - cuts a title longer than `maxCharacters` characters or `maxScalars` Unicode scalars at a
///   character boundary (at the last space in its final fifth when there is one) and ends it
///   with an ellipsis, so the result stays within both bounds. A single character that alone
///   exceeds the scalar bound is dropped rather than split.
///
/// `display` reads at most about `maxScalars` scalars past any leading white space, and
/// applying it twice changes nothing.
public enum TitleText {
  /// The title of a case whose manifest gives none (and of de-identified reports).
  public static let fallback = "Case report"
  static let maxCharacters = 240
  /// Twice the characters: room for accented and combined letters in a title of full length.
  static let maxScalars = 480
  static let ellipsis = "…"

  /// `title` on one line, bounded in characters and scalars; see the type's description.
  static func display(_ title: String) -> String {
    let (line, more) = oneLine(title)

    guard !line.isEmpty else { return fallback }
    let fits = line.count <= maxCharacters && line.unicodeScalars.count <= maxScalars
    guard more || !fits else { return line }

    return cut(line)
  }

  /// The scalars of `title` with each run of white space and control characters made one
  /// space, none at either end. Stops once more than `maxScalars` scalars are kept: `more`
  /// then says that text was left unread.
  private static func oneLine(_ title: String) -> (line: String, more: Bool) {
    var kept = String.UnicodeScalarView()
    var count = 0
    var gap = false
    for scalar in title.unicodeScalars {
      if isGap(scalar) {
        gap = count > 0
        continue
      }
      if count > maxScalars { return (String(kept), true) }
      if gap {
        kept.append(" ")
        count += 1
        gap = false
      }
      kept.append(scalar)
      count += 1
    }
    return (String(kept), false)
  }

  /// White space (including line and paragraph separators) and control characters (tab, NUL).
  private static func isGap(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
  }

  /// The whole characters of `line` that fit beside the ellipsis within both bounds, back to
  /// the last space of their final fifth unless they end a word, and the ellipsis. `line`
  /// holds more than `maxScalars` scalars or is complete, so the boundary after each kept
  /// character is the one of the full title.
  private static func cut(_ line: String) -> String {
    var end = line.startIndex
    var characters = 0
    var scalars = 0
    for character in line {
      let size = character.unicodeScalars.count
      guard characters + 1 < maxCharacters, scalars + size < maxScalars else { break }
      characters += 1
      scalars += size
      end = line.index(after: end)
    }

    var kept = line[..<end]
    let wordStart = kept.index(kept.endIndex, offsetBy: -characters / 5)
    let endsAWord = line[end...].first == " "
    if !endsAWord, let space = kept[wordStart...].lastIndex(of: " ") { kept = kept[..<space] }

    while kept.last == " " { kept = kept.dropLast() }
    return kept + ellipsis
  }
}

extension ReportInput {
  /// This input with its title as `TitleText` displays it: what the report and the figure
  /// files show, while the input itself (and the library's summary) keeps the title as given.
  var displayed: ReportInput {
    var shown = self
    shown.title = TitleText.display(title)
    return shown
  }
}
