import Foundation
import Imaging

extension StudyLoader {
  static func inspectDicom(_ inputs: ScannedInputs, options: LoadOptions, label: String) throws
    -> Inventory
  {
    let scan = scanDicom(inputs.dicom, threads: options.threads)
    guard !scan.groups.isEmpty else {
      throw IngestError.noImages(path: label, reason: "no readable DICOM file")
    }
    var inventory = Inventory(
      format: "dicom", studies: studies(scan.groups), selectedSeriesInstanceUID: nil,
      selectionReason: nil, warnings: scan.warnings, ignoredFileCount: inputs.ignoredCount)
    do {
      let (index, reason) = try SeriesSelector.choose(
        scan.groups, requested: options.seriesInstanceUID, folder: label)
      let group = scan.groups[index]
      inventory.selectedSeriesInstanceUID = group.seriesInstanceUID
      inventory.selectionReason = reason.englishText
      inventory.warnings += mixedStudiesWarning(scan.groups, chosen: group)
      inventory.warnings += headerWarnings(group)
      inventory.warnings += try SliceStack.build(group).warnings
    } catch let error as IngestError {
      if case .seriesNotFound = error { throw error }
      inventory.selectionReason = "no series can be used: \(error.description)"
    }
    return inventory
  }

  private static func studies(_ groups: [SeriesGroup]) -> [StudySummary] {
    var order: [String] = []
    var byStudy: [String: [SeriesGroup]] = [:]
    for group in groups {
      let uid = group.first.studyInstanceUID ?? ""
      if byStudy[uid] == nil { order.append(uid) }
      byStudy[uid, default: []].append(group)
    }
    return order.map { uid in
      let members = byStudy[uid] ?? []
      let first = members[0].first
      return StudySummary(
        studyInstanceUID: first.studyInstanceUID, studyDate: studyDate(first),
        description: first.studyDescription, series: members.map(\.summary))
    }
  }

  static func inspectVolumeFile(_ path: String, ignored: Int) throws -> Inventory {
    let study = try loadVolumeFile(path)
    let geometry = study.volume.geometry
    let format = InputScanner.isNrrd(path) ? "nrrd" : "nifti"
    let series = SeriesSummary(
      seriesInstanceUID: "", modality: nil,
      description: URL(fileURLWithPath: path).lastPathComponent,
      sliceCount: geometry.size.nz, rows: geometry.size.ny, columns: geometry.size.nx,
      pixelSpacingMM: [geometry.spacing.y, geometry.spacing.x], sliceThicknessMM: nil,
      sliceSpacingMM: geometry.spacing.z,
      coverageMM: geometry.spacing.z * Double(max(0, geometry.size.nz - 1)),
      orientation: SeriesCatalog.orientationName(geometry.direction.c2),
      transferSyntaxUID: "", transferSyntax: format.uppercased(), imageType: [], role: "candidate")
    return Inventory(
      format: format,
      studies: [
        StudySummary(studyInstanceUID: nil, studyDate: nil, description: nil, series: [series])
      ],
      selectedSeriesInstanceUID: nil, selectionReason: study.metadata.selectionReason,
      warnings: study.warnings, ignoredFileCount: ignored)
  }
}
