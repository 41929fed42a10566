import Analysis
import Foundation
import Imaging
import Ingest
import Outputs

/// `report --dicom DIR`: for each study a Segmentation and a TID 1500 Measurement Report, and
/// the report as Encapsulated PDF in the last study, so a PACS files them with the CT.
/// File names carry only the study's position, never names, IDs or dates. The set is written
/// into a hidden folder and renamed into place once complete (`StagingFolder`).
enum ReportDicomOutputs {
  static func write(
    _ rendered: RenderedReport, report: URL, to folder: URL, deidentify: Bool,
    diagnostics: Diagnostics
  ) throws {
    try OutputPaths.folder(folder, create: true)
    let staging = try StagingFolder(into: folder)
    defer { staging.remove() }
    let deidentifier = deidentify ? Deidentifier(secret: CaseReportRun.deidentificationSecret) : nil
    var written: [(role: String, name: String)] = []

    for (i, study) in rendered.result.studies.enumerated() {
      let stem = String(format: "study-%02d", i + 1)
      if deidentifier != nil && study.metadata.burnedInAnnotation {
        diagnostics.warning(
          "\(stem): the series says it has burned-in annotation; pixels are not cleaned")
      }
      let lesions = lesionSegments(study)
      let segmentation = try DicomOutputs.writeSegmentation(
        labels: study.labels, source: study.metadata, to: staging.file("\(stem)-seg.dcm"),
        deidentifier: deidentifier, lesions: lesions)
      try DicomOutputs.writeMeasurementReport(
        measurementInput(study, segmentation: segmentation, lesions: lesions),
        to: staging.file("\(stem)-sr.dcm"), deidentifier: deidentifier)
      written += [("dicom_\(stem)_seg", "\(stem)-seg.dcm"), ("dicom_\(stem)_sr", "\(stem)-sr.dcm")]
    }

    if let last = rendered.result.studies.last {
      try DicomOutputs.writeEncapsulatedPDF(
        pdf: try Data(contentsOf: report), source: last.metadata, title: "ctcase case report",
        to: staging.file("report-pdf.dcm"), deidentifier: deidentifier)
      written.append(("dicom_report_pdf", "report-pdf.dcm"))
    }

    // Every object is complete: only now do they replace an earlier run's.
    try staging.publish(written.map(\.name))
    var outputs = rendered.provenance.outputs
    for file in written {
      outputs.append(try CaseReportRun.outputRecord(file.role, staging.destination(file.name)))
    }

    var provenance = rendered.provenance
    provenance.outputs = outputs.sorted { $0.role < $1.role }
    try AtomicFile.write(try CanonicalJSON.encode(provenance), to: rendered.provenanceURL)
    diagnostics.note("report: wrote \(outputs.count - 1) DICOM objects into \(folder.path)")
  }

  private static func component(_ lesion: LesionMeasurement)
    -> MeasurementReportInput.Lesion.Component
  {
    lesion.consolidationVolumeML > lesion.ggoVolumeML ? .consolidation : .groundGlass
  }

  private static func lesionSegments(_ study: CaseStudyResult) -> DicomLesionSegments {
    let lesions = study.measurements.lesions.map { l in
      DicomLesionSegments.Lesion(
        mapValue: UInt16(l.id), trackingID: study.lesionTracks[l.id] ?? "L\(l.id)",
        component: component(l))
    }
    return DicomLesionSegments(lesionMap: study.lesionMap.fullGrid(), lesions: lesions)
  }

  private static func measurementInput(
    _ study: CaseStudyResult, segmentation: DicomObjectIdentity, lesions: DicomLesionSegments
  ) -> MeasurementReportInput {
    let m = study.measurements
    let items = m.lesions.enumerated().map { i, l in
      MeasurementReportInput.Lesion(
        trackingID: study.lesionTracks[l.id] ?? "L\(l.id)", side: l.side, component: component(l),
        volumeML: l.volumeML, longestDiameterMM: l.longestDiameterMM,
        perpendicularDiameterMM: l.perpendicularDiameterMM, meanHU: l.meanHU,
        segmentNumber: DicomLesionSegments.segmentNumber(at: i))
    }
    return MeasurementReportInput(
      source: study.metadata, segmentation: segmentation,
      rightLungVolumeML: m.rightLungVolumeML, leftLungVolumeML: m.leftLungVolumeML,
      poPercent: m.poPercent, lesions: items)
  }
}
