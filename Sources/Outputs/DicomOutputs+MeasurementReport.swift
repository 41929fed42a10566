import Foundation
import Imaging

extension DicomOutputs {
  static let deviceObserverKind = "device.ctcase"
  static let currentEvidenceSequence = DicomTag(0x0040, 0xA375)
  static let referencedSOPSequence = DicomTag(0x0008, 0x1199)

  /// Writes the TID 1500 Measurement Report (Enhanced SR) of one study at `url`.
  ///
  /// The report holds one volumetric ROI group (TID 1411) per lung (segment 1 or 2: volume)
  /// and per lesion (segment 3 or 4: volume, longest and perpendicular diameter, mean HU),
  /// each with a tracking identifier and UID that stay the same across the course, plus a
  /// whole-study group (TID 1501) with lung volume and percentage of opacity. Its image
  /// library lists every source image, and its evidence names the source series and the SEG.
  /// - Throws: `DicomOutputsError.invalidInput` when a value is not finite or the source has
  ///   no Series Instance UID or no study date; `.encodingFailed`, `.fileSystem` as for the other writers.
  @discardableResult
  public static func writeMeasurementReport(
    _ input: MeasurementReportInput, to url: URL, deidentifier: Deidentifier? = nil
  ) throws -> DicomObjectIdentity {
    let kind = DicomObjectKind.measurementReport
    let metadata = prepared(input.source, deidentifier)
    let values = try DicomReportValues(input: input, path: url.path)
    guard let seriesUID = metadata.seriesInstanceUID else {
      throw DicomOutputsError.invalidInput(
        path: url.path, object: kind.noun, problem: "the source series has no Series Instance UID")
    }
    try requireStudyDate(metadata, kind: kind, url: url)

    let digest = DicomSHA256.hex(
      Array((values.canonical + [input.segmentation.sopInstanceUID]).joined(separator: "\n").utf8))
    let identity = DicomObjectIdentity(kind: kind, source: metadata, contentDigest: digest)
    try DicomFileWriter.write(to: url, kind: kind) { path in
      let builder = try DicomReportBuilder(
        deviceObserverUID: DicomUID.derive(kind: deviceObserverKind, []), procedure: .ctChest)
      for uid in metadata.sopInstanceUIDs {
        try builder.addImage(
          sopClassUID: metadata.sopClassUID ?? ctImageStorage, sopInstanceUID: uid,
          modality: metadata.modality ?? "CT")
      }
      try addGroups(
        values, input: input, patient: metadata.patient, seriesUID: seriesUID, to: builder)

      let common = try DicomCommonAttributes.make(
        source: metadata, kind: kind, identity: identity, deidentified: deidentifier != nil)
      try setEvidence(metadata: metadata, seriesUID: seriesUID, input: input, on: common)
      try declarePrivateCodingScheme(on: common)
      try builder.write(common: common, to: path)
    }
    return identity
  }

  private static func addGroups(
    _ values: DicomReportValues, input: MeasurementReportInput, patient: PatientInfo,
    seriesUID: String, to builder: DicomReportBuilder
  ) throws {
    for lung in values.lungs {
      try builder.addSegmentGroup(
        trackingID: lung.trackingID,
        trackingUID: DicomUID.trackingUID(patient: patient, trackingID: lung.trackingID),
        finding: .lung, site: .lung, laterality: lung.laterality,
        segmentation: input.segmentation, segment: lung.segment, sourceSeriesUID: seriesUID)
      try builder.addMeasurement(.volume, value: lung.volumeML, unit: .millilitre)
    }
    for lesion in values.lesions {
      try builder.addSegmentGroup(
        trackingID: lesion.trackingID,
        trackingUID: DicomUID.trackingUID(patient: patient, trackingID: lesion.trackingID),
        finding: lesion.finding, site: .lung, laterality: lesion.laterality,
        segmentation: input.segmentation, segment: lesion.segment, sourceSeriesUID: seriesUID)
      try builder.addMeasurement(.volume, value: lesion.volumeML, unit: .millilitre)
      try builder.addMeasurement(.longAxis, value: lesion.longestMM, unit: .millimetre)
      try builder.addMeasurement(.shortAxis, value: lesion.perpendicularMM, unit: .millimetre)
      try builder.addMeasurement(
        .attenuationCoefficient, value: lesion.meanHU, unit: .hounsfieldUnit, derivation: .mean)
    }
    let whole = DicomReportValues.wholeLungsTrackingID
    try builder.addStudyGroup(
      trackingID: whole, trackingUID: DicomUID.trackingUID(patient: patient, trackingID: whole),
      finding: .lung, site: .lung)
    try builder.addStudyMeasurement(.volume, value: values.lungVolumeML, unit: .millilitre)
    try builder.addStudyMeasurement(.percentOpacity, value: values.poPercent, unit: .percent)
  }

  /// Names the private coding scheme of `DicomCode.percentOpacity` (PS3.3 C.12.1.1.2).
  private static func declarePrivateCodingScheme(on attributes: DicomAttributes) throws {
    let item = [(DicomTag.codingSchemeIdentificationSequence, 0)]
    try attributes.set(.codingSchemeDesignator, DicomCode.percentOpacity.scheme, at: item)
    try attributes.set(.codingSchemeName, "ctcase private codes", at: item)
    try attributes.set(.codingSchemeResponsibleOrganization, "ctcase", at: item)
  }

  /// Current Requested Procedure Evidence: the source series and the Segmentation.
  private static func setEvidence(
    metadata: StudyMetadata, seriesUID: String, input: MeasurementReportInput,
    on attributes: DicomAttributes
  ) throws {
    let study = [(currentEvidenceSequence, 0)]
    try attributes.set(.studyInstanceUID, input.segmentation.studyInstanceUID, at: study)
    let source = study + [(DicomTag.referencedSeriesSequence, 0)]
    try attributes.set(.seriesInstanceUID, seriesUID, at: source)
    for (index, uid) in metadata.sopInstanceUIDs.enumerated() {
      let item = source + [(referencedSOPSequence, index)]
      try attributes.set(.referencedSOPClassUID, metadata.sopClassUID ?? ctImageStorage, at: item)
      try attributes.set(.referencedSOPInstanceUID, uid, at: item)
    }
    let segmentation = study + [(DicomTag.referencedSeriesSequence, 1)]
    try attributes.set(.seriesInstanceUID, input.segmentation.seriesInstanceUID, at: segmentation)
    let item = segmentation + [(referencedSOPSequence, 0)]
    try attributes.set(.referencedSOPClassUID, input.segmentation.sopClassUID, at: item)
    try attributes.set(.referencedSOPInstanceUID, input.segmentation.sopInstanceUID, at: item)
  }
}
