import Foundation
import Imaging
import Report

extension CaseSummary {
  /// The key figures of a rendered report; `id` and `sourceFingerprint` are left for the
  /// library run to fill in. De-identified reports carry a neutral title already, and their
  /// label is the patient's pseudonym.
  init(_ rendered: RenderedReport, reportName: String) {
    let input = rendered.input
    let studies = input.studies
    self.init(
      id: "", title: input.title,
      label: input.patient.deidentified ? (input.patient.name ?? input.title) : input.title,
      deidentified: input.patient.deidentified, studyCount: studies.count,
      daySpan: Self.daySpan(studies.map(\.date)),
      lastStudyDate: studies.last?.date, daysFromOnset: studies.map(\.dayFromOnset),
      lastLesionVolumeML: studies.last?.measurements.lesionVolumeML ?? 0,
      maxPOPercent: studies.map(\.measurements.poPercent).max() ?? 0,
      maxSeverityScore: studies.map(\.measurements.severityScore).max() ?? 0,
      trackCount: input.tracks.count,
      decisions: input.decisions.map {
        FiredRule(
          rule: $0.ruleID, firstStudyIndex: $0.firstStudyIndex, firstDayFromOnset: $0.firstDay)
      },
      report: reportName, sourceFingerprint: "")
  }

  /// Whole days from the first to the last date; nil when any date is not `YYYY-MM-DD`.
  static func daySpan(_ dates: [String]) -> Int? {
    let parsed = dates.compactMap { CalendarDate($0) }
    guard parsed.count == dates.count, let first = parsed.first, let last = parsed.last else {
      return nil
    }
    return last.days(since: first)
  }
}
