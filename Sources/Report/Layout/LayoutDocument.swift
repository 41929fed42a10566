/// A page size in PDF points.
public enum PageSize: String, Sendable, Equatable, CaseIterable {
  case a4 = "A4"
  case letter = "Letter"

  /// Width and height in points (A4 210 x 297 mm; US Letter 8.5 x 11 in).
  public var size: LayoutSize {
    switch self {
    case .a4: LayoutSize(PointUnits.points(mm: 210), PointUnits.points(mm: 297))
    case .letter: LayoutSize(8.5 * PointUnits.pointsPerInch, 11 * PointUnits.pointsPerInch)
    }
  }
}

/// One page (or one figure): its size and what is drawn on it, in drawing order.
public struct LayoutPage: Sendable, Equatable {
  public var size: LayoutSize
  public var elements: [LayoutElement]

  public init(size: LayoutSize, elements: [LayoutElement] = []) {
    self.size = size
    self.elements = elements
  }
}

/// A bookmark in the PDF outline. `parent` is the index of an earlier entry, or nil for a
/// top-level entry; `page` is 0-based and `y` is measured from the page top in points.
public struct OutlineEntry: Sendable, Equatable {
  public var title: String
  public var parent: Int?
  public var page: Int
  public var y: Double

  public init(title: String, parent: Int? = nil, page: Int, y: Double) {
    self.title = title
    self.parent = parent
    self.page = page
    self.y = y
  }
}

/// Document information written into the PDF. Dates are ISO 8601 (`YYYY-MM-DDThh:mm:ss`)
/// and come from the case (study dates), never from the clock, so output bytes are stable.
public struct DocumentMetadata: Sendable, Equatable {
  public var title: String
  public var subject: String
  public var creator: String
  public var keywords: String
  public var createDate: String
  public var modDate: String

  public init(
    title: String, subject: String, creator: String, keywords: String, createDate: String,
    modDate: String
  ) {
    self.title = title
    self.subject = subject
    self.creator = creator
    self.keywords = keywords
    self.createDate = createDate
    self.modDate = modDate
  }
}

/// A laid-out document: every page with every element placed, plus outline and metadata.
/// The renderer turns this into PDF without making any layout decision of its own.
public struct LayoutDocument: Sendable, Equatable {
  public var pages: [LayoutPage]
  public var outline: [OutlineEntry]
  public var metadata: DocumentMetadata
  /// Language tag for text shaping (`en`, `zh-CN`): picks the Han glyph variants.
  public var language: String

  public init(
    pages: [LayoutPage], outline: [OutlineEntry], metadata: DocumentMetadata, language: String
  ) {
    self.pages = pages
    self.outline = outline
    self.metadata = metadata
    self.language = language
  }
}
