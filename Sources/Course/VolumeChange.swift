import Foundation

/// The change of a volume between two studies: absolute, relative, growth rate and doubling
/// time (T * ln 2 / ln(V2 / V1), the exponential-growth convention of nodule follow-up).
public struct VolumeChange: Sendable, Equatable, Codable {
  public var fromStudyIndex: Int
  public var toStudyIndex: Int
  /// Whole days between the two studies.
  public var days: Int
  public var fromML: Double
  public var toML: Double
  public var absoluteChangeML: Double
  /// (V2 - V1) / V1; nil when V1 is 0.
  public var relativeChange: Double?
  /// mL per day; nil when the studies are on the same day.
  public var growthRateMLPerDay: Double?
  /// Days; nil when not defined (see `doublingTimeNote`).
  public var doublingTimeDays: Double?
  /// Why the doubling time is not defined ("shrinking", "unchanged", "new lesion", "same day"),
  /// or nil when it is.
  public var doublingTimeNote: String?

  /// - Precondition: `days >= 0`, volumes >= 0.
  public init(from: Int, to: Int, days: Int, fromML v1: Double, toML v2: Double) {
    precondition(days >= 0 && v1 >= 0 && v2 >= 0, "VolumeChange: negative days or volume")
    fromStudyIndex = from
    toStudyIndex = to
    self.days = days
    fromML = v1
    toML = v2
    absoluteChangeML = v2 - v1
    relativeChange = v1 > 0 ? (v2 - v1) / v1 : nil
    growthRateMLPerDay = days > 0 ? (v2 - v1) / Double(days) : nil
    if v1 == 0 {
      doublingTimeNote = "not defined: new lesion"
    } else if v2 < v1 {
      doublingTimeNote = "not defined: shrinking"
    } else if v2 == v1 {
      doublingTimeNote = "not defined: unchanged"
    } else if days == 0 {
      doublingTimeNote = "not defined: same day"
    } else {
      doublingTimeDays = Double(days) * log(2) / log(v2 / v1)
    }
  }

  enum CodingKeys: String, CodingKey {
    case fromStudyIndex = "from_study_index"
    case toStudyIndex = "to_study_index"
    case days
    case fromML = "from_ml"
    case toML = "to_ml"
    case absoluteChangeML = "absolute_change_ml"
    case relativeChange = "relative_change"
    case growthRateMLPerDay = "growth_rate_ml_per_day"
    case doublingTimeDays = "doubling_time_days"
    case doublingTimeNote = "doubling_time_note"
  }

  /// Nil values are written as JSON null so every record has the same keys.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(fromStudyIndex, forKey: .fromStudyIndex)
    try c.encode(toStudyIndex, forKey: .toStudyIndex)
    try c.encode(days, forKey: .days)
    try c.encode(fromML, forKey: .fromML)
    try c.encode(toML, forKey: .toML)
    try c.encode(absoluteChangeML, forKey: .absoluteChangeML)
    try c.encode(relativeChange, forKey: .relativeChange)
    try c.encode(growthRateMLPerDay, forKey: .growthRateMLPerDay)
    try c.encode(doublingTimeDays, forKey: .doublingTimeDays)
    try c.encode(doublingTimeNote, forKey: .doublingTimeNote)
  }
}

/// The published temporal stages of COVID-19 pneumonia on CT by day from symptom onset
/// (Pan et al., Radiology 2020): early 0-4, progressive 5-8, peak 9-13, absorption 14 and later.
public enum CTStage: String, Sendable, Codable, Equatable {
  case beforeOnset = "before_onset"
  case early, progressive, peak, absorption

  private static let progressiveFromDay = 5
  private static let peakFromDay = 9
  private static let absorptionFromDay = 14

  /// The stage for a day from onset.
  public init(dayFromOnset day: Int) {
    switch day {
    case ..<0: self = .beforeOnset
    case ..<CTStage.progressiveFromDay: self = .early
    case ..<CTStage.peakFromDay: self = .progressive
    case ..<CTStage.absorptionFromDay: self = .peak
    default: self = .absorption
    }
  }
}
