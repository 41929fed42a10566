/// One lesion followed across studies.
public struct ReportTrack: Sendable, Codable, Equatable {
  /// Short id such as "T1"; also the label drawn beside its outlines.
  public var id: String
  /// Index into the template's track colours (wraps around), so one track keeps one colour.
  public var colorIndex: Int
  public var points: [TrackPoint]

  public init(id: String, colorIndex: Int, points: [TrackPoint]) {
    self.id = id
    self.colorIndex = colorIndex
    self.points = points
  }
}

/// A track's lesion volume in one study.
public struct TrackPoint: Sendable, Codable, Equatable {
  public var studyIndex: Int
  public var dayFromOnset: Int
  public var volumeML: Double

  public init(studyIndex: Int, dayFromOnset: Int, volumeML: Double) {
    self.studyIndex = studyIndex
    self.dayFromOnset = dayFromOnset
    self.volumeML = volumeML
  }
}

/// A named figure a rule looked at, with its value and unit as text.
public struct DecisionInput: Sendable, Codable, Equatable {
  public var name: String
  public var value: String
  public var unit: String

  public init(name: String, value: String, unit: String = "") {
    self.name = name
    self.value = value
    self.unit = unit
  }
}

/// Rule texts in one language.
public struct DecisionText: Sendable, Codable, Equatable {
  public var title: String
  public var recommendation: String

  public init(title: String, recommendation: String) {
    self.title = title
    self.recommendation = recommendation
  }
}

/// A threshold an alert rule compared against. The template words it from `name` and `value`
/// (its `threshold.<name>` string, with `{value}` and `{percent}` filled in); `text`, the rule
/// set's own English sentence, is shown when the template has no wording for `name`.
public struct ReportThreshold: Sendable, Codable, Equatable {
  public var name: String
  public var value: Double
  public var text: String

  public init(name: String = "", value: Double = 0, text: String) {
    self.name = name
    self.value = value
    self.text = text
  }
}

/// One alert rule that fired, when it first fired and why.
public struct ReportDecision: Sendable, Codable, Equatable {
  public var ruleID: String
  public var title: String
  public var firstStudyIndex: Int
  public var firstDay: Int?
  public var firstDate: String
  public var inputs: [DecisionInput]
  /// Each threshold the rule compared against.
  public var thresholds: [ReportThreshold]
  public var recommendation: String
  /// Rule texts by language tag (`zh-CN`), used when the template's language matches.
  public var translations: [String: DecisionText]

  public init(
    ruleID: String, title: String, firstStudyIndex: Int, firstDay: Int?, firstDate: String,
    inputs: [DecisionInput], thresholds: [ReportThreshold], recommendation: String,
    translations: [String: DecisionText] = [:]
  ) {
    self.ruleID = ruleID
    self.title = title
    self.firstStudyIndex = firstStudyIndex
    self.firstDay = firstDay
    self.firstDate = firstDate
    self.inputs = inputs
    self.thresholds = thresholds
    self.recommendation = recommendation
    self.translations = translations
  }

  /// Title and recommendation in `language`, falling back to the rule set's own wording.
  public func text(in language: String) -> DecisionText {
    translations[language] ?? DecisionText(title: title, recommendation: recommendation)
  }
}

/// A clinical event on the timeline.
public struct TimelineEvent: Sendable, Codable, Equatable {
  /// Manifest event kinds; `other` for anything else.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case contact, exposure
    case symptomOnset = "symptom_onset"
    case nucleicAcidTest = "nucleic_acid_test"
    case antibodyTest = "antibody_test"
    case test, isolation, admission, discharge, treatment, other
  }

  public var date: String
  public var kind: Kind
  public var text: String
  /// positive, negative, pending, or free text.
  public var result: String?

  public init(date: String, kind: Kind, text: String, result: String? = nil) {
    self.date = date
    self.kind = kind
    self.text = text
    self.result = result
  }
}
