/// The words of a catalogue row. Numbers use the library index's values with fixed decimals
/// (volume and PO to one decimal), whatever the locale.
enum CatalogueText {
  static let volumeDecimals = 1
  static let percentDecimals = 1

  /// First line: number and label, the label displayed as a report title (one line, bounded:
  /// `TitleText`); a rendered case's folder id opens its second line (an id inside a wrapped
  /// heading would break at its hyphen).
  static func lines(_ entry: CatalogueEntry, number: Int) -> [String] {
    let heading = "\(number). \(TitleText.display(entry.label))"
    switch entry.status {
    case .rendered(let figures):
      let course = entry.label == entry.id ? course(figures) : "\(entry.id) · \(course(figures))"
      return [heading, course, measures(figures), alerts(figures.alerts)]
    case .failed(let reason):
      return [heading, "FAILED: \(reason)"]
    case .missing:
      return [heading, "Not rendered yet (its shard has not run or was interrupted)."]
    }
  }

  /// "3 studies over 5 days (day 1 to day 6)".
  static func course(_ f: CatalogueFigures) -> String {
    var text = f.studyCount == 1 ? "1 study" : "\(f.studyCount) studies"
    if let span = f.daySpan { text += " over \(span) \(span == 1 ? "day" : "days")" }
    if let first = f.firstDay, let last = f.lastDay {
      text += " (day \(first) to day \(last) from onset)"
    }
    return text
  }

  /// "Lesion volume at last study 12.3 mL · peak PO 4.5 % · peak severity score 7".
  static func measures(_ f: CatalogueFigures) -> String {
    "Lesion volume at last study \(NumberFormat.fixed(f.lastLesionVolumeML, volumeDecimals)) mL"
      + " · peak PO \(NumberFormat.fixed(f.maxPOPercent, percentDecimals)) %"
      + " · peak severity score \(f.maxSeverityScore)"
  }

  /// "Alerts: rule-a (day 3), rule-b (study 2)" or "Alerts: none".
  static func alerts(_ alerts: [CatalogueAlert]) -> String {
    guard !alerts.isEmpty else { return "Alerts: none" }
    let items = alerts.map { alert in
      alert.day.map { "\(alert.rule) (day \($0))" } ?? "\(alert.rule) (study \(alert.studyNumber))"
    }
    return "Alerts: " + items.joined(separator: ", ")
  }
}
