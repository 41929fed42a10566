import Foundation
import TestSupport
import Testing

/// Checks a library's `catalogue.pdf` against its `index.json` with poppler and qpdf: each
/// case's line and numbers, one outline entry per case, one picture per rendered case,
/// embedded fonts, a clean structure, and (for de-identified libraries) no identity anywhere.
struct LibraryCatalogueChecks {
  let library: URL

  var catalogue: URL { library.appendingPathComponent("catalogue.pdf") }

  private struct Index: Decodable {
    struct Row: Decodable {
      var id: String
      var status: String
      var reason: String?
      var summary: Summary?
    }

    struct Summary: Decodable {
      var label: String?
      var study_count: Int
      var day_span: Int?
      var last_lesion_volume_ml: Double
      var max_po_percent: Double
      var max_severity_score: Int
      var decisions: [Decision]
    }

    struct Decision: Decodable {
      var rule: String
      var first_day_from_onset: Int?
    }

    var cases: [Row]
  }

  static func tool(_ name: String, _ arguments: [String]) throws -> String {
    let result = try TestEnvironment.run(URL(fileURLWithPath: "/usr/bin/\(name)"), arguments)
    #expect(result.status == 0, "\(name) \(arguments): \(result.stderr)")
    return result.stdout
  }

  static func fixed(_ value: Double) -> String { String(format: "%.1f", locale: nil, value) }

  func verify(renderedCases: Int, failedCases: Int) throws {
    let index = try JSONDecoder().decode(
      Index.self, from: Data(contentsOf: library.appendingPathComponent("index.json")))
    #expect(index.cases.filter { $0.status == "ok" }.count == renderedCases)
    #expect(index.cases.filter { $0.status == "failed" }.count == failedCases)
    try verifyLines(index)
    try verifyStructure(index, renderedCases: renderedCases)
  }

  /// Every case's heading, and for rendered cases the figures of index.json as printed.
  private func verifyLines(_ index: Index) throws {
    // pdftotext joins wrapped lines with newlines; compare on single spaces.
    let text = try Self.tool("pdftotext", [catalogue.path, "-"])
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for (position, row) in index.cases.enumerated() {
      let number = position + 1
      guard let s = row.summary else {
        #expect(text.contains("\(number). \(row.id) FAILED: "), "\(row.id)")
        let reason = try #require(row.reason, "\(row.id) has no reason in index.json")
        let start = reason.split(separator: " ").prefix(4).joined(separator: " ")
        #expect(text.contains(start), "\(row.id): reason '\(start)' not in the catalogue")
        continue
      }
      let label = try #require(s.label)
      let expected = [
        "\(number). \(label) \(row.id) · \(s.study_count) studies over \(s.day_span ?? -1) days",
        "Lesion volume at last study \(Self.fixed(s.last_lesion_volume_ml)) mL",
        "peak PO \(Self.fixed(s.max_po_percent)) %",
        "peak severity score \(s.max_severity_score)",
      ]
      let alerts = s.decisions.map { d in
        "\(d.rule) (day \(d.first_day_from_onset.map(String.init) ?? "?"))"
      }
      for piece in expected + (alerts.isEmpty ? ["Alerts: none"] : alerts) {
        #expect(text.contains(piece), "\(row.id): '\(piece)' not in the catalogue")
      }
    }
  }

  private func verifyStructure(_ index: Index, renderedCases: Int) throws {
    let info = try Self.tool("pdfinfo", [catalogue.path])
    let fields = Dictionary(
      info.split(separator: "\n").compactMap { line -> (String, String)? in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (String(line[..<colon]), value)
      }
    ) { first, _ in first }
    #expect(fields["Page size"] == "595.276 x 841.89 pts (A4)", "\(info)")
    #expect(fields["Title"] == "Case library catalogue", "\(info)")
    #expect((Int(fields["Pages"] ?? "") ?? 0) >= 1, "\(info)")

    let outline = try Self.tool("qpdf", ["--json", "--json-key=outlines", catalogue.path])
    let json = try JSONSerialization.jsonObject(with: Data(outline.utf8)) as? [String: Any]
    let entries = (json?["outlines"] as? [[String: Any]]) ?? []
    #expect(entries.count == index.cases.count, "\(outline)")

    let images = try Self.tool("pdfimages", ["-list", catalogue.path])
      .split(separator: "\n").dropFirst(2)
    #expect(images.count == renderedCases, "\(images)")

    let fonts = try Self.tool("pdffonts", [catalogue.path]).split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty)
    for font in fonts {
      let columns = font.split(separator: " ")
      #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
    }
    let check = try TestEnvironment.run(
      URL(fileURLWithPath: "/usr/bin/qpdf"), ["--check", catalogue.path])
    #expect(check.status == 0, "\(check.stdout)")
  }

  /// The catalogue's text and metadata and every file name in the library are free of the
  /// fictional patient's identity and the phantom's own DICOM identity.
  func verifyNoIdentity() throws {
    let texts = [
      "pdftotext": try Self.tool("pdftotext", [catalogue.path, "-"]),
      "pdfinfo": try Self.tool("pdfinfo", [catalogue.path]),
      "file names":
        (FileManager.default.enumerator(atPath: library.path)?
        .compactMap { $0 as? String } ?? []).joined(separator: "\n"),
    ]
    let forbidden =
      ReproducibilityTests.identity + ["Synthetic^Thick", "SYN-7", "Zhang Wei", "20200121"]
    for (source, text) in texts {
      for word in forbidden {
        #expect(!text.contains(word), "catalogue \(source) contains \(word)")
      }
    }
    #expect(texts["pdftotext"]?.contains("CASE-") == true)
  }
}
