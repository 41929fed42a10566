/// Header and footer on every page: the template's header text and logo, the case title,
/// a synthetic-case mark, and "page n of N".
struct PageFurniture {
  let input: ReportInput
  let style: ReportStyle

  func decorate(_ pages: [LayoutPage]) -> [LayoutPage] {
    pages.enumerated().map { index, page in
      var page = page
      page.elements = header(page.size) + footer(page.size, index, pages.count) + page.elements
      return page
    }
  }

  private func header(_ size: LayoutSize) -> [LayoutElement] {
    let left = PageFlow.sideMarginPT
    let width = size.width - 2 * left
    let y = PointUnits.points(mm: 10)
    var elements: [LayoutElement] = [
      .text(
        TextRun(
          style.template.logoText, at: LayoutPoint(left, y), width: width / 2,
          style: style.small.with(color: style.colors.accent, bold: true), singleLine: true)),
      .text(
        TextRun(
          style.template.headerText, at: LayoutPoint(left + width / 2, y), width: width / 2,
          style: style.tiny.with(alignment: .right), singleLine: true)),
      .path(
        PathShape(
          [LayoutPoint(left, y + 12), LayoutPoint(left + width, y + 12)], stroke: style.hairline)),
    ]
    if input.synthetic {
      let badge = style.template.text(.syntheticBadge)
      elements.append(
        .text(
          TextRun(
            badge, at: LayoutPoint(left + width / 4, y), width: width / 2,
            style: style.tiny.with(color: style.colors.alert, bold: true, alignment: .center),
            singleLine: true)))
    }
    return elements
  }

  private func footer(_ size: LayoutSize, _ index: Int, _ count: Int) -> [LayoutElement] {
    let left = PageFlow.sideMarginPT
    let width = size.width - 2 * left
    let y = size.height - PointUnits.points(mm: 12)
    let number = style.template.text(.pageNumber, ["n": "\(index + 1)", "total": "\(count)"])
    return [
      .path(
        PathShape(
          [LayoutPoint(left, y - 3), LayoutPoint(left + width, y - 3)], stroke: style.hairline)),
      .text(
        TextRun(
          input.title, at: LayoutPoint(left, y), width: width * 0.75, style: style.tiny,
          singleLine: true)),
      .text(
        TextRun(
          number, at: LayoutPoint(left + width * 0.75, y), width: width * 0.25,
          style: style.tiny.with(alignment: .right), singleLine: true)),
    ]
  }
}
