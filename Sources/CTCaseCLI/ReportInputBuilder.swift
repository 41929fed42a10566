import Analysis
import Course
import Decisions
import Foundation
import Imaging
import Outputs
import Report

/// Turns a processed case into the plain values the report draws.
///
/// The only place where course and decision types meet report types; de-identification, when
/// asked for, is applied here so that no identifying value reaches the layout, the PDF text or
/// its metadata.
struct ReportInputBuilder: Sendable {
  var result: CaseResult
  var provenance: ReportProvenance
  var deidentifier: Deidentifier?
  /// Threads for building the studies' thumbnails (one study per thread).
  var threads = 1

  func build() -> ReportInput {
    let colors = trackColors()
    // Each study's thumbnails scan its whole lesion map; studies are independent, so they
    // are built side by side and kept in study order.
    let count = result.studies.count
    let studies = ParallelSlices.map(count: count, chunks: count, threads: threads) {
      [self] i, _ in study(result.studies[i], index: i, colors: colors)
    }
    return ReportInput(
      title: title, synthetic: result.manifest.synthetic, patient: patient,
      onsetDate: result.manifest.effectiveOnsetDate.map { shifted($0.description) },
      studies: studies, tracks: tracks(colors), decisions: result.decisions.map(decision),
      events: events, provenance: provenance)
  }

  /// The title as given; a de-identified report gets the neutral one of an untitled case (free
  /// text may identify).
  private var title: String {
    if deidentifier != nil { return TitleText.fallback }
    return result.manifest.title ?? TitleText.fallback
  }

  /// The manifest's patient, else the first study's DICOM patient.
  private var sourcePatient: PatientInfo {
    result.manifest.patient ?? result.studies.first?.metadata.patient ?? PatientInfo()
  }

  private var patient: ReportPatient {
    let p = sourcePatient
    guard let deidentifier else {
      return ReportPatient(
        name: p.name, id: p.id, sex: p.sex, age: p.age, birthDate: p.birthDate)
    }
    let pseudonym = deidentifier.pseudonym(for: p)
    return ReportPatient(
      name: pseudonym, id: pseudonym, sex: p.sex, age: p.age, birthDate: nil, deidentified: true)
  }

  private func shifted(_ date: String) -> String {
    guard let deidentifier else { return date }
    return deidentifier.shiftDate(date, patient: sourcePatient)
  }

  /// Track id -> colour index in order of first appearance, so a track keeps its colour.
  private func trackColors() -> [String: Int] {
    Dictionary(uniqueKeysWithValues: result.tracks.enumerated().map { ($1.id, $0) })
  }

  private func study(_ s: CaseStudyResult, index: Int, colors: [String: Int]) -> ReportStudy {
    let figures = result.figures.studies[index]
    let references = s.lesionTracks.mapValues {
      TrackReference(id: $0, colorIndex: colors[$0] ?? 0)
    }
    let thumbnails = ThumbnailBuilder(
      volume: s.volume, lesionMap: s.lesionMap, tracks: references
    ).build()
    let series = ReportSeries(
      description: deidentifier == nil ? s.metadata.seriesDescription : nil,
      seriesInstanceUID: deidentifier == nil ? s.metadata.seriesInstanceUID : nil,
      sliceThicknessMM: s.metadata.sliceThicknessMM,
      sliceSpacingMM: s.volume.geometry.spacing.z, imageCount: s.volume.size.nz,
      selectionReason: deidentifier == nil ? s.metadata.selectionReason : nil,
      choice: deidentifier == nil
        ? s.metadata.seriesChoice : s.metadata.seriesChoice?.withoutFileName)
    return ReportStudy(
      label: s.study.label ?? "CT \(index + 1)", date: shifted(figures.date.description),
      dayFromOnset: figures.dayFromOnset, ctStage: figures.stage?.rawValue,
      measurements: s.measurements, series: series,
      warnings: s.warnings.map { "\($0.message) [\($0.code)]" }, thumbnails: thumbnails,
      lesionTracks: s.lesionTracks)
  }

  private func tracks(_ colors: [String: Int]) -> [ReportTrack] {
    result.tracks.map { track in
      ReportTrack(
        id: track.id, colorIndex: colors[track.id] ?? 0,
        points: track.points.map { p in
          TrackPoint(
            studyIndex: p.studyIndex,
            dayFromOnset: result.figures.studies[p.studyIndex].dayFromOnset ?? p.studyIndex,
            volumeML: p.volumeML)
        })
    }
  }

  private func decision(_ d: Decision) -> ReportDecision {
    ReportDecision(
      ruleID: d.rule, title: d.title, firstStudyIndex: d.firstStudyIndex,
      firstDay: d.firstDayFromOnset, firstDate: shifted(d.firstDate.description),
      inputs: d.inputs.map { DecisionInput(name: $0.name, value: format($0.value), unit: $0.unit) },
      thresholds: d.thresholds.map {
        ReportThreshold(name: $0.name, value: $0.value, text: $0.text)
      },
      recommendation: d.recommendation,
      translations: d.translations.mapValues {
        DecisionText(title: $0.title, recommendation: $0.recommendation)
      })
  }

  /// Timeline events; free text is dropped from de-identified reports (it may identify).
  private var events: [TimelineEvent] {
    result.manifest.events.map { e in
      TimelineEvent(
        date: shifted(e.date.description),
        kind: TimelineEvent.Kind(rawValue: e.kind.rawValue) ?? .other,
        text: deidentifier == nil ? (e.text ?? "") : "", result: e.result)
    }
  }

  private func format(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(format: "%.2f", v)
  }
}
