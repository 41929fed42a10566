import Foundation

extension CaseSummary {
  /// The key figures of a rendered report; `id` and `sourceFingerprint` are left for the
  /// library run to fill in. De-identified reports carry a neutral title already.
  init(_ rendered: RenderedReport, reportName: String) {
    let studies = rendered.input.studies
    self.init(
      id: "", title: rendered.input.title, studyCount: studies.count,
      daysFromOnset: studies.map(\.dayFromOnset),
      lastLesionVolumeML: studies.last?.measurements.lesionVolumeML ?? 0,
      maxPOPercent: studies.map(\.measurements.poPercent).max() ?? 0,
      maxSeverityScore: studies.map(\.measurements.severityScore).max() ?? 0,
      trackCount: rendered.input.tracks.count,
      decisions: rendered.input.decisions.map {
        FiredRule(
          rule: $0.ruleID, firstStudyIndex: $0.firstStudyIndex, firstDayFromOnset: $0.firstDay)
      },
      report: reportName, sourceFingerprint: "")
  }
}
