import Analysis
import Foundation
import Imaging
import Ingest
import Outputs

/// `report --dicom DIR`: for each study a Segmentation and a TID 1500 Measurement Report, and
/// the report as Encapsulated PDF in the last study, so a PACS files them with the CT.
/// File names carry only the study's position, never names, IDs or dates.
enum ReportDicomOutputs {
  static func write(
    _ rendered: RenderedReport, report: URL, to folder: URL, deidentify: Bool,
    diagnostics: Diagnostics
  ) throws {
    try OutputPaths.folder(folder, create: true)
    let deidentifier = deidentify ? Deidentifier(secret: CaseReportRun.deidentificationSecret) : nil
    var outputs = rendered.provenance.outputs

    for (i, study) in rendered.result.studies.enumerated() {
      let stem = String(format: "study-%02d", i + 1)
      if deidentifier != nil && study.metadata.burnedInAnnotation {
        diagnostics.warning(
          "\(stem): the series says it has burned-in annotation; pixels are not cleaned")
      }
      let lesions = lesionSegments(study)
      let segURL = folder.appendingPathComponent("\(stem)-seg.dcm")
      let segmentation = try DicomOutputs.writeSegmentation(
        labels: study.labels, source: study.metadata, to: segURL, deidentifier: deidentifier,
        lesions: lesions)
      let srURL = folder.appendingPathComponent("\(stem)-sr.dcm")
      try DicomOutputs.writeMeasurementReport(
        measurementInput(study, segmentation: segmentation, lesions: lesions), to: srURL,
        deidentifier: deidentifier)
      outputs.append(try CaseReportRun.outputRecord("dicom_\(stem)_seg", segURL))
      outputs.append(try CaseReportRun.outputRecord("dicom_\(stem)_sr", srURL))
    }

    if let last = rendered.result.studies.last {
      let pdfURL = folder.appendingPathComponent("report-pdf.dcm")
      try DicomOutputs.writeEncapsulatedPDF(
        pdf: try Data(contentsOf: report), source: last.metadata, title: "ctcase case report",
        to: pdfURL, deidentifier: deidentifier)
      outputs.append(try CaseReportRun.outputRecord("dicom_report_pdf", pdfURL))
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
