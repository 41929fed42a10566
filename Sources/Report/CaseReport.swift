import Foundation

/// The report stage's entry points: lay out and write the PDF report, and the separate
/// publication figures.
public enum CaseReport {
  /// Lays out and writes the PDF report (written to a temporary file, then renamed).
  /// - Parameters:
  ///   - pageSize: overrides the template's page size (US Letter on request).
  /// - Returns: the font files embedded, with their SHA-256.
  /// - Throws: `ReportError` for bad input, missing fonts, Cairo or file failures.
  @discardableResult
  public static func writePDF(
    _ input: ReportInput, template: ReportTemplate, pageSize: PageSize? = nil,
    fonts: FontSet, to url: URL
  ) throws -> [FontFile] {
    let document = try layout(input, template: template, pageSize: pageSize, fonts: fonts)
    try CairoRenderer(fonts: fonts).writePDF(document, to: url)
    return fonts.files
  }

  /// The laid-out document without writing it (for tests and timing).
  public static func layout(
    _ input: ReportInput, template: ReportTemplate, pageSize: PageSize? = nil, fonts: FontSet
  ) throws -> LayoutDocument {
    let measurer = TextEngine(fonts: fonts, language: template.language)
    return try ReportLayoutBuilder(
      input: input, template: template, pageSize: pageSize, measurer: measurer,
      fonts: fonts.files
    ).build()
  }

  /// Every publication figure with its file stem: the trend chart, the timeline and one
  /// thumbnail panel per study (`study-1-thumbnails` ...), each a journal column wide.
  public static func figures(_ input: ReportInput, template: ReportTemplate) -> [(
    name: String, figure: Figure
  )] {
    let style = ReportStyle(template: template)
    var result: [(String, Figure)] = [
      ("trends", TrendChart(input: input, style: style).figure()),
      ("timeline", TimelineChart(input: input, style: style).figure()),
    ]
    for (index, study) in input.studies.enumerated() where !study.thumbnails.isEmpty {
      result.append(
        ("study-\(index + 1)-thumbnails", ThumbnailPanel(study: study, style: style).figure()))
    }
    return result
  }

  /// Writes every figure into `folder` as `<name>.<ext>`; returns the files in order.
  /// - Throws: `ReportError` for bad input, Cairo or file failures.
  public static func writeFigures(
    _ input: ReportInput, template: ReportTemplate, format: FigureFormat, fonts: FontSet,
    to folder: URL
  ) throws -> [URL] {
    try input.validate()
    let shown = input.displayed

    let renderer = CairoRenderer(fonts: fonts)
    return try figures(shown, template: template).map { item in
      let url = folder.appendingPathComponent("\(item.name).\(format.fileExtension)")
      let metadata = DocumentMetadata.forCase(shown, subject: item.name)
      try renderer.writeFigure(
        item.figure.page, format: format, language: template.language, metadata: metadata,
        to: url)
      return url
    }
  }
}
