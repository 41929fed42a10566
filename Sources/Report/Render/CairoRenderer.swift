import CCairo
import Foundation
import Imaging

/// Output formats for single figures; `png` carries its resolution in dots per inch.
public enum FigureFormat: Sendable, Equatable {
  case pdf
  case svg
  case png(dpi: Int)

  /// The file name extension for this format.
  public var fileExtension: String {
    switch self {
    case .pdf: "pdf"
    case .svg: "svg"
    case .png: "png"
    }
  }
}

/// The one place that issues Cairo drawing calls: it turns a `LayoutDocument` (or one figure
/// page) into PDF, SVG or PNG bytes. It makes no layout decisions.
///
/// Every file is written to a temporary name beside the target and renamed on success, so a
/// failure never leaves a partial output.
public final class CairoRenderer {
  let fonts: FontSet

  public init(fonts: FontSet) {
    self.fonts = fonts
  }

  /// Writes a multi-page PDF with outline, metadata, page links and embedded font subsets.
  /// - Throws: `ReportError.cairo` or `.writeFailed` naming `url`.
  public func writePDF(_ document: LayoutDocument, to url: URL) throws {
    try AtomicFile.write(to: url) { temporary in
      try writePDF(document, toTemporary: temporary, reportAs: url)
    }
  }

  /// Writes the PDF into `temporary`, a file of `AtomicFile.write(together:_:)` that is renamed
  /// to `url` with the files written beside it.
  /// - Throws: `ReportError.cairo` naming `url`.
  public func writePDF(_ document: LayoutDocument, toTemporary temporary: URL, reportAs url: URL)
    throws
  {
    let text = TextEngine(fonts: fonts, language: document.language)
    let first = document.pages.first?.size ?? PageSize.a4.size
    let surface = cairo_pdf_surface_create(temporary.path, first.width, first.height)
    let cairo = cairo_create(surface)
    defer {
      cairo_destroy(cairo)
      cairo_surface_destroy(surface)
    }
    PDFStructure.setMetadata(document.metadata, on: surface)
    // cairo 1.16 writes a broken xref table for link tags outside a structure tag.
    cairo_tag_begin(cairo, "Document", nil)
    for (index, page) in document.pages.enumerated() {
      cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
      if let cairo { PDFStructure.pageAnchor(index, on: cairo) }
      draw(page.elements, on: cairo, text: text)
      cairo_show_page(cairo)
    }
    cairo_tag_end(cairo, "Document")
    PDFStructure.addOutline(document.outline, pages: document.pages, to: surface)
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), url)
  }

  /// Writes one figure page as PDF, SVG (both vector) or PNG at the given resolution.
  /// - Throws: `ReportError.cairo` or `.writeFailed` naming `url`.
  /// - Parameter metadata: written into PDF figures (dates from the case, never the clock).
  public func writeFigure(
    _ page: LayoutPage, format: FigureFormat, language: String, metadata: DocumentMetadata,
    to url: URL
  ) throws {
    let text = TextEngine(fonts: fonts, language: language)
    try AtomicFile.write(to: url) { temporary in
      switch format {
      case .pdf:
        let surface = cairo_pdf_surface_create(temporary.path, page.size.width, page.size.height)
        PDFStructure.setMetadata(metadata, on: surface)
        try finishVector(surface, page, text, url)
      case .svg:
        let surface = cairo_svg_surface_create(temporary.path, page.size.width, page.size.height)
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        try finishVector(surface, page, text, url)
        try SVGIdentifiers.normalize(fileAt: temporary, reportAs: url)
      case .png(let dpi):
        try writePNG(page, dpi: dpi, text: text, to: temporary, reportAs: url)
      }
    }
  }

  private func finishVector(
    _ surface: OpaquePointer?, _ page: LayoutPage, _ text: TextEngine, _ url: URL
  ) throws {
    let cairo = cairo_create(surface)
    defer {
      cairo_destroy(cairo)
      cairo_surface_destroy(surface)
    }
    draw(page.elements, on: cairo, text: text)
    cairo_show_page(cairo)
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), url)
  }

  private func writePNG(
    _ page: LayoutPage, dpi: Int, text: TextEngine, to temporary: URL, reportAs url: URL
  ) throws {
    let scale = Double(dpi) / PointUnits.pointsPerInch
    let width = Int32((page.size.width * scale).rounded(.up))
    let height = Int32((page.size.height * scale).rounded(.up))
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)
    let cairo = cairo_create(surface)
    defer {
      cairo_destroy(cairo)
      cairo_surface_destroy(surface)
    }
    cairo_set_source_rgb(cairo, 1, 1, 1)
    cairo_paint(cairo)
    cairo_scale(cairo, scale, scale)
    draw(page.elements, on: cairo, text: text)
    cairo_surface_flush(surface)
    try check(cairo_surface_write_to_png(surface, temporary.path), url)
  }

  private func check(_ status: cairo_status_t, _ url: URL) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
      throw ReportError.cairo(
        path: url.path, status: String(cString: cairo_status_to_string(status)))
    }
  }
}
