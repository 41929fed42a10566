import Foundation
import Report
import TestSupport
import Testing

@Suite struct ReportTemplateTests {
  static let directory = TestEnvironment.packageRoot.appendingPathComponent("Templates/report")

  @Test(arguments: ReportTemplate.shippedNames)
  func shippedTemplatesLoadWithEveryString(name: String) throws {
    let template = try ReportTemplate.load(name, directory: Self.directory)
    #expect(template.sections == ReportSection.allCases)
    for key in TemplateString.allCases {
      #expect(template.strings[key.rawValue]?.isEmpty == false)
    }
    #expect(template.sha256.count == 64)
  }

  @Test func chineseTemplateTranslatesEveryFixedText() throws {
    let english = try ReportTemplate.load("standard", directory: Self.directory)
    let chinese = try ReportTemplate.load("zh-CN", directory: Self.directory)
    for key in TemplateString.allCases {
      let text = chinese.text(key)
      #expect(text != english.text(key), "\(key.rawValue) is not translated")
      #expect(Self.readsAsChinese(text), "\(key.rawValue) has no Chinese characters: \(text)")
    }
    // The optional families (stage names, rule thresholds and figures, series roles): every
    // one the English template words, the Chinese one words in Chinese.
    let optional = english.strings.keys.filter { key in
      !TemplateString.allCases.contains { $0.rawValue == key }
    }
    #expect(optional.count >= 30)
    for key in optional.sorted() {
      let text = try #require(chinese.optionalText(key), "\(key) is missing in zh-CN")
      #expect(Self.readsAsChinese(text), "\(key) has no Chinese characters: \(text)")
    }
  }

  /// Han characters, or nothing but full-width punctuation (the Chinese list separators).
  static func readsAsChinese(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    return scalars.contains { (0x4E00...0x9FFF).contains($0.value) }
      || scalars.allSatisfy {
        (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
      }
  }

  /// A malformed user template is refused with the field that is wrong.
  @Test(arguments: [
    ("\"accent\": \"#1F4E79\"", "\"accent\": \"blue\"", "colors.accent: \"blue\" is not"),
    ("\"page_size\": \"A4\"", "\"page_size\": \"A5\"", "page_size: \"A5\" is not A4 or Letter"),
    ("\"id\": \"trends\"", "\"id\": \"charts\"", "sections[3].id: \"charts\" is not a section"),
    ("\"schema\"", "\"colour\": 1, \"schema\"", "colour: unknown field"),
    ("\"summary.title\": \"Case summary\",", "", "strings.summary.title: missing"),
    ("\"enabled\": true", "\"enabled\": 1", "sections[0].enabled: must be true or false"),
    (
      "\"summary.title\": \"Case summary\"", "\"summary.title\": \"Summary of {patient}\"",
      "strings.summary.title: unknown placeholder {patient} (this text takes none)"
    ),
    (
      "\"Page {n} of {total}\"", "\"Page {n} of {pages}\"",
      "strings.page.number: unknown placeholder {pages} (this text takes {n}, {total})"
    ),
    (
      "\"header_text\": \"", "\"header_text\": \"{title} ",
      "header_text: unknown placeholder {title} (this text takes none)"
    ),
    (
      "volume >= {value} mL\"", "volume >= {volume} mL\"",
      "strings.threshold.min_lesion_volume_ml: unknown placeholder {volume}"
    ),
  ])
  func malformedTemplateNamesTheField(find: String, replace: String, message: String) throws {
    let url = Self.directory.appendingPathComponent("standard.json")
    var text = try String(contentsOf: url, encoding: .utf8)
    let range = try #require(text.range(of: find))
    text.replaceSubrange(range, with: replace)
    #expect {
      try ReportTemplate.parse(Data(text.utf8), path: "mine.json")
    } throws: { error in
      String(describing: error).hasPrefix("mine.json: " + message)
    }
  }

  @Test func unknownTemplateNameIsReported() {
    #expect(throws: ReportError.templateNotFound(name: "fancy", searched: Self.directory.path)) {
      try ReportTemplate.load("fancy", directory: Self.directory)
    }
  }
}
