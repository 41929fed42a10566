import Foundation
import Report
import TestSupport
import Testing

/// Renders the built-in example and checks the PDF through its text and structure.
@Suite(.serialized) struct ReportPDFTests {
  static let directory = TestEnvironment.packageRoot.appendingPathComponent("Templates/report")
  static let example = ExampleReportInput.make()
  static let chineseName = "张伟"

  static func tool(_ name: String, _ arguments: [String]) throws -> String {
    let result = try TestEnvironment.run(URL(fileURLWithPath: "/usr/bin/\(name)"), arguments)
    #expect(result.status == 0, "\(name) failed: \(result.stderr)")
    return result.stdout + result.stderr
  }

  static func render(
    _ input: ReportInput, template name: String = "standard", pageSize: PageSize? = nil
  ) throws -> URL {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-report")
    let url = folder.appendingPathComponent("report.pdf")
    let template = try ReportTemplate.load(name, directory: directory)
    try CaseReport.writePDF(
      input, template: template, pageSize: pageSize, fonts: try FontSet(), to: url)
    return url
  }

  @Test func reportTextStructureAndFontsAreRight() throws {
    let url = try Self.render(Self.example)
    let text = try Self.tool("pdftotext", ["-layout", url.path, "-"])
    for title in ["Case summary", "Timeline", "Trends", "Decisions", "Methods and provenance"] {
      #expect(text.contains(title), "missing section \(title)")
    }
    // Measurements come out as text equal to the input numbers.
    for study in Self.example.studies {
      #expect(text.contains(NumberFormat.fixed(study.measurements.lesionVolumeML, 2)))
      for lesion in study.measurements.lesions {
        #expect(text.contains(NumberFormat.fixed(lesion.volumeML, 2)))
      }
    }
    #expect(text.contains("first fired on day +2 (2020-01-22, CT 2)"))
    #expect(text.contains("needs a physician") || text.contains("physician's reading"))
    #expect(text.contains(AnalysisDefaults.ggoText))

    let info = try Self.tool("pdfinfo", [url.path])
    #expect(info.contains("Pages:           11"))
    #expect(info.contains("Title:           " + Self.example.title))
    #expect(info.contains("CreationDate:    Sun Jan 26 00:00:00 2020"))
    #expect(info.contains("A4"))

    let fonts = try Self.tool("pdffonts", [url.path]).split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty)
    for line in fonts { #expect(line.contains(" yes yes "), "font not embedded: \(line)") }

    let check = try Self.tool("qpdf", ["--check", url.path])
    #expect(check.contains("No syntax or stream encoding errors found"))
    #expect(!check.contains("WARNING"))
  }

  @Test func outlineHasSectionsAndOneEntryPerStudy() throws {
    let url = try Self.render(Self.example)
    let json = try Self.tool("qpdf", ["--json", "--json-key=outlines", url.path])
    let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    func titles(_ items: [[String: Any]]) -> [String] {
      items.flatMap { item in
        [item["title"] as? String ?? ""] + titles(item["kids"] as? [[String: Any]] ?? [])
      }
    }
    let found = titles(root?["outlines"] as? [[String: Any]] ?? [])
    let expected =
      ["Case summary", "Timeline", "Studies"]
      + Self.example.studies.map { "\($0.label) · \($0.date) · day +\($0.dayFromOnset ?? 0)" }
      + ["Trends", "Decisions", "Methods and provenance"]
    #expect(found == expected)

    // Summary rows link to the study pages, the alert line to the decisions page.
    let expanded = url.deletingLastPathComponent().appendingPathComponent("qdf.pdf")
    _ = try Self.tool("qpdf", ["--qdf", "--object-streams=disable", url.path, expanded.path])
    let bytes = try Data(contentsOf: expanded)
    let links = String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Subtype /Link")
    #expect(links.count - 1 == Self.example.studies.count + Self.example.decisions.count)
  }

  @Test func rendersAreByteIdenticalAndLetterIsHonoured() throws {
    let first = try Data(contentsOf: try Self.render(Self.example))
    let second = try Data(contentsOf: try Self.render(Self.example))
    #expect(first == second)
    let letter = try Self.render(Self.example, pageSize: .letter)
    #expect(try Self.tool("pdfinfo", [letter.path]).contains("612 x 792 pts (letter)"))
  }

  @Test func chineseTemplateRendersChineseNameAndTexts() throws {
    let input = ExampleReportInput.make(patientName: Self.chineseName)
    let url = try Self.render(input, template: "zh-CN")
    let text = try Self.tool("pdftotext", [url.path, "-"])
    for expected in [Self.chineseName, "病例摘要", "时间线", "变化趋势", "方法与溯源", "外周磨玻璃病灶增大"] {
      #expect(text.contains(expected), "missing \(expected)")
    }
    let fonts = try Self.tool("pdffonts", [url.path])
    #expect(fonts.contains("NotoSansCJK"))
  }

  /// The example with its second study on slices of `thickness` mm (spacing too).
  static func withThickSecondStudy(_ thickness: Double) -> ReportInput {
    var input = ExampleReportInput.make()
    input.studies[1].series.sliceThicknessMM = thickness
    input.studies[1].series.sliceSpacingMM = thickness
    return input
  }

  @Test(arguments: [
    ("standard", "Slices of 5 mm: on slices thicker than 3 mm"), ("zh-CN", "层厚 5 毫米"),
  ])
  func thickSlicesCarryTheCaveatOnTheirStudyPageOnly(template: String, caveat: String) throws {
    let url = try Self.render(Self.withThickSecondStudy(5), template: template)

    // One page per text block; the caveat sits on the second study's page and nowhere else.
    let pages = try Self.tool("pdftotext", [url.path, "-"]).split(separator: "\u{0C}")
    let flat = pages.map { $0.replacingOccurrences(of: "\n", with: " ") }
    let carrying = flat.indices.filter { flat[$0].contains(caveat) }
    #expect(carrying.count == 1, "caveat on pages \(carrying)")
    let study = Self.example.studies[1].label
    #expect(carrying.first.map { flat[$0].contains(study) } == true)
  }

  @Test func thinSlicesCarryNoCaveat() throws {
    let url = try Self.render(Self.withThickSecondStudy(3), template: "standard")
    let text = try Self.tool("pdftotext", [url.path, "-"])
    #expect(!text.contains("on slices thicker than"))
  }

  @Test(arguments: [FigureFormat.pdf, .svg, .png(dpi: 300)])
  func figuresAreWrittenAtColumnWidth(format: FigureFormat) throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-figures")
    let template = try ReportTemplate.load("standard", directory: Self.directory)
    let files = try CaseReport.writeFigures(
      Self.example, template: template, format: format, fonts: try FontSet(), to: folder)
    #expect(files.map(\.lastPathComponent).first == "trends.\(format.fileExtension)")
    #expect(files.count == 2 + Self.example.studies.count)
    if format == .pdf {
      let info = try Self.tool("pdfinfo", [files[0].path])
      // 174 mm = 493.2 pt.
      #expect(info.contains("Page size:       493.228 x"))
    }
    if case .png = format {
      let data = try Data(contentsOf: files[0])
      let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
      #expect(width == Int((174 / 25.4 * 300).rounded(.up)))
    }
  }
}

extension ReportPDFTests {
  @Test(arguments: [FigureFormat.pdf, .svg, .png(dpi: 300)])
  func figuresAreByteIdenticalAcrossRuns(format: FigureFormat) throws {
    let template = try ReportTemplate.load("standard", directory: Self.directory)
    var digests: [[String]] = []
    for _ in 0..<2 {
      let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-figures")
      let files = try CaseReport.writeFigures(
        Self.example, template: template, format: format, fonts: try FontSet(), to: folder)
      digests.append(try files.map { Checksum.sha256Hex(try Data(contentsOf: $0)) })
    }
    #expect(digests[0] == digests[1])
  }

  @Test func reportInputSurvivesJSONRoundTrip() throws {
    let data = try JSONEncoder().encode(Self.example)
    let decoded = try JSONDecoder().decode(ReportInput.self, from: data)
    #expect(decoded == Self.example)
    #expect(decoded.schema == ReportInput.currentSchema)
  }
}

/// The analysis default for ground glass, as the methods page prints it.
enum AnalysisDefaults {
  static let ggoText = "-750 HU"
}

extension ReportPDFTests {
  /// A huge title (no spaces, the slowest case for line breaking) is cut with an ellipsis, and
  /// the report takes about as long as with a short one.
  @Test func veryLongTitleIsCutWithAnEllipsisAndStaysFast() throws {
    var input = Self.example
    input.title = String(repeating: "X", count: 200_000)
    let started = ContinuousClock.now

    let url = try Self.render(input)

    let elapsed = ContinuousClock.now - started
    #expect(elapsed < .seconds(20), "\(elapsed)")
    let info = try Self.tool("pdfinfo", [url.path])
    let shown = String(repeating: "X", count: 239) + "…"
    #expect(info.contains("Title:           " + shown + "\n"), "\(info.prefix(600))")
    #expect(info.contains("Pages:           11"))
  }
}

extension ReportPDFTests {
  /// One letter carrying 20,000 combining accents is a single character (rendering it took
  /// 21 s and drew the accents off the page): the scalar bound drops it.
  @Test func titleWithThousandsOfCombiningMarksIsCutAndStaysFast() throws {
    var input = Self.example
    input.title = "Case a" + String(repeating: "\u{301}", count: 20_000)
    let started = ContinuousClock.now

    let url = try Self.render(input)

    let elapsed = ContinuousClock.now - started
    #expect(elapsed < .seconds(10), "\(elapsed)")
    let info = try Self.tool("pdfinfo", [url.path])
    #expect(info.contains("Title:           Case…\n"), "\(info.prefix(600))")
    #expect(info.contains("Pages:           11"))
  }

  /// Line breaks and NUL made the title taller than a page and ended the PDF Title early.
  @Test func titleWithLineBreaksAndNULIsShownOnOneLine() throws {
    var input = Self.example
    input.title = "Left lower lobe\r\nfollow-up\u{2028}day 10\u{0}end\n"

    let url = try Self.render(input)

    let info = try Self.tool("pdfinfo", [url.path])
    #expect(
      info.contains("Title:           Left lower lobe follow-up day 10 end\n"),
      "\(info.prefix(600))")
    #expect(info.contains("Pages:           11"))
    let text = try Self.tool("pdftotext", ["-layout", url.path, "-"])
    #expect(text.contains("Left lower lobe follow-up day 10 end"))
  }

  /// The figure files' PDF Title is the displayed title, as in the report.
  @Test func figureFilesCarryTheDisplayedTitle() throws {
    var input = Self.example
    input.title = String(repeating: "X", count: 200_000)
    let template = try ReportTemplate.load("standard", directory: Self.directory)
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-figures")

    let files = try CaseReport.writeFigures(
      input, template: template, format: .pdf, fonts: try FontSet(), to: folder)

    let trends = try #require(files.first)
    let info = try Self.tool("pdfinfo", [trends.path])
    let shown = String(repeating: "X", count: 239) + "…"
    #expect(info.contains("Title:           " + shown + "\n"), "\(info.prefix(600))")
  }
}
