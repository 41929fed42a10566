/// A versioned set of alert rules, loaded from JSON data (schema `ctcase.rules/1`).
///
/// Rules are decision support: each names the figures it reads, its thresholds and a
/// recommendation worded as a suggestion to the clinician, never as a diagnosis.
public struct RuleSet: Sendable, Equatable {
  public static let schemaID = "ctcase.rules/1"

  public var name: String
  public var version: String
  public var description: String?
  /// A sentence shown with every decision, e.g. that the rules support and do not diagnose.
  public var disclaimer: String
  public var rules: [Rule]
}

/// One alert rule.
public struct Rule: Sendable, Equatable {
  /// What a rule looks at; each kind has its own thresholds.
  public enum Kind: String, Sendable, CaseIterable {
    /// New lesions of ground-glass character above a volume.
    case newGroundGlassLesions = "new_ground_glass_lesions"
    /// Total lesion volume up by a fraction and an amount, or new lesions.
    case progression
    /// Total lesion volume down by a fraction and an amount, with no new lesions.
    case improvement
    /// Percentage of opacity or severity score at or above a value.
    case severeInvolvement = "severe_involvement"

    /// The threshold keys the kind requires, each with its unit.
    public var thresholdUnits: [String: String] {
      switch self {
      case .newGroundGlassLesions:
        return ["min_lesion_volume_ml": "mL", "min_ggo_fraction": "", "min_lesion_count": ""]
      case .progression:
        return [
          "min_relative_increase": "", "min_absolute_increase_ml": "mL", "min_new_lesions": "",
          "min_new_lesion_volume_ml": "mL",
        ]
      case .improvement:
        return ["min_relative_decrease": "", "min_absolute_decrease_ml": "mL"]
      case .severeInvolvement:
        return ["min_po_percent": "%", "min_severity_score": ""]
      }
    }
  }

  public var id: String
  public var kind: Kind
  public var title: String
  /// Threshold values by key (see `Kind.thresholdUnits`).
  public var thresholds: [String: Double]
  public var recommendation: String
  /// Title and recommendation by language tag (e.g. `zh-CN`).
  public var translations: [String: RuleText]
}

/// A rule's texts in one language.
public struct RuleText: Sendable, Equatable, Codable {
  public var title: String
  public var recommendation: String
}
