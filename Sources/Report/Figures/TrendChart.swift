/// The trend figure: lesion volume per track and in total, PO and PHO, and the severity score
/// over days, three panels side by side sharing one day axis (studies marked with their label
/// and CT stage). Series differ by marker and dash as well as colour.
public struct TrendChart {
  public static let widthMM = JournalWidth.doubleColumnMM
  public static let heightMM = 66.0
  static let panelGapPT = 44.0
  static let leftPT = 36.0
  static let topPT = 16.0
  static let bottomPT = 48.0
  static let yTickCount = 5

  let input: ReportInput
  let style: ReportStyle

  public init(input: ReportInput, style: ReportStyle) {
    self.input = input
    self.style = style
  }

  public func figure() -> Figure {
    let size = LayoutSize(
      PointUnits.points(mm: Self.widthMM), PointUnits.points(mm: Self.heightMM))
    let panelWidth = (size.width - Self.leftPT - 2 * Self.panelGapPT - 4) / 3
    let plotHeight = size.height - Self.topPT - Self.bottomPT
    var elements: [LayoutElement] = []
    let panels: [(String, [ChartPanel.Series], String, Double)] = [
      (text(.trendVolumeTitle), volumeSeries(), text(.axisVolumeML), 0.5),
      (text(.trendOpacityTitle), opacitySeries(), text(.axisPercent), 1),
      (text(.trendSeverityTitle), severitySeries(), text(.axisScore), 4),
    ]
    for (index, panel) in panels.enumerated() {
      let left = Self.leftPT + Double(index) * (panelWidth + Self.panelGapPT)
      let plot = LayoutRect(x: left, y: Self.topPT, width: panelWidth, height: plotHeight)
      elements += draw(
        title: panel.0, series: panel.1, axisTitle: panel.2, minimumTop: panel.3, in: plot,
        letter: ["A", "B", "C"][index])
    }
    return Figure(size: size, elements: elements)
  }

  private func text(_ key: TemplateString) -> String { style.template.text(key) }

  private func draw(
    title: String, series: [ChartPanel.Series], axisTitle: String, minimumTop: Double,
    in plot: LayoutRect, letter: String
  ) -> [LayoutElement] {
    let days = input.studyDays.map(Double.init)
    let low = (days.min() ?? 0) - 0.6
    let high = (days.max() ?? 1) + 0.6
    let peak = series.flatMap { $0.points.map(\.y) }.max() ?? 0
    let yTicks = NumberFormat.niceTicks(
      low: 0, high: max(peak * 1.12, minimumTop), count: Self.yTickCount)
    let top = max(yTicks.last ?? 1, peak * 1.12, minimumTop)
    let panel = ChartPanel(plot: plot, xRange: low...high, yRange: 0...top, style: style)

    var elements: [LayoutElement] = [
      .text(
        TextRun(
          "\(letter)  \(title)", at: LayoutPoint(plot.x - 30, 0), width: plot.width + 30,
          style: style.small.with(bold: true), singleLine: true))
    ]
    let step = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
    elements += panel.yAxis(
      ticks: yTicks, decimals: NumberFormat.decimals(forStep: step), title: axisTitle)
    elements += panel.xAxis(ticks: xTicks(), title: dayAxisTitle)
    elements += panel.stageBands(stageSpans())
    for item in series { elements += panel.draw(item) }
    // Unnamed series (small tracks beyond the legend's limit) are drawn but not listed.
    elements += panel.legend(series.filter { !$0.name.isEmpty })
    return elements
  }

  private var dayAxisTitle: String {
    input.daysCountFromOnset ? text(.axisDayFromOnset) : text(.columnDay)
  }

  private func xTicks() -> [ChartPanel.XTick] {
    zip(input.studies, input.studyDays).map { study, day in
      ChartPanel.XTick(value: Double(day), label: "\(day)", detail: study.label)
    }
  }

  /// Runs of consecutive studies with the same CT stage, as day spans with the stage name.
  private func stageSpans() -> [(from: Double, to: Double, name: String)] {
    var spans: [(from: Double, to: Double, name: String)] = []
    for (study, day) in zip(input.studies, input.studyDays) {
      guard let stage = study.ctStage.map(style.template.stageName) else { continue }
      if let last = spans.last, last.name == stage {
        spans[spans.count - 1].to = Double(day)
      } else {
        spans.append((Double(day), Double(day), stage))
      }
    }
    return spans
  }

  /// Tracks named in the legend: the largest by peak volume; the rest are drawn unnamed.
  static let legendTrackLimit = 6

  private func peakVolume(_ track: ReportTrack) -> Double {
    track.points.map(\.volumeML).max() ?? 0
  }

  private func volumeSeries() -> [ChartPanel.Series] {
    let days = input.studyDays
    let named = Set(
      input.tracks.sorted { peakVolume($0) > peakVolume($1) }.prefix(Self.legendTrackLimit).map(
        \.id))
    var series = input.tracks.map { track in
      let look = style.trackLook(track.colorIndex)
      let points = track.points.map { (x: Double(days[$0.studyIndex]), y: $0.volumeML) }
      return ChartPanel.Series(
        name: named.contains(track.id) ? track.id : "", points: points, stroke: look.stroke,
        marker: look.marker,
        filledMarker: true)
    }
    let total = zip(days, input.studies).map { (x: Double($0), y: $1.measurements.lesionVolumeML) }
    series.append(
      ChartPanel.Series(
        name: text(.seriesTotal), points: total,
        stroke: StrokeStyle(color: style.colors.text, widthPT: 1.6), marker: .square,
        filledMarker: false))
    return series
  }

  private func opacitySeries() -> [ChartPanel.Series] {
    let days = input.studyDays.map(Double.init)
    let po = zip(days, input.studies).map { (x: $0, y: $1.measurements.poPercent) }
    let pho = zip(days, input.studies).map { (x: $0, y: $1.measurements.phoPercent) }
    return [
      ChartPanel.Series(
        name: text(.poPercent), points: po,
        stroke: StrokeStyle(color: style.colors.accent, widthPT: ReportStyle.dataLinePT),
        marker: .circle, filledMarker: true),
      ChartPanel.Series(
        name: text(.phoPercent), points: pho,
        stroke: StrokeStyle(
          color: style.colors.alert, widthPT: ReportStyle.dataLinePT, dashPT: [4, 2]),
        marker: .triangle, filledMarker: false),
    ]
  }

  private func severitySeries() -> [ChartPanel.Series] {
    let days = input.studyDays.map(Double.init)
    let score = zip(days, input.studies).map { (x: $0, y: Double($1.measurements.severityScore)) }
    return [
      ChartPanel.Series(
        name: text(.severityScore), points: score,
        stroke: StrokeStyle(color: style.colors.text, widthPT: ReportStyle.dataLinePT),
        marker: .diamond, filledMarker: true)
    ]
  }
}
