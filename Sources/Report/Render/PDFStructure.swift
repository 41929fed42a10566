import CCairo
import Foundation

/// PDF-only structure: document information, outline (bookmarks) and internal links.
enum PDFStructure {
  static func setMetadata(_ metadata: DocumentMetadata, on surface: OpaquePointer?) {
    let fields: [(cairo_pdf_metadata_t, String)] = [
      (CAIRO_PDF_METADATA_TITLE, metadata.title),
      (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
      (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
      (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
      // Dates from the case: cairo 1.16 would otherwise stamp the clock into the file.
      (CAIRO_PDF_METADATA_CREATE_DATE, metadata.createDate),
      (CAIRO_PDF_METADATA_MOD_DATE, metadata.modDate),
    ]
    for (field, value) in fields { cairo_pdf_surface_set_metadata(surface, field, value) }
  }

  /// Adds bookmarks; each entry jumps to its page and height.
  static func addOutline(
    _ outline: [OutlineEntry], pages: [LayoutPage], to surface: OpaquePointer?
  ) {
    var ids: [Int32] = []
    for entry in outline {
      let parent = entry.parent.map { ids[$0] } ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
      let id = cairo_pdf_surface_add_outline(
        surface, parent, entry.title, destination(page: entry.page, y: entry.y),
        CAIRO_PDF_OUTLINE_FLAG_OPEN)
      ids.append(id)
    }
  }

  /// A named destination at the top of a 0-based page, for links to jump to.
  static func pageAnchor(_ page: Int, on cairo: OpaquePointer) {
    let name = "name='\(anchorName(page))'"
    cairo_tag_begin(cairo, CAIRO_TAG_DEST, name)
    cairo_tag_end(cairo, CAIRO_TAG_DEST)
  }

  static func anchorName(_ page: Int) -> String { "page-\(page + 1)" }

  /// A clickable rectangle that jumps to the top of a 0-based page. Links go through named
  /// destinations: cairo 1.16 leaves unwritten objects (a damaged xref) for `page=` links
  /// that point at pages not yet drawn.
  static func link(_ rect: LayoutRect, toPage page: Int, on cairo: OpaquePointer) {
    let attributes =
      "rect=[\(number(rect.x)) \(number(rect.y)) \(number(rect.width)) \(number(rect.height))] "
      + "dest='\(anchorName(page))'"
    cairo_tag_begin(cairo, "Reference", nil)
    cairo_tag_begin(cairo, CAIRO_TAG_LINK, attributes)
    cairo_tag_end(cairo, CAIRO_TAG_LINK)
    cairo_tag_end(cairo, "Reference")
  }

  /// Cairo's destination attributes: pages count from 1, positions in user space points.
  static func destination(page: Int, y: Double) -> String {
    "page=\(page + 1) pos=[0 \(number(y))]"
  }

  /// Fixed-point text for attribute strings (locale-independent, no exponent).
  static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
