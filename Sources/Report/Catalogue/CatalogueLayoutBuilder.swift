/// Lays out the case-library catalogue: a title block with the library's facts, then one row
/// per case (thumbnail at the left, label, studies and day span, key figures and alerts at
/// the right), an outline entry per case, and a header and "page n of N" footer on each page.
///
/// Failed and missing cases get a short row with their reason and no thumbnail.
struct CatalogueLayoutBuilder {
  static let tileSidePT = PointUnits.points(mm: 30)
  static let tileGapPT = 10.0
  static let rowGapPT = 6.0
  static let lineGapPT = 2.0
  static let shortRowHeightPT = 34.0

  let catalogue: LibraryCatalogue
  let style: ReportStyle
  let pageSize: PageSize
  let measurer: any TextMeasuring

  func build() -> LayoutDocument {
    var flow = PageFlow(pageSize: pageSize.size, measurer: measurer)
    flow.newPage()
    titleBlock(in: &flow)
    for (index, entry) in catalogue.entries.enumerated() {
      row(entry, number: index + 1, in: &flow)
    }
    let pages = CatalogueFurniture(catalogue: catalogue, style: style).decorate(flow.pages)
    return LayoutDocument(
      pages: pages, outline: flow.outline, metadata: metadata(), language: "en")
  }

  private func titleBlock(in flow: inout PageFlow) {
    flow.paragraph(catalogue.title, style: style.title, gapAfter: 4)
    for fact in catalogue.facts {
      flow.paragraph(fact, style: style.muted, gapAfter: Self.lineGapPT)
    }
    flow.y += 4
    flow.rule(color: style.colors.accent, gapAfter: Self.rowGapPT)
  }

  private func row(_ entry: CatalogueEntry, number: Int, in flow: inout PageFlow) {
    let lines = CatalogueText.lines(entry, number: number)
    let textX = Self.tileSidePT + Self.tileGapPT
    let textWidth = flow.contentWidth - textX
    let styles = lineStyles(entry, count: lines.count)
    let heights = zip(lines, styles).map { flow.height(of: $0, style: $1, width: textWidth) }
    let textHeight = heights.reduce(0, +) + Double(lines.count) * Self.lineGapPT
    let height: Double
    if case .rendered = entry.status {
      height = max(Self.tileSidePT, textHeight)
    } else {
      height = max(Self.shortRowHeightPT, textHeight)
    }
    flow.ensure(height + Self.rowGapPT)
    flow.bookmark(lines[0])

    let top = flow.y
    if case .rendered = entry.status {
      let box = LayoutRect(x: flow.left, y: top, width: Self.tileSidePT, height: Self.tileSidePT)
      flow.add(CatalogueTile(style: style).elements(entry.thumbnail, in: box))
    }
    var y = top
    for (index, line) in lines.enumerated() {
      flow.add(
        .text(
          TextRun(
            line, at: LayoutPoint(flow.left + textX, y), width: textWidth, style: styles[index])))
      y += heights[index] + Self.lineGapPT
    }
    flow.y = top + height + Self.rowGapPT / 2
    flow.rule(color: style.colors.rule, gapAfter: Self.rowGapPT / 2)
  }

  /// Label in bold, a failure in the alert colour, alerts in the small size.
  private func lineStyles(_ entry: CatalogueEntry, count: Int) -> [TextStyle] {
    (0..<count).map { index in
      if index == 0 { return style.subheading }
      switch entry.status {
      case .rendered: return index == count - 1 ? style.small : style.body
      case .failed: return style.body.with(color: style.colors.alert)
      case .missing: return style.muted
      }
    }
  }

  private func metadata() -> DocumentMetadata {
    let stamp = "\(catalogue.documentDate)T00:00:00"
    return DocumentMetadata(
      title: catalogue.title, subject: "\(catalogue.entries.count) cases",
      creator: catalogue.creator, keywords: "chest CT; case library; catalogue",
      createDate: stamp, modDate: stamp)
  }
}
