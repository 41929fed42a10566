/// A simple table: single-line cells (cut with an ellipsis when too long), a bold header row
/// repeated after page breaks, and light stripes. Cell text stays text in the PDF.
struct TableLayout {
  struct Column {
    var title: String
    /// Share of the table width; shares are normalised.
    var share: Double
    var alignment: TextStyle.Alignment

    init(_ title: String, _ share: Double, _ alignment: TextStyle.Alignment = .left) {
      self.title = title
      self.share = share
      self.alignment = alignment
    }
  }

  static let rowHeightPT = 11.5
  static let cellPaddingPT = 3.0

  var columns: [Column]
  var rows: [[String]]
  /// Page (0-based) each row links to, when the row is a link.
  var rowLinks: [Int?] = []
  var style: ReportStyle
  var textStyle: TextStyle
  /// False for two-column name/value lists whose section heading already says what they are.
  var showsHeader = true

  init(columns: [Column], rows: [[String]], style: ReportStyle, textStyle: TextStyle? = nil) {
    self.columns = columns
    self.rows = rows
    self.style = style
    self.textStyle = textStyle ?? style.small
  }

  /// Lays the table out at the flow's cursor, breaking pages between rows.
  func place(in flow: inout PageFlow) {
    let total = columns.map(\.share).reduce(0, +)
    let widths = columns.map { $0.share / total * flow.contentWidth }
    flow.ensure(2 * Self.rowHeightPT)
    if showsHeader { header(widths, in: &flow) }
    for (index, row) in rows.enumerated() {
      if flow.y + Self.rowHeightPT > flow.bottom {
        flow.newPage()
        if showsHeader { header(widths, in: &flow) }
      }
      let rect = LayoutRect(
        x: flow.left, y: flow.y, width: flow.contentWidth, height: Self.rowHeightPT)
      if index % 2 == 1 { flow.add(.rect(rect, fill: style.colors.stripe, stroke: nil)) }
      cells(row, widths, textStyle, in: &flow)
      if index < rowLinks.count, let page = rowLinks[index] { flow.add(.link(rect, page: page)) }
      flow.y += Self.rowHeightPT
    }
    flow.add(
      .path(
        PathShape(
          [LayoutPoint(flow.left, flow.y), LayoutPoint(flow.left + flow.contentWidth, flow.y)],
          stroke: style.hairline)))
    flow.y += PageFlow.paragraphGapPT + 2
  }

  private func header(_ widths: [Double], in flow: inout PageFlow) {
    // Header titles may wrap (long translated titles); the row grows to the tallest.
    let bold = textStyle.with(bold: true)
    let heights = zip(columns, widths).map { column, width in
      flow.height(of: column.title, style: bold, width: width - 2 * Self.cellPaddingPT)
    }
    cells(columns.map(\.title), widths, bold, singleLine: false, in: &flow)
    flow.y += max(Self.rowHeightPT, (heights.max() ?? 0) + 3)
    flow.add(
      .path(
        PathShape(
          [LayoutPoint(flow.left, flow.y), LayoutPoint(flow.left + flow.contentWidth, flow.y)],
          stroke: StrokeStyle(color: style.colors.text, widthPT: 0.6))))
  }

  private func cells(
    _ values: [String], _ widths: [Double], _ cellStyle: TextStyle, singleLine: Bool = true,
    in flow: inout PageFlow
  ) {
    var x = flow.left
    for (index, column) in columns.enumerated() {
      let width = widths[index]
      let value = index < values.count ? values[index] : ""
      let run = TextRun(
        value, at: LayoutPoint(x + Self.cellPaddingPT, flow.y + 1.5),
        width: width - 2 * Self.cellPaddingPT, style: cellStyle.with(alignment: column.alignment),
        singleLine: singleLine)
      flow.add(.text(run))
      x += width
    }
  }
}
