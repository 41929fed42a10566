import Analysis
import Course
import Decisions
import Foundation
import Imaging
import Ingest

/// One study of a processed case: what ingest and analysis found, and where it sits in the
/// course. Keeps the HU volume and the lesion map (the report's thumbnails draw both); the label
/// volume is dropped once the lung surface is taken from it.
struct CaseStudyResult: Sendable {
  var study: CaseStudy
  var metadata: StudyMetadata
  var warnings: [IngestWarning]
  var inputFiles: [InputFile]
  var volume: Volume
  var measurements: StudyMeasurements
  /// Lesion id per voxel of `volume` (0 = none).
  var lesionMap: LesionMap
  /// Lung and lesion labels (1 right, 2 left, 3 GGO, 4 consolidation) for the SEG output.
  var labels: LabelVolume
  var alignment: StudyAlignment
  /// Track id of each lesion id.
  var lesionTracks: [Int: String]
}

/// Everything `course`, `report`, `figures`, `verify` and `library` need about a case.
struct CaseResult: Sendable {
  var manifest: CaseManifest
  /// In date order.
  var studies: [CaseStudyResult]
  var tracks: [LesionTrack]
  var figures: CourseFigures
  var ruleSet: RuleSet
  /// The rule-set file used, for provenance.
  var ruleSetURL: URL
  var decisions: [Decision]

  /// The course JSON document.
  var document: CourseDocument {
    let records = studies.enumerated().map { i, s in
      CourseStudyRecord(
        index: i, path: s.study.path, label: s.study.label, figures: figures.studies[i],
        measurements: s.measurements, alignment: s.alignment, lesionTracks: s.lesionTracks,
        warnings: s.warnings.map(\.description))
    }
    return CourseDocument(
      manifest: manifest, studies: records, tracks: tracks, figures: figures, ruleSet: ruleSet,
      decisions: decisions)
  }
}

/// manifest -> per study ingest and analysis -> alignment -> tracking -> figures -> rules.
enum CasePipeline {
  /// Runs a whole case.
  /// - Parameters:
  ///   - casePath: a manifest file, a folder with `case.json`, or a folder of study folders.
  ///   - rules: a rule-set name or file overriding the manifest's.
  /// - Throws: the first stage's typed error (manifest, ingest, analysis, alignment, rules);
  ///   nothing is written by this function.
  static func run(
    casePath: URL, rules: String? = nil, parameters: AnalysisParameters = AnalysisParameters(),
    threads: Int, diagnostics: Diagnostics, timings: StageTimings? = nil
  ) throws -> CaseResult {
    try run(
      manifest: try CaseManifest.load(from: casePath), rules: rules, parameters: parameters,
      threads: threads, diagnostics: diagnostics, timings: timings)
  }

  /// Runs a case whose manifest the caller has already loaded (to check what it names, such
  /// as the report template, before the slow stages).
  static func run(
    manifest loaded: CaseManifest, rules: String? = nil,
    parameters: AnalysisParameters = AnalysisParameters(), threads: Int,
    diagnostics: Diagnostics, timings: StageTimings? = nil
  ) throws -> CaseResult {
    let ruleSetURL = try rulesLocation(rules, manifest: loaded)
    let ruleSet = try RuleSet.load(ruleSetURL.path)
    let analyzer = LungAnalyzer(parameters: parameters, threads: threads)

    var pending = try analyzeStudies(loaded, analyzer: analyzer, diagnostics, timings: timings)
    let (manifest, order) = try loaded.withStudyDates(pending.map(\.dicomDate))
    pending = order.map { pending[$0] }
    for i in pending.indices { pending[i].study = manifest.studies[i] }
    warnAboutOtherPatients(&pending, diagnostics)

    let studies = try timings.measure("alignment") {
      try align(pending, threads: threads, diagnostics)
    }
    return timings.measure("tracking, course figures, rules") {
      assemble(manifest, studies, ruleSet: ruleSet, ruleSetURL: ruleSetURL, threads: threads)
    }
  }

  /// A study between analysis and alignment.
  struct PendingStudy: Sendable {
    var study: CaseStudy
    var loaded: LoadedStudy
    var analysis: StudyMeasurements
    var lesionMap: LesionMap
    var labels: LabelVolume
    var surface: LungSurface
    var dicomDate: CalendarDate?
  }

  /// Aligns every study to the first; the alignments are independent, so they run side by
  /// side on `threads` threads. Notes and the first error come in study order.
  private static func align(
    _ pending: [PendingStudy], threads: Int, _ diagnostics: Diagnostics
  ) throws -> [CaseStudyResult] {
    guard let reference = pending.first?.surface else { return [] }
    let alignments = ParallelSlices.map(
      count: pending.count, chunks: pending.count, threads: threads
    ) { i, _ in
      Result {
        i == 0
          ? StudyAlignment.reference
          : try LungAligner.align(
            moving: pending[i].surface, onto: reference, study: pending[i].study.path)
      }
    }
    return try pending.enumerated().map { i, p in
      let alignment = try alignments[i].get()
      if i > 0 {
        diagnostics.note(
          String(
            format: "course: aligned %@ to the first study: %.1f degrees, residual %.2f mm",
            p.study.path, alignment.transform.rotationDegrees, alignment.residualMM), level: 2)
      }
      return CaseStudyResult(
        study: p.study, metadata: p.loaded.metadata, warnings: p.loaded.warnings,
        inputFiles: p.loaded.inputFiles, volume: p.loaded.volume, measurements: p.analysis,
        lesionMap: p.lesionMap, labels: p.labels, alignment: alignment, lesionTracks: [:])
    }
  }

  private static func assemble(
    _ manifest: CaseManifest, _ input: [CaseStudyResult], ruleSet: RuleSet, ruleSetURL: URL,
    threads: Int
  ) -> CaseResult {
    var studies = input
    let lesions = studies.enumerated().map { i, s in
      s.measurements.lesions.map {
        TrackedLesion($0, studyIndex: i, alignment: s.alignment.transform)
      }
    }
    // Each pair of consecutive studies scans a whole lesion map on its own; the pairs are
    // independent, so they are counted side by side and kept in study order.
    let overlaps = ParallelSlices.map(
      count: studies.count, chunks: studies.count, threads: threads
    ) { i, _ in
      i == 0
        ? []
        : LesionOverlapCounter.overlaps(
          previous: snapshot(input[i - 1]), current: snapshot(input[i]))
    }
    let tracks = LesionTracker.track(studies: lesions, overlaps: overlaps)
    for track in tracks {
      for p in track.points { studies[p.studyIndex].lesionTracks[p.lesionID] = track.id }
    }
    let figures = CourseFigures(
      dates: studies.map { $0.study.date! },  // withStudyDates set every date
      onset: manifest.effectiveOnsetDate, measurements: studies.map(\.measurements),
      tracks: tracks)
    let decisions = RuleEvaluator.evaluate(ruleSet, figures: figures, tracks: tracks)
    return CaseResult(
      manifest: manifest, studies: studies, tracks: tracks, figures: figures, ruleSet: ruleSet,
      ruleSetURL: ruleSetURL, decisions: decisions)
  }

  private static func snapshot(_ s: CaseStudyResult) -> LesionMapSnapshot {
    LesionMapSnapshot(
      geometry: s.volume.geometry, lesionMap: s.lesionMap, alignment: s.alignment.transform)
  }

  /// The file of the override, else of the manifest's rule set; a relative path in a manifest
  /// is taken from the manifest's folder.
  static func rulesLocation(_ override: String?, manifest: CaseManifest) throws -> URL {
    if let override { return try RuleSetLocator.locate(override, rulesFolder: nil) }
    let name = manifest.rules
    let isPath = name.contains("/") || name.hasSuffix(".json")
    guard isPath, !name.hasPrefix("/"), !manifest.builtFromFolder else {
      return try RuleSetLocator.locate(name, rulesFolder: nil)
    }
    let folder = manifest.source.deletingLastPathComponent()
    return try RuleSetLocator.locate(folder.appendingPathComponent(name).path, rulesFolder: nil)
  }
}
