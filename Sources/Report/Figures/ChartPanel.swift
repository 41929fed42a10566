/// One x-y plot area: maps data to points and draws axes, ticks, grid and series.
/// Text boxes are placed by estimate (labels are short numbers); the renderer draws them.
struct ChartPanel {
  /// One x tick: where, its number label and an optional second line (study, CT stage).
  struct XTick {
    var value: Double
    var label: String
    var detail: String?
  }

  /// A plotted line with markers.
  struct Series {
    var name: String
    var points: [(x: Double, y: Double)]
    var stroke: StrokeStyle
    var marker: MarkerShape.Kind
    var filledMarker: Bool
  }

  static let tickLengthPT = 3.0
  static let markerSizePT = 4.6
  static let legendRowPT = 9.0
  static let legendSwatchPT = 14.0
  static let tickLabelWidthPT = 40.0
  /// How far a stage name under the axis may reach past the plot's sides: a one-study stage
  /// needs its whole word, not the bracket's width.
  static let stageOverhangPT = 14.0

  let plot: LayoutRect
  let xRange: ClosedRange<Double>
  let yRange: ClosedRange<Double>
  let style: ReportStyle

  func x(_ value: Double) -> Double {
    plot.x + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * plot.width
  }

  func y(_ value: Double) -> Double {
    plot.maxY - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
      * plot.height
  }

  /// Frame, light horizontal grid, y ticks with numbers and the rotated y axis title.
  func yAxis(ticks: [Double], decimals: Int, title: String) -> [LayoutElement] {
    var elements: [LayoutElement] = []
    let grid = StrokeStyle(color: style.colors.rule.lightened(0.45), widthPT: 0.35)
    for tick in ticks {
      let ty = y(tick)
      elements.append(
        .path(PathShape([LayoutPoint(plot.x, ty), LayoutPoint(plot.maxX, ty)], stroke: grid)))
      elements.append(
        .path(
          PathShape(
            [LayoutPoint(plot.x - Self.tickLengthPT, ty), LayoutPoint(plot.x, ty)],
            stroke: style.axisLine)))
      let label = NumberFormat.fixed(tick, decimals)
      elements.append(
        .text(
          TextRun(
            label, at: LayoutPoint(plot.x - Self.tickLabelWidthPT - 4.5, ty - 4.2),
            width: Self.tickLabelWidthPT,
            style: style.tiny.with(color: style.colors.text, alignment: .right), singleLine: true)))
    }
    elements.append(
      .path(
        PathShape(
          [
            LayoutPoint(plot.x, plot.y), LayoutPoint(plot.x, plot.maxY),
            LayoutPoint(plot.maxX, plot.maxY),
          ], stroke: style.axisLine)))
    let titleStyle = style.tiny.with(color: style.colors.text, alignment: .center)
    elements.append(
      .text(
        TextRun(
          title, at: LayoutPoint(plot.x - 31, plot.maxY), width: plot.height, style: titleStyle,
          singleLine: true, rotationDegrees: 90)))
    return elements
  }

  /// X ticks at the given values with number labels, detail lines and the axis title.
  func xAxis(ticks: [XTick], title: String) -> [LayoutElement] {
    var elements: [LayoutElement] = []
    let labelWidth = 34.0
    for tick in ticks {
      let tx = x(tick.value)
      elements.append(
        .path(
          PathShape(
            [LayoutPoint(tx, plot.maxY), LayoutPoint(tx, plot.maxY + Self.tickLengthPT)],
            stroke: style.axisLine)))
      let center = style.tiny.with(color: style.colors.text, alignment: .center)
      elements.append(
        .text(
          TextRun(
            tick.label, at: LayoutPoint(tx - labelWidth / 2, plot.maxY + 4), width: labelWidth,
            style: center, singleLine: true)))
      if let detail = tick.detail {
        elements.append(
          .text(
            TextRun(
              detail, at: LayoutPoint(tx - labelWidth / 2, plot.maxY + 12), width: labelWidth,
              style: style.tiny.with(alignment: .center))))
      }
    }
    let titleStyle = style.tiny.with(color: style.colors.text, alignment: .center)
    elements.append(
      .text(
        TextRun(
          title, at: LayoutPoint(plot.x, plot.maxY + 36), width: plot.width, style: titleStyle,
          singleLine: true)))
    return elements
  }

  /// CT stage runs under the day axis: a bracket over the studies of each stage, named.
  func stageBands(_ spans: [(from: Double, to: Double, name: String)]) -> [LayoutElement] {
    let bandY = plot.maxY + 22
    var elements: [LayoutElement] = []
    for span in spans {
      let left = x(span.from) - 4
      let right = x(span.to) + 4
      let bracket = [
        LayoutPoint(left, bandY - 2), LayoutPoint(left, bandY), LayoutPoint(right, bandY),
        LayoutPoint(right, bandY - 2),
      ]
      elements.append(.path(PathShape(bracket, stroke: style.hairline)))

      let width = max(right - left, TimelineChart.estimatedWidthPT(span.name) + 4)
      let centered = (left + right - width) / 2
      let textX = min(
        max(centered, plot.x - Self.stageOverhangPT), plot.maxX + Self.stageOverhangPT - width)
      elements.append(
        .text(
          TextRun(
            span.name, at: LayoutPoint(textX, bandY + 0.5), width: width,
            style: style.tiny.with(alignment: .center), singleLine: true)))
    }
    return elements
  }

  /// A series as a line through its points with a marker at each.
  func draw(_ series: Series) -> [LayoutElement] {
    let points = series.points.map { LayoutPoint(x($0.x), y($0.y)) }
    var elements: [LayoutElement] = []
    if points.count > 1 { elements.append(.path(PathShape(points, stroke: series.stroke))) }
    for point in points {
      elements.append(.marker(marker(series, at: point)))
    }
    return elements
  }

  /// A legend box in the plot's top-left corner, one row per series.
  func legend(_ series: [Series]) -> [LayoutElement] {
    var elements: [LayoutElement] = []
    let left = plot.x + 5
    for (row, item) in series.enumerated() {
      let rowY = plot.y + 6 + Double(row) * Self.legendRowPT
      elements.append(
        .path(
          PathShape(
            [LayoutPoint(left, rowY), LayoutPoint(left + Self.legendSwatchPT, rowY)],
            stroke: item.stroke)))
      elements.append(.marker(marker(item, at: LayoutPoint(left + Self.legendSwatchPT / 2, rowY))))
      elements.append(
        .text(
          TextRun(
            item.name, at: LayoutPoint(left + Self.legendSwatchPT + 3, rowY - 4.3), width: 60,
            style: style.tiny.with(color: style.colors.text), singleLine: true)))
    }
    return elements
  }

  private func marker(_ series: Series, at point: LayoutPoint) -> MarkerShape {
    var stroke = series.stroke
    stroke.widthPT = 0.8
    return MarkerShape(
      series.marker, at: point, sizePT: Self.markerSizePT, stroke: stroke,
      fill: series.filledMarker ? series.stroke.color : .white)
  }
}
