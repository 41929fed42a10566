/// Header and footer on every catalogue page: the template's logo text, the catalogue title,
/// and "page n of N".
struct CatalogueFurniture {
  let catalogue: LibraryCatalogue
  let style: ReportStyle

  func decorate(_ pages: [LayoutPage]) -> [LayoutPage] {
    pages.enumerated().map { index, page in
      var page = page
      page.elements = furniture(page.size, index, pages.count) + page.elements
      return page
    }
  }

  private func furniture(_ size: LayoutSize, _ index: Int, _ count: Int) -> [LayoutElement] {
    let left = PageFlow.sideMarginPT
    let width = size.width - 2 * left
    let top = PointUnits.points(mm: 10)
    let bottom = size.height - PointUnits.points(mm: 12)
    return [
      .text(
        TextRun(
          style.template.logoText, at: LayoutPoint(left, top), width: width / 2,
          style: style.small.with(color: style.colors.accent, bold: true), singleLine: true)),
      .text(
        TextRun(
          catalogue.title, at: LayoutPoint(left + width / 2, top), width: width / 2,
          style: style.tiny.with(alignment: .right), singleLine: true)),
      .path(
        PathShape(
          [LayoutPoint(left, top + 12), LayoutPoint(left + width, top + 12)],
          stroke: style.hairline)),
      .path(
        PathShape(
          [LayoutPoint(left, bottom - 3), LayoutPoint(left + width, bottom - 3)],
          stroke: style.hairline)),
      .text(
        TextRun(
          "page \(index + 1) of \(count)", at: LayoutPoint(left, bottom), width: width,
          style: style.tiny.with(alignment: .right), singleLine: true)),
    ]
  }
}
