import Imaging

extension ReportInput {
  /// The x position of each study on day axes: its day from onset, or (without an onset
  /// date) whole days since the first study.
  public var studyDays: [Int] {
    let first = studies.first.flatMap { CalendarDate($0.date) }
    return studies.map { study in
      if let day = study.dayFromOnset { return day }
      guard let first, let date = CalendarDate(study.date) else { return 0 }
      return date.days(since: first)
    }
  }

  /// Whether the days on the axes count from symptom onset (otherwise from the first study).
  public var daysCountFromOnset: Bool { studies.allSatisfy { $0.dayFromOnset != nil } }

  /// Checks what the layout relies on.
  /// - Throws: `ReportError.invalidInput` naming the field.
  public func validate() throws {
    guard !studies.isEmpty else {
      throw ReportError.invalidInput(field: "studies", problem: "at least one study is needed")
    }
    for (index, study) in studies.enumerated() where CalendarDate(study.date) == nil {
      throw ReportError.invalidInput(
        field: "studies[\(index)].date", problem: "\"\(study.date)\" is not YYYY-MM-DD")
    }
    for (index, track) in tracks.enumerated() {
      for point in track.points where !studies.indices.contains(point.studyIndex) {
        throw ReportError.invalidInput(
          field: "tracks[\(index)].points", problem: "study index \(point.studyIndex) missing")
      }
    }
    for (index, decision) in decisions.enumerated()
    where !studies.indices.contains(decision.firstStudyIndex) {
      throw ReportError.invalidInput(
        field: "decisions[\(index)].firstStudyIndex",
        problem: "study index \(decision.firstStudyIndex) missing")
    }
  }
}
