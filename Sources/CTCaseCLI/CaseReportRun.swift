import Analysis
import Course
import Foundation
import Imaging
import Ingest
import Outputs
import Report

/// The options of a report run that change output bytes; recorded in provenance so that
/// `ctcase verify` can run the same way again.
struct ReportOptions: Equatable {
  var template: String?
  var pageSize: PageSize?
  var rules: String?
  var deidentify = false

  /// As stored in `Provenance.options`.
  var record: [String: String] {
    var r: [String: String] = ["deidentify": deidentify ? "yes" : "no"]
    if let template { r["template"] = template }
    if let pageSize { r["page_size"] = pageSize.rawValue }
    if let rules { r["rules"] = rules }
    return r
  }

  init(
    template: String? = nil, pageSize: PageSize? = nil, rules: String? = nil,
    deidentify: Bool = false
  ) {
    self.template = template
    self.pageSize = pageSize
    self.rules = rules
    self.deidentify = deidentify
  }

  /// Options read back from a provenance record.
  init(record: [String: String]) {
    template = record["template"]
    pageSize = record["page_size"].flatMap { PageSize(rawValue: $0) }
    rules = record["rules"]
    deidentify = record["deidentify"] == "yes"
  }
}

/// What a report run produced besides the PDF.
struct RenderedReport {
  var result: CaseResult
  var input: ReportInput
  var provenance: Provenance
  var provenanceURL: URL
}

/// Runs the whole chain for one case and writes the report and its provenance record.
enum CaseReportRun {
  /// The secret for pseudonyms: `CTCASE_DEID_SECRET`, else a fixed project default (which
  /// makes pseudonyms reproducible but guessable by anyone holding the patient ID).
  static var deidentificationSecret: String {
    ProcessInfo.processInfo.environment["CTCASE_DEID_SECRET"] ?? "ctcase-default-pseudonym-key"
  }

  /// `report.pdf` -> `report.provenance.json` beside it.
  static func provenanceURL(for report: URL) -> URL {
    report.deletingPathExtension().appendingPathExtension("provenance.json")
  }

  /// The template is loaded before ingest and analysis, so a malformed one is refused at once.
  /// - Throws: any stage's typed error; nothing is written unless every stage succeeded.
  static func run(
    casePath: URL, output: URL, options: ReportOptions, threads: Int, diagnostics: Diagnostics,
    timings: StageTimings? = nil
  ) throws -> RenderedReport {
    try run(
      manifest: try CaseManifest.load(from: casePath), output: output, options: options,
      threads: threads, diagnostics: diagnostics, timings: timings)
  }

  /// The same for a manifest the caller has already loaded (to check its paths first).
  static func run(
    manifest: CaseManifest, output: URL, options: ReportOptions, threads: Int,
    diagnostics: Diagnostics, timings: StageTimings? = nil
  ) throws -> RenderedReport {
    let templateURL = try templateLocation(options.template ?? manifest.template, manifest)
    let template = try ReportTemplate.load(contentsOf: templateURL)

    let fontHashes = FontSet.hashInBackground()
    let result = try CasePipeline.run(
      manifest: manifest, rules: options.rules, threads: threads, diagnostics: diagnostics,
      timings: timings)
    let fonts = try timings.measure("fonts (private fontconfig, hashes)") {
      fontHashes.wait()
      return try FontSet()
    }
    let deidentifier = options.deidentify ? Deidentifier(secret: deidentificationSecret) : nil

    let record = try timings.measure("provenance record") {
      try provenance(
        result, templateURL: templateURL, options: options, fonts: fonts, output: output)
    }
    let input = timings.measure("report input (thumbnails, tables)") {
      ReportInputBuilder(
        result: result, provenance: methodsSummary(record, result), deidentifier: deidentifier,
        threads: threads
      ).build()
    }

    let document = try timings.measure("layout") {
      try CaseReport.layout(input, template: template, pageSize: options.pageSize, fonts: fonts)
    }
    // The PDF and its provenance record (which holds the PDF's hash) replace an earlier pair
    // together: an interrupted run never leaves a new PDF beside an old record.
    let url = provenanceURL(for: output)
    var final = record
    try AtomicFile.write(together: [output, url]) { temporaries in
      try timings.measure("render PDF (cairo, pango)") {
        try CairoRenderer(fonts: fonts).writePDF(
          document, toTemporary: temporaries[0], reportAs: output)
      }
      final.outputs = [try outputRecord("report_pdf", temporaries[0])]
      do {
        try CanonicalJSON.encode(final).write(to: temporaries[1])
      } catch {
        throw OutputFileError.writeFailed(path: url.path, reason: "\(error)")
      }
    }
    return RenderedReport(result: result, input: input, provenance: final, provenanceURL: url)
  }

  static func outputRecord(_ role: String, _ url: URL) throws -> OutputRecord {
    let data = try Data(contentsOf: url)
    return OutputRecord(role: role, sha256: FileHash.sha256(data), bytes: data.count)
  }

  /// A template name in Templates/report, or a path (relative ones from the manifest folder).
  private static func templateLocation(_ name: String, _ manifest: CaseManifest) throws -> URL {
    guard name.hasSuffix(".json") || name.contains("/") else {
      guard let folder = TemplateLocator.reportDirectory() else {
        throw ReportError.templateNotFound(name: name, searched: "no Templates folder found")
      }
      return folder.appendingPathComponent("\(name).json")
    }
    if name.hasPrefix("/") { return URL(fileURLWithPath: name) }
    return manifest.source.deletingLastPathComponent().appendingPathComponent(name)
  }
}
