import Foundation
import Imaging

extension CaseManifest {
  /// The name of the manifest looked for inside a case folder.
  public static let folderManifestName = "case.json"

  private static let topLevelKeys: Set<String> = [
    "schema", "title", "synthetic", "patient", "onset_date", "studies", "events", "template",
    "rules",
  ]
  private static let patientKeys: Set<String> = ["name", "id", "sex", "age", "birth_date"]
  private static let studyKeys: Set<String> = ["path", "date", "label"]
  private static let eventKeys: Set<String> = ["date", "kind", "text", "result"]

  /// Loads a case: a manifest file, a folder holding `case.json`, or a folder of study folders.
  ///
  /// - Throws: `CourseError.manifest` naming the file, field and line of the first problem
  ///   (unknown key, wrong type, bad date, unknown event kind, dates out of order, duplicate or
  ///   missing study folder); `CourseError.unreadable` or `.emptyCaseFolder` otherwise.
  public static func load(from url: URL) throws -> CaseManifest {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw CourseError.unreadable(path: url.path, reason: "no such file or folder")
    }
    guard isDirectory.boolValue else { return try decode(fileAt: url) }
    let inner = url.appendingPathComponent(folderManifestName)
    if FileManager.default.fileExists(atPath: inner.path) { return try decode(fileAt: inner) }
    return try fromStudyFolders(url)
  }

  /// Reads and validates a manifest file.
  public static func decode(fileAt url: URL) throws -> CaseManifest {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw CourseError.unreadable(path: url.path, reason: "not readable as UTF-8 text")
    }
    do {
      return try decode(text, source: url)
    } catch let e as JSONFieldError {
      throw CourseError.manifest(e)
    }
  }

  /// Validates manifest text; `source` names the file and anchors relative study paths.
  /// - Throws: `JSONFieldError` for the first problem found.
  public static func decode(_ text: String, source: URL) throws -> CaseManifest {
    let root = try JSONObjectReader.document(text, file: source.lastPathComponent)
    try root.refuseUnknownKeys(topLevelKeys)
    let schema = try root.string("schema")
    guard schema == schemaID else {
      throw root.error("schema", "\"\(schema)\" is not supported (expected \"\(schemaID)\")")
    }

    let folder = source.deletingLastPathComponent()
    let studies = try decodeStudies(root, folder: folder)
    let events = try root.array("events", required: false).map { try decodeEvent(root, $0.0, $0.1) }
    var manifest = CaseManifest(
      source: source, title: try root.optionalString("title"),
      synthetic: try root.optionalBool("synthetic") ?? false,
      patient: try root.optionalObject("patient").map(decodePatient),
      onsetDate: try date(root, "onset_date"), studies: studies, events: events,
      template: try root.optionalString("template") ?? defaultTemplate,
      rules: try root.optionalString("rules") ?? defaultRules)
    manifest.builtFromFolder = false
    return manifest
  }

  private static func date(_ object: JSONObjectReader, _ key: String) throws -> CalendarDate? {
    guard let text = try object.optionalString(key) else { return nil }
    guard let d = CalendarDate(text) else {
      throw object.error(key, "\"\(text)\" is not a valid date (YYYY-MM-DD)")
    }
    return d
  }

  private static func decodePatient(_ p: JSONObjectReader) throws -> PatientInfo {
    try p.refuseUnknownKeys(patientKeys)
    if let birth = try p.optionalString("birth_date"), CalendarDate(birth) == nil {
      throw p.error("birth_date", "\"\(birth)\" is not a valid date (YYYY-MM-DD)")
    }
    return PatientInfo(
      name: try p.optionalString("name"), id: try p.optionalString("id"),
      birthDate: try p.optionalString("birth_date"), sex: try p.optionalString("sex"),
      age: try p.optionalString("age"))
  }

  private static func decodeStudies(_ root: JSONObjectReader, folder: URL) throws -> [CaseStudy] {
    let items = try root.array("studies", required: true)
    guard !items.isEmpty else { throw root.error("studies", "at least one study is required") }
    var studies: [CaseStudy] = []
    var seenPaths: [String: Int] = [:]
    for (index, (path, node)) in items.enumerated() {
      let s = try JSONObjectReader(file: root.file, path: path, node: node)
      try s.refuseUnknownKeys(studyKeys)
      let relative = try s.string("path")
      let url = URL(fileURLWithPath: relative, relativeTo: folder).standardizedFileURL
      if let first = seenPaths[url.path] {
        throw s.error("path", "\"\(relative)\" is a duplicate of studies[\(first)].path")
      }
      seenPaths[url.path] = index
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw s.error("path", "study folder \"\(relative)\" does not exist")
      }
      let study = CaseStudy(
        url: url, path: relative, date: try date(s, "date"), label: try s.optionalString("label"))
      if let d = study.date, let previous = studies.last(where: { $0.date != nil })?.date,
        d <= previous
      {
        throw s.error("date", "\(d) is not after the previous study's date \(previous)")
      }
      studies.append(study)
    }
    return studies
  }

  private static func decodeEvent(
    _ root: JSONObjectReader, _ path: String, _ node: LocatedJSON
  ) throws -> ClinicalEvent {
    let e = try JSONObjectReader(file: root.file, path: path, node: node)
    try e.refuseUnknownKeys(eventKeys)
    let kindText = try e.string("kind")
    guard let kind = ClinicalEvent.Kind(rawValue: kindText) else {
      let known = ClinicalEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")
      throw e.error("kind", "unknown event kind \"\(kindText)\" (known: \(known))")
    }
    guard let date = try date(e, "date") else { throw e.error("date", "required field is missing") }
    return ClinicalEvent(
      date: date, kind: kind, text: try e.optionalString("text"),
      result: try e.optionalString("result"))
  }
}
