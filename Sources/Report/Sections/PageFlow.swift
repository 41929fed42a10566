/// Places content down the pages of a document: keeps the cursor, breaks pages when a block
/// does not fit, and collects outline entries. Page furniture (header, footer, page numbers)
/// is added at the end, once the page count is known.
struct PageFlow {
  static let sideMarginPT = PointUnits.points(mm: 18)
  static let topMarginPT = PointUnits.points(mm: 20)
  static let bottomMarginPT = PointUnits.points(mm: 18)
  static let paragraphGapPT = 5.0
  static let sectionGapPT = 12.0

  let pageSize: LayoutSize
  let measurer: any TextMeasuring
  private(set) var pages: [LayoutPage] = []
  private(set) var outline: [OutlineEntry] = []
  var y: Double = 0

  init(pageSize: LayoutSize, measurer: any TextMeasuring) {
    self.pageSize = pageSize
    self.measurer = measurer
  }

  var left: Double { Self.sideMarginPT }
  var contentWidth: Double { pageSize.width - 2 * Self.sideMarginPT }
  var bottom: Double { pageSize.height - Self.bottomMarginPT }
  var pageIndex: Int { pages.count - 1 }

  mutating func newPage() {
    pages.append(LayoutPage(size: pageSize))
    y = Self.topMarginPT
  }

  /// Starts a new page unless `height` more points fit on this one.
  mutating func ensure(_ height: Double) {
    if pages.isEmpty || y + height > bottom { newPage() }
  }

  mutating func add(_ element: LayoutElement) { pages[pages.count - 1].elements.append(element) }

  mutating func add(_ elements: [LayoutElement]) {
    pages[pages.count - 1].elements.append(contentsOf: elements)
  }

  /// Adds an outline entry at the cursor and returns its index (for children).
  @discardableResult
  mutating func bookmark(_ title: String, parent: Int? = nil) -> Int {
    outline.append(OutlineEntry(title: title, parent: parent, page: pageIndex, y: y))
    return outline.count - 1
  }

  /// The height `text` takes in `style` wrapped to `width`.
  func height(of text: String, style: TextStyle, width: Double) -> Double {
    measurer.size(of: TextRun(text, at: LayoutPoint(0, 0), width: width, style: style)).height
  }

  /// Wrapped text at the cursor across the content width (or `width`), moving the cursor.
  mutating func paragraph(
    _ text: String, style: TextStyle, indent: Double = 0, width: Double? = nil,
    gapAfter: Double = PageFlow.paragraphGapPT
  ) {
    let boxWidth = width ?? (contentWidth - indent)
    let height = height(of: text, style: style, width: boxWidth)
    ensure(height)
    add(.text(TextRun(text, at: LayoutPoint(left + indent, y), width: boxWidth, style: style)))
    y += height + gapAfter
  }

  /// A figure at the cursor, on a new page when it does not fit.
  mutating func figure(_ figure: Figure, gapAfter: Double = PageFlow.paragraphGapPT) {
    ensure(figure.size.height)
    add(figure.placed(at: LayoutPoint(left, y)))
    y += figure.size.height + gapAfter
  }

  /// A thin rule across the content width.
  mutating func rule(color: RGBColor, gapAfter: Double = 6) {
    add(
      .path(
        PathShape(
          [LayoutPoint(left, y), LayoutPoint(left + contentWidth, y)],
          stroke: StrokeStyle(color: color, widthPT: 0.6))))
    y += gapAfter
  }
}
