import Course
import Imaging

/// A figure a rule read, with its unit ("" for counts and ratios).
public struct DecisionFigure: Sendable, Equatable, Codable {
  public var name: String
  public var value: Double
  public var unit: String
}

/// A threshold a rule compared against, with a readable sentence such as
/// "total lesion volume increase > 25 %".
public struct DecisionThreshold: Sendable, Equatable, Codable {
  public var name: String
  public var value: Double
  public var unit: String
  public var text: String
}

/// A rule that fired on a case: when it first fired, on which studies, on what figures, and
/// what it recommends (decision support, not a diagnosis).
public struct Decision: Sendable, Equatable, Codable {
  public var rule: String
  public var kind: String
  public var title: String
  public var firstStudyIndex: Int
  public var firstDate: CalendarDate
  /// Days from onset of the first study it fired on; nil without an onset date.
  public var firstDayFromOnset: Int?
  /// Every study (index) it fired on, in order.
  public var studyIndices: [Int]
  /// The figures of the first study it fired on.
  public var inputs: [DecisionFigure]
  public var thresholds: [DecisionThreshold]
  /// One sentence: why it fired on the first study, with the values.
  public var reason: String
  /// Tracks the rule looked at on the first study (e.g. the qualifying new lesions).
  public var trackIDs: [String]
  public var recommendation: String
  public var disclaimer: String
  public var ruleSet: String
  public var ruleSetVersion: String
  /// Title and recommendation by language tag.
  public var translations: [String: RuleText]

  enum CodingKeys: String, CodingKey {
    case rule, kind, title, inputs, thresholds, reason, recommendation, disclaimer, translations
    case firstStudyIndex = "first_study_index"
    case firstDate = "first_date"
    case firstDayFromOnset = "first_day_from_onset"
    case studyIndices = "study_indices"
    case trackIDs = "track_ids"
    case ruleSet = "rule_set"
    case ruleSetVersion = "rule_set_version"
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(rule, forKey: .rule)
    try c.encode(kind, forKey: .kind)
    try c.encode(title, forKey: .title)
    try c.encode(firstStudyIndex, forKey: .firstStudyIndex)
    try c.encode(firstDate, forKey: .firstDate)
    try c.encode(firstDayFromOnset, forKey: .firstDayFromOnset)
    try c.encode(studyIndices, forKey: .studyIndices)
    try c.encode(inputs, forKey: .inputs)
    try c.encode(thresholds, forKey: .thresholds)
    try c.encode(reason, forKey: .reason)
    try c.encode(trackIDs, forKey: .trackIDs)
    try c.encode(recommendation, forKey: .recommendation)
    try c.encode(disclaimer, forKey: .disclaimer)
    try c.encode(ruleSet, forKey: .ruleSet)
    try c.encode(ruleSetVersion, forKey: .ruleSetVersion)
    try c.encode(translations, forKey: .translations)
  }
}
