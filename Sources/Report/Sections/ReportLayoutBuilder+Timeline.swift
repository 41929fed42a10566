import Imaging

extension ReportLayoutBuilder {
  func timeline(in flow: inout PageFlow) {
    sectionTitle(text(.timelineTitle), in: &flow)
    flow.figure(TimelineChart(input: input, style: style).figure(), gapAfter: 10)
    subheading(text(.timelineEventsHeading), in: &flow)
    eventTable().place(in: &flow)
  }

  /// Events and studies in date order, one row each.
  private func eventTable() -> TableLayout {
    let columns = [
      TableLayout.Column(text(.columnDate), 1.1), TableLayout.Column(text(.columnDay), 0.6, .right),
      TableLayout.Column(text(.timelineEventsHeading), 1.6), TableLayout.Column("", 4.2),
    ]
    let onset = input.onsetDate.flatMap { CalendarDate($0) }
    func day(_ date: String) -> String {
      guard let onset, let day = CalendarDate(date) else { return "–" }
      return NumberFormat.signedDay(day.days(since: onset))
    }
    var rows: [(String, Int, [String])] = input.events.enumerated().map { index, event in
      let result = event.result.map { " (" + template.resultName($0) + ")" } ?? ""
      return (
        event.date, index,
        [event.date, day(event.date), template.eventKindName(event.kind) + result, event.text]
      )
    }
    for (index, study) in input.studies.enumerated() {
      let alerts = input.decisions.filter { $0.firstStudyIndex == index }
        .map { text(.timelineAlert) + ": " + $0.text(in: template.language).title }
      let detail = ([study.label] + alerts).joined(separator: " · ")
      rows.append(
        (
          study.date, input.events.count + index,
          [study.date, day(study.date), text(.timelineCT), detail]
        ))
    }
    rows.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    return TableLayout(columns: columns, rows: rows.map(\.2), style: style)
  }
}
