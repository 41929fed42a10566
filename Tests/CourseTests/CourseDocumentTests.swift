import Analysis
import Course
import Decisions
import Foundation
import Imaging
import TestSupport
import Testing

/// A two-study course document built from synthetic figures.
private func document() throws -> CourseDocument {
  let manifestText = """
    {"schema": "ctcase.case/1", "title": "Doc", "onset_date": "2020-01-20",
     "studies": [{"path": ".", "date": "2020-01-21"}, {"path": "..", "date": "2020-01-24"}]}
    """
  let manifest = try CaseManifest.decode(
    manifestText, source: FileManager.default.temporaryDirectory.appendingPathComponent("c.json"))
  let studies = [
    [lesion(0, 1, Vector3(10, 0, 0), 0.5, ggo: 0.45)],
    [lesion(1, 1, Vector3(11, 0, 0), 1.0, ggo: 0.8)],
  ]
  let tracks = LesionTracker.track(studies: studies, overlaps: [])
  let m = try [measurements(lesionML: 0.5, po: 0.01), measurements(lesionML: 1.0, po: 0.02)]
  let figures = CourseFigures(
    dates: manifest.studies.map { $0.date! }, onset: manifest.effectiveOnsetDate,
    measurements: m, tracks: tracks)
  let rules = try RuleSet.load(
    "covid-alerts",
    rulesFolder: TestEnvironment.packageRoot.appendingPathComponent("Templates/rules"))
  let decisions = RuleEvaluator.evaluate(rules, figures: figures, tracks: tracks)
  let alignment = StudyAlignment(
    transform: RigidTransform(translationMM: Vector3(1, 2, 3)), residualMM: 0.123456,
    medianDistanceMM: 0.1, matchedPoints: 900, iterations: 7)
  let records = (0..<2).map { i in
    CourseStudyRecord(
      index: i, path: manifest.studies[i].path, label: nil, figures: figures.studies[i],
      measurements: m[i], alignment: i == 0 ? .reference : alignment, lesionTracks: [1: "T1"],
      warnings: [])
  }
  return CourseDocument(
    manifest: manifest, studies: records, tracks: tracks, figures: figures, ruleSet: rules,
    decisions: decisions)
}

@Test func courseJSONCarriesTheContractFields() throws {
  let data = try document().jsonData()
  let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  #expect(root["schema"] as? String == "ctcase.course/1")

  let studies = try #require(root["studies"] as? [[String: Any]])
  #expect(studies.map { $0["date"] as? String } == ["2020-01-21", "2020-01-24"])
  #expect(studies.map { $0["day_from_onset"] as? Int } == [1, 4])
  #expect(studies.map { $0["stage"] as? String } == ["early", "early"])
  #expect(studies[1]["lesion_volume_ml"] as? Double == 1.0)
  #expect(studies[1]["po_percent"] as? Double == 0.02)
  #expect(studies[1]["lesions"] is [Any] && studies[1]["lung_volume_ml"] is Double)
  let alignment = try #require(studies[1]["alignment"] as? [String: Any])
  #expect(alignment["residual_mm"] as? Double == 0.1235)

  let tracks = try #require(root["tracks"] as? [[String: Any]])
  #expect(tracks.map { $0["id"] as? String } == ["T1"])
  let points = try #require(tracks[0]["points"] as? [[String: Any]])
  #expect(points.map { $0["study_index"] as? Int } == [0, 1])
  #expect(points.map { $0["volume_ml"] as? Double } == [0.5, 1.0])
  #expect(tracks[0]["doubling_time_days"] as? Double == 3)
  #expect(tracks[0]["doubling_time_note"] is NSNull, "a defined doubling time has no note")

  let decisions = try #require(root["decisions"] as? [[String: Any]])
  let suspected = try #require(decisions.first { $0["rule"] as? String == "suspected_pneumonia" })
  #expect(suspected["first_study_index"] as? Int == 0)
  #expect(suspected["inputs"] is [Any] && suspected["thresholds"] is [Any])
  #expect((suspected["recommendation"] as? String)?.contains("nucleic-acid test") == true)
}

@Test func courseJSONBytesAreStable() throws {
  let first = try document().jsonData()
  let second = try document().jsonData()
  #expect(first == second)
  let text = String(decoding: first, as: UTF8.self)
  #expect(!text.contains(FileManager.default.temporaryDirectory.path))
  #expect(text.hasSuffix("}\n"))
}
