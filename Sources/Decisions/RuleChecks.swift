import Course
import Foundation

/// The test each rule kind applies to one study. Thresholds are validated on load, so every
/// key a check reads is present (a missing one reads as 0).
enum RuleChecks {
  static func newGroundGlass(
    _ t: [String: Double], study i: Int, tracks: [LesionTrack]
  ) -> RuleFinding {
    let minVolume = t["min_lesion_volume_ml"] ?? 0
    let minGGO = t["min_ggo_fraction"] ?? 0
    let minCount = max(1, Int(t["min_lesion_count"] ?? 1))
    let qualifying = tracks.filter { track in
      guard track.firstStudyIndex == i, !track.isSplit, let p = track.points.first,
        p.volumeML > 0
      else { return false }
      return p.volumeML >= minVolume && p.ggoVolumeML / p.volumeML >= minGGO
    }
    let largest = qualifying.map { $0.points[0].volumeML }.max() ?? 0
    let newCount = tracks.filter { $0.firstStudyIndex == i && !$0.isSplit }.count
    let inputs = [
      DecisionFigure(name: "new_lesions", value: Double(newCount), unit: ""),
      DecisionFigure(name: "qualifying_new_lesions", value: Double(qualifying.count), unit: ""),
      DecisionFigure(name: "largest_qualifying_volume_ml", value: largest, unit: "mL"),
    ]
    let reason =
      "\(qualifying.count) new lesion(s) of mainly ground-glass density, the largest "
      + String(format: "%.2f mL", largest)
    return RuleFinding(
      fired: qualifying.count >= minCount, inputs: inputs, reason: reason,
      trackIDs: qualifying.map(\.id))
  }

  static func progression(
    _ t: [String: Double], study i: Int, figures: CourseFigures, tracks: [LesionTrack]
  ) -> RuleFinding {
    guard i > 0 else { return RuleFinding(fired: false, inputs: [], reason: "", trackIDs: []) }
    let change = figures.totalChanges[i - 1]
    let relative = change.relativeChange ?? (change.toML > 0 ? Double.infinity : 0)
    let minNew = t["min_new_lesions"] ?? 0
    let newTracks = tracks.filter {
      $0.firstStudyIndex == i && !$0.isSplit
        && ($0.points.first?.volumeML ?? 0) >= (t["min_new_lesion_volume_ml"] ?? 0)
    }
    let grew =
      relative > (t["min_relative_increase"] ?? 0)
      && change.absoluteChangeML > (t["min_absolute_increase_ml"] ?? 0)
    let newFired = minNew > 0 && Double(newTracks.count) >= minNew
    let inputs = [
      DecisionFigure(name: "total_lesion_volume_before_ml", value: change.fromML, unit: "mL"),
      DecisionFigure(name: "total_lesion_volume_ml", value: change.toML, unit: "mL"),
      DecisionFigure(name: "absolute_change_ml", value: change.absoluteChangeML, unit: "mL"),
      DecisionFigure(
        name: "relative_change", value: change.relativeChange ?? 0, unit: ""),
      DecisionFigure(name: "new_lesions", value: Double(newTracks.count), unit: ""),
    ]
    let reason = String(
      format: "total lesion volume %.2f -> %.2f mL (%+.2f mL) with %d new lesion(s)",
      change.fromML, change.toML, change.absoluteChangeML, newTracks.count)
    return RuleFinding(
      fired: grew || newFired, inputs: inputs, reason: reason, trackIDs: newTracks.map(\.id))
  }

  static func improvement(
    _ t: [String: Double], study i: Int, figures: CourseFigures
  ) -> RuleFinding {
    guard i > 0 else { return RuleFinding(fired: false, inputs: [], reason: "", trackIDs: []) }
    let change = figures.totalChanges[i - 1]
    let decrease = -(change.relativeChange ?? 0)
    let newCount = figures.studies[i].newTrackIDs.count
    let fired =
      decrease > (t["min_relative_decrease"] ?? 0)
      && -change.absoluteChangeML > (t["min_absolute_decrease_ml"] ?? 0) && newCount == 0
    let inputs = [
      DecisionFigure(name: "total_lesion_volume_before_ml", value: change.fromML, unit: "mL"),
      DecisionFigure(name: "total_lesion_volume_ml", value: change.toML, unit: "mL"),
      DecisionFigure(name: "relative_change", value: change.relativeChange ?? 0, unit: ""),
      DecisionFigure(name: "new_lesions", value: Double(newCount), unit: ""),
    ]
    let reason = String(
      format: "total lesion volume %.2f -> %.2f mL and no new lesions", change.fromML, change.toML)
    return RuleFinding(fired: fired, inputs: inputs, reason: reason, trackIDs: [])
  }

  static func severe(_ t: [String: Double], study s: StudyFigures) -> RuleFinding {
    let fired =
      s.poPercent >= (t["min_po_percent"] ?? Double.infinity)
      || Double(s.severityScore) >= (t["min_severity_score"] ?? Double.infinity)
    let inputs = [
      DecisionFigure(name: "po_percent", value: s.poPercent, unit: "%"),
      DecisionFigure(name: "severity_score", value: Double(s.severityScore), unit: ""),
    ]
    let reason = String(
      format: "percentage of opacity %.1f %%, severity score %d of 30", s.poPercent,
      s.severityScore)
    return RuleFinding(fired: fired, inputs: inputs, reason: reason, trackIDs: [])
  }
}
