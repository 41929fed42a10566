import Course
import Foundation

/// What one rule found on one study.
struct RuleFinding {
  var fired: Bool
  var inputs: [DecisionFigure]
  var reason: String
  var trackIDs: [String]
}

/// Evaluates a rule set on every study of a course, in order.
public enum RuleEvaluator {
  /// - Returns: one `Decision` per rule that fired on at least one study, in rule-set order.
  public static func evaluate(
    _ ruleSet: RuleSet, figures: CourseFigures, tracks: [LesionTrack]
  ) -> [Decision] {
    ruleSet.rules.compactMap { rule in
      let findings = figures.studies.indices.map {
        finding(rule, study: $0, figures: figures, tracks: tracks)
      }
      let fired = findings.indices.filter { findings[$0].fired }
      guard let first = fired.first else { return nil }
      let study = figures.studies[first]
      return Decision(
        rule: rule.id, kind: rule.kind.rawValue, title: rule.title, firstStudyIndex: first,
        firstDate: study.date, firstDayFromOnset: study.dayFromOnset, studyIndices: fired,
        inputs: findings[first].inputs, thresholds: thresholdRecords(rule),
        reason: findings[first].reason, trackIDs: findings[first].trackIDs,
        recommendation: rule.recommendation, disclaimer: ruleSet.disclaimer,
        ruleSet: ruleSet.name, ruleSetVersion: ruleSet.version, translations: rule.translations)
    }
  }

  static func finding(
    _ rule: Rule, study i: Int, figures: CourseFigures, tracks: [LesionTrack]
  ) -> RuleFinding {
    let t = rule.thresholds
    switch rule.kind {
    case .newGroundGlassLesions:
      return RuleChecks.newGroundGlass(t, study: i, tracks: tracks)
    case .progression:
      return RuleChecks.progression(t, study: i, figures: figures, tracks: tracks)
    case .improvement:
      return RuleChecks.improvement(t, study: i, figures: figures)
    case .severeInvolvement:
      return RuleChecks.severe(t, study: figures.studies[i])
    }
  }

  private static func thresholdRecords(_ rule: Rule) -> [DecisionThreshold] {
    rule.thresholds.keys.sorted().map { key in
      let value = rule.thresholds[key] ?? 0
      let unit = rule.kind.thresholdUnits[key] ?? ""
      return DecisionThreshold(
        name: key, value: value, unit: unit, text: ThresholdWording.sentence(key, value))
    }
  }
}

/// Readable sentences for thresholds; fractions are shown as percentages.
enum ThresholdWording {
  static func sentence(_ key: String, _ v: Double) -> String {
    switch key {
    case "min_lesion_volume_ml": return "new lesion volume >= \(number(v)) mL"
    case "min_ggo_fraction": return "ground-glass share of the new lesion >= \(percent(v)) %"
    case "min_lesion_count": return "qualifying new lesions >= \(number(v))"
    case "min_relative_increase": return "total lesion volume increase > \(percent(v)) %"
    case "min_absolute_increase_ml": return "and total lesion volume increase > \(number(v)) mL"
    case "min_new_lesions":
      return v > 0 ? "or new lesions >= \(number(v))" : "new lesions do not count"
    case "min_new_lesion_volume_ml": return "counting new lesions of >= \(number(v)) mL"
    case "min_relative_decrease": return "total lesion volume decrease > \(percent(v)) %"
    case "min_absolute_decrease_ml": return "and total lesion volume decrease > \(number(v)) mL"
    case "min_po_percent": return "percentage of opacity >= \(number(v)) %"
    case "min_severity_score": return "or severity score >= \(number(v)) of 30"
    default: return "\(key) = \(number(v))"
    }
  }

  static func number(_ v: Double) -> String {
    v == v.rounded() ? String(Int(v)) : String(format: "%.2f", v)
  }

  static func percent(_ v: Double) -> String { number(v * 100) }
}
