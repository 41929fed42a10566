import Analysis
import Foundation
import Imaging
import Ingest
import Outputs
import Report

extension CaseReportRun {
  /// The provenance record of a run, without its outputs (those are hashed once written).
  static func provenance(
    _ result: CaseResult, templateURL: URL, options: ReportOptions, fonts: FontSet, output: URL
  ) throws -> Provenance {
    let manifestURL = result.manifest.source
    // A case built from a plain folder has no manifest file: its record is that of no bytes.
    let manifest = result.manifest.builtFromFolder ? Data() : try Data(contentsOf: manifestURL)
    // Folder and file names may carry a patient's name or dates: a de-identified record
    // withholds the path, and `verify --case` is told where the case is.
    let manifestPath =
      options.deidentify
      ? withheldCasePath
      : relativePath(
        of: manifestURL, from: output.deletingLastPathComponent().standardizedFileURL)

    return Provenance(
      tool: ToolRecord(version: ToolVersion.string, buildCommit: ToolVersion.buildCommit),
      libraries: LibraryVersions.current,
      caseManifest: FileRecord(
        path: manifestPath, sha256: FileHash.sha256(manifest), bytes: manifest.count),
      template: NamedRecord(
        name: options.template ?? result.manifest.template,
        sha256: try FileHash.sha256(of: templateURL)),
      rules: NamedRecord(
        name: options.rules ?? result.manifest.rules,
        sha256: try FileHash.sha256(of: result.ruleSetURL)),
      parameters: try parameterRecord(AnalysisParameters()),
      options: options.record,
      fonts: try fonts.files.map {
        FileRecord(
          path: URL(fileURLWithPath: $0.path).lastPathComponent, sha256: $0.sha256,
          bytes: try byteCount(ofFileAt: $0.path))
      },
      inputs: inputRecords(result, deidentify: options.deidentify),
      outputs: [])
  }

  /// The size of a file from its metadata (font files are hashed once and cached, not re-read).
  /// - Throws: the file system's error when the file cannot be examined.
  static func byteCount(ofFileAt path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.size] as? NSNumber)?.intValue ?? 0
  }

  /// The case path a de-identified record holds instead of the real one.
  static let withheldCasePath = "CASE"

  /// Every input file, by path relative to the case folder; de-identified runs name them by
  /// study and position only (folder names may carry dates or names).
  static func inputRecords(_ result: CaseResult, deidentify: Bool) -> [FileRecord] {
    let caseFolder = caseFolder(result)
    return result.studies.enumerated().flatMap { i, study in
      study.inputFiles.sorted { $0.path < $1.path }.enumerated().map { j, file in
        let path =
          deidentify
          ? String(format: "study-%02d/file-%05d", i + 1, j + 1)
          : relativePath(of: URL(fileURLWithPath: file.path), from: caseFolder)
        return FileRecord(path: path, sha256: file.sha256, bytes: file.byteCount)
      }
    }
  }

  static func caseFolder(_ result: CaseResult) -> URL {
    let source = result.manifest.source.standardizedFileURL
    return result.manifest.builtFromFolder ? source : source.deletingLastPathComponent()
  }

  /// Every analysis parameter by its JSON key.
  static func parameterRecord(_ parameters: AnalysisParameters) throws -> [String: JSONScalar] {
    let data = try JSONEncoder().encode(parameters)
    return try JSONDecoder().decode([String: JSONScalar].self, from: data)
  }

  /// What the methods page prints: the same parameters and input hashes as the record.
  static func methodsSummary(_ record: Provenance, _ result: CaseResult) -> ReportProvenance {
    ReportProvenance(
      toolVersion: record.tool.version, buildCommit: record.tool.buildCommit,
      libraries: record.libraries.sorted { $0.key < $1.key }.map {
        NamedVersion(name: $0.key, version: $0.value)
      },
      templates: [
        NamedVersion(name: "template " + record.template.name, version: record.template.sha256),
        NamedVersion(name: "rules " + record.rules.name, version: record.rules.sha256),
      ],
      parameters: AnalysisParameters(),
      inputFiles: record.inputs.map { FileDigest(path: $0.path, sha256: $0.sha256) },
      reproduceCommand: reproduceCommand(record))
  }

  private static func reproduceCommand(_ record: Provenance) -> String {
    let path = record.caseManifest.path
    let verify =
      path == withheldCasePath ? "ctcase verify REPORT.pdf --case CASE" : "ctcase verify REPORT.pdf"
    return verify + " (re-runs: ctcase report \(path) -o REPORT.pdf" + optionText(record.options)
      + ")"
  }

  private static func optionText(_ options: [String: String]) -> String {
    var text = ""
    if let t = options["template"] { text += " --template \(t)" }
    if let p = options["page_size"] { text += " --page-size \(p)" }
    if let r = options["rules"] { text += " --rules \(r)" }
    if options["deidentify"] == "yes" { text += " --deidentify" }
    return text
  }

  /// `target` relative to the folder `base` (both made absolute), using `..` where needed.
  static func relativePath(of target: URL, from base: URL) -> String {
    let t = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    let b = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    var common = 0
    while common < min(t.count, b.count), t[common] == b[common] { common += 1 }
    let ups = Array(repeating: "..", count: b.count - common)
    let rest = Array(t[common...])
    let parts = ups + rest
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
