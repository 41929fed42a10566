import Testing

@testable import Report

/// The title as displayed: one line, bounded in characters and in Unicode scalars, never empty.
@Suite struct TitleTextTests {
  static let acute = "\u{301}"

  @Test func lineBreaksTabsAndControlCharactersBecomeSingleSpaces() {
    let title = "  Left lower lobe\r\nfollow-up\u{2028}\u{2029}day 10\t\u{0}end\u{85}\n "

    let shown = TitleText.display(title)

    #expect(shown == "Left lower lobe follow-up day 10 end")
  }

  @Test(arguments: ["", " ", "\n\r\n\t\u{2028}\u{0}"])
  func titleOfOnlyWhiteSpaceShowsTheUntitledFallback(title: String) {
    #expect(TitleText.display(title) == "Case report")
    #expect(TitleText.fallback == "Case report")
  }

  /// One letter carrying 20,000 accents is one character: the character bound alone kept it.
  @Test func characterWithThousandsOfCombiningMarksIsDropped() {
    let huge = "a" + String(repeating: Self.acute, count: 20_000)

    #expect(TitleText.display("Case " + huge + " day 3") == "Case…")
    #expect(TitleText.display(huge) == "…")
  }

  @Test func accentedLettersAreCutByTheScalarBoundAtCharacterBoundaries() {
    let letter = "e" + Self.acute

    let shown = TitleText.display(String(repeating: letter, count: 300))

    #expect(shown == String(repeating: letter, count: 239) + "…")
    #expect(shown.unicodeScalars.count == 479)
  }

  @Test func longTitleIsCutAtTheLastSpaceOfItsFinalFifth() {
    let shown = TitleText.display(String(repeating: "word ", count: 100))

    #expect(shown == String(repeating: "word ", count: 47) + "word…")
    #expect(TitleText.display(String(repeating: "X", count: 241)).count == 240)
    #expect(TitleText.display(String(repeating: "X", count: 240)).count == 240)
  }

  @Test func displayingTwiceChangesNothing() {
    let titles = [
      String(repeating: "X", count: 200_000), String(repeating: "e" + Self.acute, count: 300),
      String(repeating: "word\n", count: 100),
    ]
    for title in titles {
      let shown = TitleText.display(title)
      #expect(TitleText.display(shown) == shown)
    }
  }
}
