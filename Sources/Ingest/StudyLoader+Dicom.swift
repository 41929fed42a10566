import Foundation
import Imaging

extension StudyLoader {
  /// Headers of every DICOM file, grouped; unreadable files become warnings.
  struct DicomScan {
    var groups: [SeriesGroup]
    var warnings: [IngestWarning]
  }

  static func scanDicom(_ files: [String], threads: Int) -> DicomScan {
    let results = ParallelSlices.map(count: files.count, threads: threads) { _, range in
      range.map { i -> Result<DicomImageHeader, IngestError> in
        Result {
          try DicomImageHeader.read(path: files[i], byteCount: try byteCount(files[i]))
        }.mapError { $0 as? IngestError ?? .corrupt(path: files[i], reason: "\($0)") }
      }
    }.joined()

    var headers: [DicomImageHeader] = []
    var warnings: [IngestWarning] = []
    for result in results {
      switch result {
      case .success(let header): headers.append(header)
      case .failure(let error):
        warnings.append(
          IngestWarning(
            code: IngestWarningCode.unreadableFile, file: error.path,
            message: "skipped: \(error.description.dropFirst(error.path.count + 2))"))
      }
    }
    let (groups, groupWarnings) = SeriesCatalog.group(headers)
    return DicomScan(groups: groups, warnings: warnings + groupWarnings)
  }

  static func loadDicom(_ files: [String], options: LoadOptions, label: String) throws
    -> LoadedStudy
  {
    let scan = scanDicom(files, threads: options.threads)
    let (index, reason) = try SeriesSelector.choose(
      scan.groups, requested: options.seriesInstanceUID, folder: label)
    let group = scan.groups[index]
    try refuseUnplacedFrames(group)
    let stack = try SliceStack.build(group)
    let (volume, decodeWarnings, inputFiles) = try DicomVolumeReader.read(
      group, stack: stack, threads: options.threads, hashing: options.hashesInputs)
    try HounsfieldCheck.verify(volume, path: group.first.path)

    var metadata = self.metadata(group, stack: stack)
    metadata.selectionReason = reason.englishText
    metadata.seriesChoice = reason
    let warnings =
      scan.warnings + mixedStudiesWarning(scan.groups, chosen: group) + headerWarnings(group)
      + stack.warnings + decodeWarnings
    return LoadedStudy(
      volume: volume, metadata: metadata, warnings: warnings, inputFiles: inputFiles)
  }

  /// A file of the series whose frames have no position would silently be missing from the
  /// volume (a slice left out changes it): the series is refused, naming the file.
  /// - Throws: `IngestError.inconsistentGeometry` naming the first such file.
  static func refuseUnplacedFrames(_ group: SeriesGroup) throws {
    guard let header = group.headers.first(where: \.hasUnplacedFrames) else { return }
    throw IngestError.inconsistentGeometry(
      path: header.path, property: "Number of Frames (0028,0008)",
      reason: header.unplacedFramesReason + "; its pixels would be missing from the volume")
  }

  /// Study facts from the first slice, with the character set applied.
  static func metadata(_ group: SeriesGroup, stack: SliceStack) -> StudyMetadata {
    let first = group.headers[stack.ordered[0].header]
    return StudyMetadata(
      patient: first.patient, studyDate: studyDate(first),
      studyInstanceUID: first.studyInstanceUID, seriesInstanceUID: first.seriesInstanceUID,
      frameOfReferenceUID: first.frameOfReferenceUID, studyDescription: first.studyDescription,
      seriesDescription: first.seriesDescription, institutionName: first.institutionName,
      manufacturer: first.manufacturer, modality: first.modality,
      sliceThicknessMM: first.sliceThicknessMM, transferSyntax: first.transferSyntaxUID,
      sopInstanceUIDs: stack.ordered.compactMap { group.headers[$0.header].sopInstanceUID },
      sopClassUID: first.sopClassUID,
      burnedInAnnotation: group.headers.contains { $0.burnedInAnnotation },
      studyTime: first.studyTime, studyID: first.studyID, accessionNumber: first.accessionNumber,
      referringPhysicianName: first.referringPhysicianName)
  }

  /// StudyDate, else SeriesDate, else AcquisitionDate, as `YYYY-MM-DD` when valid.
  static func studyDate(_ header: DicomImageHeader) -> String? {
    [header.studyDateText, header.seriesDateText, header.acquisitionDateText]
      .lazy.compactMap { DicomDate.isoDate($0) }.first
  }

  /// Date, burned-in annotation and character set problems of the series' headers.
  /// A warning when the input holds image series of more than one study: only the chosen
  /// series is used, and a user who meant a different date should know. Names study UIDs
  /// only (no dates or names: they may identify the patient).
  static func mixedStudiesWarning(_ groups: [SeriesGroup], chosen: SeriesGroup) -> [IngestWarning] {
    let studies = Set(
      groups.filter { !$0.slices.isEmpty }.compactMap { $0.first.studyInstanceUID })
    guard studies.count > 1 else { return [] }
    return [
      IngestWarning(
        code: IngestWarningCode.mixedStudies, file: chosen.first.path,
        message: "the input holds image series of \(studies.count) studies; only series "
          + "\(chosen.seriesInstanceUID) of study \(chosen.first.studyInstanceUID ?? "?") is "
          + "used (give each study its own folder, or pick one with --series)")
    ]
  }

  static func headerWarnings(_ group: SeriesGroup) -> [IngestWarning] {
    let first = group.first
    var warnings: [IngestWarning] = []
    if let text = first.studyDateText, DicomDate.isoDate(text) == nil {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.invalidDate, file: first.path,
          message: "Study Date (0008,0020) '\(text)' is not a possible date; "
            + (studyDate(first).map { "using \($0) from another date field" } ?? "date unknown")))
    }
    if let marked = group.headers.first(where: \.burnedInAnnotation) {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.burnedInAnnotation, file: marked.path,
          message: "Burned In Annotation (0028,0301) is YES: pixels may show identifying text"))
    }
    if let bad = group.headers.first(where: { !$0.charsetConverted }) {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.characterSet, file: bad.path,
          message: "text could not be decoded with Specific Character Set '"
            + (bad.specificCharacterSet ?? "") + "'; names may be wrong"))
    }
    return warnings
  }
}
