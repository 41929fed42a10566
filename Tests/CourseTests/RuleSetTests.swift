import Analysis
import Course
import Decisions
import Foundation
import Imaging
import TestSupport
import Testing

private let rulesFolder = TestEnvironment.packageRoot.appendingPathComponent("Templates/rules")

private func shippedRulesText() throws -> String {
  try String(
    contentsOf: rulesFolder.appendingPathComponent("covid-alerts.json"), encoding: .utf8)
}

@Test func shippedRuleSetLoads() throws {
  let set = try RuleSet.load("covid-alerts", rulesFolder: rulesFolder)
  #expect(set.name == "covid-alerts" && set.version == "1.1.0")
  #expect(
    set.rules.map(\.id) == [
      "suspected_pneumonia", "progression", "improving", "severe_involvement",
    ])
  #expect(set.rules[0].thresholds["min_lesion_volume_ml"] == 0.05)
  // Decision support wording: the texts must not claim a diagnosis.
  for rule in set.rules {
    #expect(!rule.recommendation.lowercased().contains("diagnosed"))
    #expect(!rule.title.lowercased().contains("typical covid"))
  }
}

/// The Chinese report draws each decision in Chinese: every shipped rule carries a zh-CN title
/// and recommendation written in Chinese characters.
@Test func shippedRuleSetIsTranslatedToChinese() throws {
  let set = try RuleSet.load("covid-alerts", rulesFolder: rulesFolder)
  let isCJK: (Unicode.Scalar) -> Bool = { (0x4E00...0x9FFF).contains($0.value) }
  for rule in set.rules {
    let text = try #require(rule.translations["zh-CN"], "\(rule.id)")
    #expect(text.title.unicodeScalars.contains(where: isCJK), "\(rule.id)")
    #expect(text.recommendation.unicodeScalars.contains(where: isCJK), "\(rule.id)")
    #expect(text.title != rule.title)
  }
}

@Test(arguments: [
  (
    "\"min_ggo_fraction\": 0.5", "\"min_ggo_fraction\": \"half\"",
    "covid-alerts.json: rules[0].thresholds.min_ggo_fraction: expected a number, got a string (line 14)"
  ),
  (
    "\"min_ggo_fraction\": 0.5", "\"min_ggo_fraction\": 1.5",
    "covid-alerts.json: rules[0].thresholds.min_ggo_fraction: must be a fraction between 0 and 1"
  ),
  (
    "\"kind\": \"progression\"", "\"kind\": \"progress\"",
    "covid-alerts.json: rules[1].kind: unknown rule kind \"progress\""
  ),
  (
    "\"min_po_percent\": 25,", "",
    "covid-alerts.json: rules[3].thresholds.min_po_percent: required field is missing"
  ),
  (
    "\"id\": \"improving\"", "\"id\": \"progression\"",
    "covid-alerts.json: rules[2].id: \"progression\" is used by an earlier rule (line 44)"
  ),
  (
    "\"min_lesion_count\": 1", "\"min_lesion_count\": 1, \"max_age\": 3",
    "covid-alerts.json: rules[0].thresholds.max_age: unknown key"
  ),
  (
    "\"version\": \"1.1.0\",", "\"version\": \"1.1.0\"",
    "covid-alerts.json: line 5: not valid JSON: expected ',' or '}' in an object"
  ),
])
func malformedRuleSetIsRefusedWithLineAndField(find: String, replace: String, expected: String)
  throws
{
  let text = try shippedRulesText()
  #expect(text.contains(find))
  let bad = text.replacingOccurrences(of: find, with: replace)
  let dir = try TestEnvironment.makeTemporaryDirectory()
  let url = dir.appendingPathComponent("covid-alerts.json")
  try bad.write(to: url, atomically: true, encoding: .utf8)
  #expect {
    _ = try RuleSet.load(url.path)
  } throws: { error in
    String(describing: error).hasPrefix(expected)
  }
}

@Test func unknownRuleSetNameIsRefused() {
  #expect {
    _ = try RuleSet.load("no-such-rules", rulesFolder: rulesFolder)
  } throws: { String(describing: $0).hasPrefix("no-such-rules: no such rule set") }
}

/// A four-study course: a new GGO lesion on study 1 that grows, then regresses; severe on 2.
private func course() throws -> (CourseFigures, [LesionTrack]) {
  let dates = ["2020-01-21", "2020-01-23", "2020-01-26", "2020-02-05"].map { CalendarDate($0)! }
  let volumes = [0.0, 0.4, 8.0, 2.0]
  let studies = volumes.enumerated().map { i, v in
    v > 0 ? [lesion(i, 1, Vector3(10, 0, 0), v, ggo: v * 0.9)] : []
  }
  let tracks = LesionTracker.track(studies: studies, overlaps: [])
  let m = try [
    measurements(lesionML: 0), measurements(lesionML: 0.4, po: 0.01),
    measurements(lesionML: 8, po: 30, severity: 12), measurements(lesionML: 2, po: 5),
  ]
  let figures = CourseFigures(
    dates: dates, onset: CalendarDate("2020-01-20"), measurements: m, tracks: tracks)
  return (figures, tracks)
}

@Test func rulesFireOnTheRightStudies() throws {
  let (figures, tracks) = try course()
  let set = try RuleSet.load("covid-alerts", rulesFolder: rulesFolder)
  let decisions = RuleEvaluator.evaluate(set, figures: figures, tracks: tracks)
  let byRule = Dictionary(uniqueKeysWithValues: decisions.map { ($0.rule, $0) })

  let suspected = try #require(byRule["suspected_pneumonia"])
  #expect(suspected.firstStudyIndex == 1 && suspected.firstDayFromOnset == 3)
  #expect(suspected.firstDate.description == "2020-01-23" && suspected.trackIDs == ["T1"])
  #expect(suspected.inputs.first { $0.name == "largest_qualifying_volume_ml" }?.value == 0.4)

  // Study 1: new lesion; study 2: 0.4 -> 8 mL.
  #expect(byRule["progression"]?.studyIndices == [1, 2])
  #expect(byRule["improving"]?.studyIndices == [3])
  #expect(byRule["severe_involvement"]?.studyIndices == [2])
  #expect(
    byRule["severe_involvement"]?.thresholds.map(\.text) == [
      "percentage of opacity >= 25 %", "or severity score >= 18 of 30",
    ])
}

@Test func noRuleFiresOnAHealthyCourse() throws {
  let dates = ["2020-01-21", "2020-01-23"].map { CalendarDate($0)! }
  let m = try [measurements(lesionML: 0), measurements(lesionML: 0)]
  let figures = CourseFigures(dates: dates, onset: nil, measurements: m, tracks: [])
  let set = try RuleSet.load("covid-alerts", rulesFolder: rulesFolder)
  #expect(RuleEvaluator.evaluate(set, figures: figures, tracks: []).isEmpty)
}
