import Analysis
import Course
import Foundation
import Imaging

/// The JSON that `ctcase course --json` writes (schema `ctcase.course/1`): every study with its
/// analysis figures, alignment and stage, every track with its time series and doubling times,
/// the total lesion volume course, and the decisions.
///
/// Bytes are deterministic: sorted keys, fixed decimals, no clock, no absolute paths.
public struct CourseDocument: Sendable, Encodable {
  public static let schemaID = "ctcase.course/1"
  /// Decimals kept for derived figures (mL, days, mm); analysis figures keep their own.
  static let decimals = 4

  public var title: String?
  public var synthetic: Bool
  public var onsetDate: CalendarDate?
  public var studies: [CourseStudyRecord]
  public var tracks: [CourseTrackRecord]
  public var totalChanges: [VolumeChange]
  public var totalOverall: VolumeChange?
  public var decisions: [Decision]
  public var ruleSet: RuleSet
  public var events: [ClinicalEvent]

  public init(
    manifest: CaseManifest, studies: [CourseStudyRecord], tracks: [LesionTrack],
    figures: CourseFigures, ruleSet: RuleSet, decisions: [Decision]
  ) {
    title = manifest.title
    synthetic = manifest.synthetic
    onsetDate = manifest.effectiveOnsetDate
    self.studies = studies
    let figuresByID = Dictionary(uniqueKeysWithValues: figures.tracks.map { ($0.trackID, $0) })
    self.tracks = tracks.map { CourseTrackRecord(track: $0, figures: figuresByID[$0.id]) }
    totalChanges = figures.totalChanges
    totalOverall = figures.totalOverall
    self.decisions = decisions
    self.ruleSet = ruleSet
    self.events = manifest.events
  }

  enum CodingKeys: String, CodingKey {
    case schema, title, synthetic, studies, tracks, decisions, events
    case toolVersion = "tool_version"
    case onsetDate = "onset_date"
    case totalChanges = "total_changes"
    case totalOverall = "total_overall"
    case ruleSet = "rule_set"
    case ruleSetVersion = "rule_set_version"
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Self.schemaID, forKey: .schema)
    try c.encode(ToolVersion.string, forKey: .toolVersion)
    try c.encode(title, forKey: .title)
    try c.encode(synthetic, forKey: .synthetic)
    try c.encode(onsetDate, forKey: .onsetDate)
    try c.encode(studies, forKey: .studies)
    try c.encode(tracks, forKey: .tracks)
    try c.encode(totalChanges.map(\.rounded), forKey: .totalChanges)
    try c.encode(totalOverall?.rounded, forKey: .totalOverall)
    try c.encode(decisions, forKey: .decisions)
    try c.encode(ruleSet.name, forKey: .ruleSet)
    try c.encode(ruleSet.version, forKey: .ruleSetVersion)
    try c.encode(events, forKey: .events)
  }

  /// The document as JSON bytes with one trailing newline.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  static func round(_ v: Double) -> Double {
    let scale = pow(10, Double(decimals))
    return (v * scale).rounded() / scale
  }
}

extension VolumeChange {
  /// The change with its figures rounded for output.
  var rounded: VolumeChange {
    var r = self
    r.fromML = CourseDocument.round(fromML)
    r.toML = CourseDocument.round(toML)
    r.absoluteChangeML = CourseDocument.round(absoluteChangeML)
    r.relativeChange = relativeChange.map(CourseDocument.round)
    r.growthRateMLPerDay = growthRateMLPerDay.map(CourseDocument.round)
    r.doublingTimeDays = doublingTimeDays.map(CourseDocument.round)
    return r
  }
}
