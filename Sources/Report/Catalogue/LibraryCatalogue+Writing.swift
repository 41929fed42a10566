import Foundation

extension LibraryCatalogue {
  /// The catalogue's pages; text is measured with the same fonts the renderer draws with.
  /// - Parameter pageSize: A4 unless given.
  public func layout(
    template: ReportTemplate, pageSize: PageSize = .a4, fonts: FontSet
  ) -> LayoutDocument {
    CatalogueLayoutBuilder(
      catalogue: self, style: ReportStyle(template: template), pageSize: pageSize,
      measurer: TextEngine(fonts: fonts, language: "en")
    ).build()
  }

  /// Lays out and writes the catalogue PDF through a temporary file renamed on success.
  /// Equal catalogues give identical bytes (dates come from `documentDate`, never the clock).
  /// - Throws: `ReportError.cairo` or `.writeFailed` naming `url`.
  public func writePDF(
    template: ReportTemplate, pageSize: PageSize = .a4, fonts: FontSet, to url: URL
  ) throws {
    let document = layout(template: template, pageSize: pageSize, fonts: fonts)
    try CairoRenderer(fonts: fonts).writePDF(document, to: url)
  }
}
