/// The timeline figure: clinical events above and CT studies below one dated axis, with the
/// day from onset under each date and alerts flagged at the study where they first fired.
public struct TimelineChart {
  public static let widthMM = JournalWidth.doubleColumnMM
  public static let heightMM = 78.0
  static let eventLevels = 4
  static let levelStepPT = 22.0
  static let labelWidthPT = 190.0
  static let marginPT = 14.0
  /// Average advance of a 6.5 pt character, for label backing boxes (CJK runs wider).
  static let estimatedCharacterPT = 3.6
  /// Advance of a CJK character at the same size.
  static let wideCharacterPT = 6.6
  /// Rows of alert captions below the study markers.
  static let alertLaneStepPT = 12.0
  /// Extra width given to a caption beyond its estimate, so an estimate a little short never
  /// truncates it.
  static let alertSlackPT = 20.0

  let input: ReportInput
  let style: ReportStyle

  public init(input: ReportInput, style: ReportStyle) {
    self.input = input
    self.style = style
  }

  private var axisY: Double { PointUnits.points(mm: Self.heightMM) * 0.56 }

  /// Days covered, with a day of margin either side.
  private var dayRange: ClosedRange<Int> {
    let dates = (input.events.map(\.date) + input.studies.map(\.date)).compactMap(CivilDate.init)
    let low = (dates.min()?.dayNumber ?? 0) - 1
    let high = (dates.max()?.dayNumber ?? 0) + 1
    return low...max(high, low + 2)
  }

  public func figure() -> Figure {
    let size = LayoutSize(
      PointUnits.points(mm: Self.widthMM), PointUnits.points(mm: Self.heightMM))
    var elements = axis(width: size.width)
    elements += events(width: size.width)
    elements += studies(width: size.width)
    return Figure(size: size, elements: elements)
  }

  private func x(_ dayNumber: Int, width: Double) -> Double {
    let range = dayRange
    let span = Double(range.upperBound - range.lowerBound)
    let usable = width - 2 * Self.marginPT - Self.labelWidthPT * 0.35
    return Self.marginPT + Double(dayNumber - range.lowerBound) / span * usable
  }

  private func axis(width: Double) -> [LayoutElement] {
    let range = dayRange
    var elements: [LayoutElement] = [
      .path(
        PathShape(
          [
            LayoutPoint(x(range.lowerBound, width: width), axisY),
            LayoutPoint(x(range.upperBound, width: width), axisY),
          ],
          stroke: StrokeStyle(color: style.colors.text, widthPT: 0.9)))
    ]
    let onset = input.onsetDate.flatMap(CivilDate.init)
    let step = max(1, (range.count + 15) / 16)
    for day in stride(from: range.lowerBound, through: range.upperBound, by: step) {
      let tx = x(day, width: width)
      elements.append(
        .path(
          PathShape(
            [LayoutPoint(tx, axisY - 2), LayoutPoint(tx, axisY + 2)], stroke: style.axisLine)))
      var label = CivilDate(dayNumber: day).monthDay
      if let onset {
        label += "\n" + NumberFormat.signedDay(onset.days(to: CivilDate(dayNumber: day)))
      }
      elements.append(
        .text(
          TextRun(
            label, at: LayoutPoint(tx - 15, axisY + 3), width: 30,
            style: style.tiny.with(alignment: .center))))
    }
    return elements
  }

  /// Stems and axis markers first, then labels on white boxes, so a later event's stem never
  /// runs through an earlier event's words.
  private func events(width: Double) -> [LayoutElement] {
    var stems: [LayoutElement] = []
    var labels: [LayoutElement] = []
    let sorted = input.events.enumerated().sorted {
      ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
    }
    for (level, item) in sorted.map(\.element).enumerated() {
      guard let date = CivilDate(item.date) else { continue }
      let tx = x(date.dayNumber, width: width)
      let top = axisY - 20 - Double(level % Self.eventLevels) * Self.levelStepPT
      stems.append(
        .path(PathShape([LayoutPoint(tx, axisY), LayoutPoint(tx, top)], stroke: style.hairline)))
      stems.append(
        .marker(
          MarkerShape(
            .circle, at: LayoutPoint(tx, axisY), sizePT: 4.5,
            stroke: StrokeStyle(color: style.colors.accent, widthPT: 0.8), fill: .white)))
      let kind = style.template.eventKindName(item.kind)
      let result = item.result.map { " (" + style.template.resultName($0) + ")" } ?? ""
      labels += label(kind + result, detail: item.text, at: LayoutPoint(tx + 2, top - 1))
    }
    return stems + labels
  }

  /// A bold line and a muted line on a white box sized by an estimate of the text width
  /// (the box only needs to hide stems, so an overestimate is harmless).
  private func label(_ title: String, detail: String, at origin: LayoutPoint) -> [LayoutElement] {
    let longest = max(title.count, detail.count)
    let boxWidth = min(Self.labelWidthPT, Double(longest) * Self.estimatedCharacterPT + 2)
    let box = LayoutRect(x: origin.x - 1, y: origin.y, width: boxWidth, height: 17)
    return [
      .rect(box, fill: .white, stroke: nil),
      .text(
        TextRun(
          title, at: origin, width: Self.labelWidthPT,
          style: style.tiny.with(color: style.colors.text, bold: true), singleLine: true)),
      .text(
        TextRun(
          detail, at: origin.offset(0, 8), width: Self.labelWidthPT, style: style.tiny,
          singleLine: true)),
    ]
  }

  private func studies(width: Double) -> [LayoutElement] {
    var elements: [LayoutElement] = []
    var captions: [LayoutElement] = []
    var alertLanes = AlertLanes()
    for (index, study) in input.studies.enumerated() {
      guard let date = CivilDate(study.date) else { continue }
      let tx = x(date.dayNumber, width: width)
      let top = axisY + 30
      elements.append(
        .marker(
          MarkerShape(
            .square, at: LayoutPoint(tx, top), sizePT: 6,
            stroke: StrokeStyle(color: style.colors.text, widthPT: 0.8), fill: style.colors.text)))
      elements.append(
        .text(
          TextRun(
            study.label, at: LayoutPoint(tx - 20, top + 4), width: 40,
            style: style.tiny.with(color: style.colors.text, bold: true, alignment: .center),
            singleLine: true)))
      let fired = alerts(
        forStudy: index, at: tx, below: top + 13, width: width, lanes: &alertLanes)
      elements += fired.stems
      captions += fired.captions
    }
    return elements + captions
  }

  /// Alert captions of all studies share lanes below the study markers: each caption takes the
  /// first lane whose previous caption ends left of its marker, so captions of studies a day
  /// or two apart stack instead of overprinting. A hairline ties a lowered marker to its study;
  /// stems are returned apart so they can be drawn under every caption's white backing.
  private func alerts(
    forStudy index: Int, at tx: Double, below y: Double, width: Double,
    lanes: inout AlertLanes
  ) -> (stems: [LayoutElement], captions: [LayoutElement]) {
    let fired = input.decisions.filter { $0.firstStudyIndex == index }
    var stems: [LayoutElement] = []
    var elements: [LayoutElement] = []
    for decision in fired {
      let title = decision.text(in: style.template.language).title
      let label = style.template.text(.timelineAlert) + ": " + title
      let room = max(Self.labelWidthPT * 0.5, width - Self.marginPT - tx - 6)
      let textWidth = min(room, Self.estimatedWidthPT(label))
      let lane = lanes.place(from: tx - 4, to: tx + 6 + textWidth)
      let rowY = y + Double(lane) * Self.alertLaneStepPT

      if lane > 0 {
        stems.append(
          .path(PathShape([LayoutPoint(tx, y - 4), LayoutPoint(tx, rowY)], stroke: style.hairline)))
      }
      elements.append(
        .marker(
          MarkerShape(
            .invertedTriangle, at: LayoutPoint(tx, rowY + 4), sizePT: 7,
            stroke: StrokeStyle(color: style.colors.alert, widthPT: 0.8), fill: style.colors.alert))
      )
      elements.append(
        .rect(
          LayoutRect(x: tx + 5, y: rowY - 1, width: textWidth + 2, height: 9), fill: .white,
          stroke: nil))
      elements.append(
        .text(
          TextRun(
            label, at: LayoutPoint(tx + 6, rowY - 1), width: textWidth + Self.alertSlackPT,
            style: style.tiny.with(color: style.colors.alert, bold: true), singleLine: true)))
    }
    return (stems, elements)
  }

  /// An overestimate of a tiny bold caption's width: CJK characters are about one em wide,
  /// others rarely wider than `estimatedCharacterPT` plus a bold allowance.
  static func estimatedWidthPT(_ text: String) -> Double {
    text.unicodeScalars.reduce(0.0) { sum, scalar in
      sum + (scalar.value >= 0x2E80 ? Self.wideCharacterPT : Self.estimatedCharacterPT + 0.4)
    }
  }
}

/// Horizontal extents already used in each row of alert captions.
struct AlertLanes {
  private var ends: [Double] = []
  static let gapPT = 6.0

  /// The first lane free over `start...end`, which is then taken.
  mutating func place(from start: Double, to end: Double) -> Int {
    for (lane, last) in ends.enumerated() where last + Self.gapPT <= start {
      ends[lane] = end
      return lane
    }
    ends.append(end)
    return ends.count - 1
  }
}
