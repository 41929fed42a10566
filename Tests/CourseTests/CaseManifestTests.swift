import Course
import Foundation
import Imaging
import Testing

/// Writes a manifest and the study folders it names into a fresh temp folder.
private func writeCase(_ json: String, folders: [String] = ["a", "b", "c"]) throws -> URL {
  let dir = try makeTempDir()
  for f in folders {
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent(f), withIntermediateDirectories: true)
  }
  let url = dir.appendingPathComponent("case.json")
  try json.write(to: url, atomically: true, encoding: .utf8)
  return url
}

private func makeTempDir() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("ctcase-course-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

private let goodCase = """
  {
    "schema": "ctcase.case/1",
    "title": "Three studies",
    "synthetic": true,
    "patient": {"name": "Synthetic^Patient", "sex": "M"},
    "studies": [
      {"path": "a", "date": "2020-01-21", "label": "CT 1"},
      {"path": "b", "date": "2020-01-23"},
      {"path": "c", "date": "2020-01-27"}
    ],
    "events": [
      {"date": "2020-01-16", "kind": "contact", "text": "Contact with an imported case"},
      {"date": "2020-01-20", "kind": "symptom_onset", "text": "Fever"},
      {"date": "2020-01-21", "kind": "nucleic_acid_test", "result": "negative"}
    ]
  }
  """

@Test func manifestDecodesStudiesEventsAndDefaults() throws {
  let m = try CaseManifest.load(from: try writeCase(goodCase))
  #expect(m.studies.map(\.path) == ["a", "b", "c"])
  #expect(m.studies.map { $0.date?.description } == ["2020-01-21", "2020-01-23", "2020-01-27"])
  #expect(m.events.map(\.kind) == [.contact, .symptomOnset, .nucleicAcidTest])
  #expect(m.effectiveOnsetDate == CalendarDate("2020-01-20"))
  #expect(m.template == "standard" && m.rules == "covid-alerts" && m.synthetic)
  #expect(m.patient?.sex == "M")
  #expect(FileManager.default.fileExists(atPath: m.studies[1].url.path))
}

@Test(arguments: [
  (
    goodCase.replacingOccurrences(of: "\"path\": \"b\"", with: "\"path\": \"missing\""),
    "case.json: studies[1].path: study folder \"missing\" does not exist (line 8)"
  ),
  (
    goodCase.replacingOccurrences(of: "2020-01-23", with: "2020-01-19"),
    "case.json: studies[1].date: 2020-01-19 is not after the previous study's date 2020-01-21"
  ),
  (
    goodCase.replacingOccurrences(of: "2020-01-23", with: "2020-13-01"),
    "case.json: studies[1].date: \"2020-13-01\" is not a valid date (YYYY-MM-DD)"
  ),
  (
    goodCase.replacingOccurrences(of: "\"kind\": \"contact\"", with: "\"kind\": \"party\""),
    "case.json: events[0].kind: unknown event kind \"party\""
  ),
  (
    goodCase.replacingOccurrences(of: "\"path\": \"c\"", with: "\"path\": \"./a\""),
    "case.json: studies[2].path: \"./a\" is a duplicate of studies[0].path"
  ),
  (
    goodCase.replacingOccurrences(of: "\"title\"", with: "\"titel\""),
    "case.json: titel: unknown key"
  ),
  (
    goodCase.replacingOccurrences(of: "ctcase.case/1", with: "ctcase.case/9"),
    "case.json: schema: \"ctcase.case/9\" is not supported"
  ),
  (
    goodCase.replacingOccurrences(of: "\"synthetic\": true,", with: "\"synthetic\": true,,"),
    "case.json: line 4: not valid JSON"
  ),
  (
    goodCase.replacingOccurrences(of: "\"date\": \"2020-01-16\", ", with: ""),
    "case.json: events[0].date: required field is missing"
  ),
])
func badManifestIsRefusedNamingTheField(json: String, expected: String) throws {
  let url = try writeCase(json)
  #expect {
    _ = try CaseManifest.load(from: url)
  } throws: { error in
    String(describing: error).hasPrefix(expected)
  }
}

@Test func badManifestMessageHasTheLine() throws {
  let json = goodCase.replacingOccurrences(of: "2020-01-27", with: "27.01.2020")
  do {
    _ = try CaseManifest.load(from: try writeCase(json))
    Issue.record("expected an error")
  } catch let CourseError.manifest(e) {
    #expect(e.field == "studies[2].date" && e.line == 9)
  }
}

@Test func folderCaseIsOrderedByDicomDate() throws {
  let dir = try makeTempDir()
  for name in ["first", "second", "third"] {
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent(name), withIntermediateDirectories: true)
  }
  let m = try CaseManifest.load(from: dir)
  #expect(m.builtFromFolder && m.studies.map(\.path) == ["first", "second", "third"])

  let dates = ["2020-02-03", "2020-02-01", "2020-02-02"].map { CalendarDate($0) }
  let (sorted, order) = try m.withStudyDates(dates)
  #expect(sorted.studies.map(\.path) == ["second", "third", "first"])
  #expect(order == [1, 2, 0])

  #expect {
    _ = try m.withStudyDates([CalendarDate("2020-02-01"), nil, CalendarDate("2020-02-02")])
  } throws: { String(describing: $0).contains("studies[1].date: no date given") }
  #expect {
    _ = try m.withStudyDates(Array(repeating: CalendarDate("2020-02-01"), count: 3))
  } throws: { String(describing: $0).contains("is not after the previous study's date") }
}

@Test func emptyFolderIsRefused() throws {
  let dir = try makeTempDir()
  #expect(throws: CourseError.emptyCaseFolder(path: dir.path)) {
    _ = try CaseManifest.load(from: dir)
  }
}

@Test(arguments: [
  ("2020-01-20", "2020-01-20", 0), ("2020-01-20", "2020-03-01", 41),
  ("2019-12-31", "2020-01-01", 1), ("2020-02-28", "2021-02-28", 366),
  ("2000-02-28", "2000-03-01", 2), ("1900-02-28", "1900-03-01", 1),
])
func calendarDaysBetween(a: String, b: String, days: Int) throws {
  let da = try #require(CalendarDate(a))
  let db = try #require(CalendarDate(b))
  #expect(db.days(since: da) == days)
  #expect(da.days(since: db) == -days)
}

@Test(arguments: ["2020-02-30", "2021-02-29", "20-01-01", "2020-1-01", "2020-01-01x", ""])
func calendarRefusesBadDates(text: String) {
  #expect(CalendarDate(text) == nil)
}

@Test func calendarReadsDicomDates() {
  #expect(CalendarDate(dicom: "20200121")?.description == "2020-01-21")
  #expect(CalendarDate(dicom: "2020012") == nil)
}
