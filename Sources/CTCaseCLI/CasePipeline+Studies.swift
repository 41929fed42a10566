import Analysis
import Course
import Dispatch
import Foundation
import Imaging
import Ingest

extension CasePipeline {
  /// How many studies are ingested and analysed at once: two when there are two threads or
  /// more. About half of one analysis runs on one thread (connected components, the airway
  /// tracker, shape tallies), so a second study keeps the other core busy meanwhile; more than
  /// two would add a working set (about 0.4 GB for a 512x512x300 study) without a core to use.
  static func concurrentStudies(threads: Int) -> Int { threads >= 2 ? 2 : 1 }

  /// Ingests and analyses every study of `manifest`, up to `concurrentStudies` at a time, and
  /// returns them in manifest order. Diagnostics and stage times are reported in manifest
  /// order once all are done, so the output does not depend on which study finished first;
  /// the error thrown is that of the first failing study in manifest order.
  static func analyzeStudies(
    _ manifest: CaseManifest, analyzer: LungAnalyzer, _ diagnostics: Diagnostics,
    timings: StageTimings?
  ) throws -> [PendingStudy] {
    let count = manifest.studies.count
    let slots = StudySlots(count: count)
    let workers = min(count, concurrentStudies(threads: analyzer.threads))
    let work: @Sendable () -> Void = {
      while let i = slots.claimNext() {
        slots.store(i, runStudy(manifest.studies[i], index: i, analyzer: analyzer))
      }
    }
    // Not concurrentPerform: libdispatch runs an apply nested in another one on the outer
    // apply's share of the cores, so with two study workers every analysis ran its slices on
    // one thread, even the last study alone. Extra workers go to the global queue instead,
    // and the calling thread is one of the workers.
    let group = DispatchGroup()
    for _ in 1..<max(1, workers) { DispatchQueue.global().async(group: group, execute: work) }
    work()
    group.wait()

    var pending: [PendingStudy] = []
    for (i, outcome) in slots.outcomes().enumerated() {
      for row in outcome.timings { timings?.record(row.name, milliseconds: row.milliseconds) }
      for w in outcome.warnings { diagnostics.warning(w) }
      let study = try outcome.result.get()
      diagnostics.note(noteLine(study, index: i))
      pending.append(study)
    }
    return pending
  }

  /// What one study's worker hands back.
  struct StudyOutcome: @unchecked Sendable {
    var result: Result<PendingStudy, any Error>
    var warnings: [String]
    var timings: [(name: String, milliseconds: Double)]
  }

  private static func runStudy(_ study: CaseStudy, index: Int, analyzer: LungAnalyzer)
    -> StudyOutcome
  {
    var outcome = StudyOutcome(
      result: .failure(CancellationError()), warnings: [], timings: [])
    outcome.result = Result {
      let loaded = try StageTimings.timed("study \(index + 1): ingest", into: &outcome.timings) {
        try StudyLoader.load([study.url], options: LoadOptions(threads: analyzer.threads))
      }
      outcome.warnings = loaded.warnings.map(\.description)
      let analysis = try StageTimings.timed(
        "study \(index + 1): analysis", into: &outcome.timings
      ) {
        try StudyAnalysisFailure.naming(study.path) { try analyzer.analyze(loaded.volume) }
      }
      return pendingStudy(study, loaded: loaded, analysis: analysis)
    }
    return outcome
  }

  private static func pendingStudy(
    _ study: CaseStudy, loaded: LoadedStudy, analysis: StudyAnalysis
  ) -> PendingStudy {
    var measurements = analysis.measurements
    measurements.seriesInstanceUID = loaded.metadata.seriesInstanceUID
    let surface = LungSurface(
      labels: analysis.labels, cellMM: AlignmentParameters().surfaceCellMM)
    return PendingStudy(
      study: study, loaded: loaded, analysis: measurements, lesionMap: analysis.lesionMap,
      labels: analysis.labels, surface: surface,
      dicomDate: loaded.metadata.studyDate.flatMap { CalendarDate($0) })
  }

  private static func noteLine(_ p: PendingStudy, index: Int) -> String {
    String(
      format: "course: study %d (%@): %d lesions, %.2f mL, PO %.2f %%", index + 1, p.study.path,
      p.analysis.lesions.count, p.analysis.lesionVolumeML, p.analysis.poPercent)
  }
}

/// The studies still to start and the outcomes of those done, shared by the study workers.
private final class StudySlots: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var slots: [CasePipeline.StudyOutcome?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// The index of the next study to start, in manifest order; nil when all have started.
  func claimNext() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ i: Int, _ outcome: CasePipeline.StudyOutcome) {
    lock.lock()
    slots[i] = outcome
    lock.unlock()
  }

  /// Every outcome, in manifest order; called after all workers returned.
  func outcomes() -> [CasePipeline.StudyOutcome] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }  // the workers have returned, so every index was stored
  }
}
