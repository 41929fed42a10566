import Foundation
import Imaging

/// Groups DICOM headers into series and describes each one.
enum SeriesCatalog {
  private static let doseReportSOPClass = "1.2.840.10008.5.1.4.1.1.88.67"
  private static let secondaryCapturePrefix = "1.2.840.10008.5.1.4.1.1.7"
  private static let orientationDecimals = 1000.0

  /// Series in (study UID, series UID) order, each reduced to its largest set of frames with
  /// one orientation and one matrix; the rest are dropped with a warning naming them.
  static func group(_ headers: [DicomImageHeader]) -> (
    groups: [SeriesGroup], warnings: [IngestWarning]
  ) {
    let bySeries = Dictionary(grouping: headers) { $0.seriesInstanceUID ?? "" }
    var groups: [SeriesGroup] = []
    var warnings: [IngestWarning] = []
    for (uid, members) in bySeries {
      let sorted = members.sorted { $0.path < $1.path }
      let (slices, dropped) = consistentSlices(sorted)
      warnings += dropped + unplacedFrameWarnings(sorted)
      var group = SeriesGroup(
        seriesInstanceUID: uid, headers: sorted, slices: slices,
        summary: SeriesSummary.placeholder(uid))
      group.summary = summary(of: group)
      groups.append(group)
    }
    groups.sort {
      ($0.first.studyInstanceUID ?? "", $0.seriesInstanceUID)
        < ($1.first.studyInstanceUID ?? "", $1.seriesInstanceUID)
    }
    return (groups, warnings.sorted { ($0.code, $0.file) < ($1.code, $1.file) })
  }

  /// What kind of series this is, from its first header.
  static func role(of header: DicomImageHeader) -> String {
    let description = (header.seriesDescription ?? "").uppercased()
    if !header.hasImage {
      let isDose =
        header.sopClassUID == doseReportSOPClass || description.contains("DOSE")
      return isDose ? "dose-report" : "no-image"
    }
    if header.sopClassUID?.hasPrefix(secondaryCapturePrefix) == true {
      return description.contains("DOSE") ? "dose-report" : "secondary-capture"
    }
    if header.modality != "CT" { return "not-ct" }
    return header.isLocalizer ? "localizer" : "candidate"
  }

  static func orientationName(_ normal: Vector3?) -> String {
    guard let n = normal, n.length > 0 else { return "unknown" }
    if abs(n.z) >= IngestLimits.axialMinimumCosine { return "axial" }
    if abs(n.y) >= IngestLimits.axialMinimumCosine { return "coronal" }
    if abs(n.x) >= IngestLimits.axialMinimumCosine { return "sagittal" }
    return "oblique"
  }

  private static func consistencyKey(_ header: DicomImageHeader, _ frame: DicomFrame) -> String {
    let cosines = (frame.orientation ?? []).map { ($0 * orientationDecimals).rounded() }
    return "\(header.rows)x\(header.columns)|\(cosines)"
  }

  private static func consistentSlices(_ headers: [DicomImageHeader]) -> (
    [SliceSource], [IngestWarning]
  ) {
    var subsets: [String: [SliceSource]] = [:]
    var order: [String] = []
    for (h, header) in headers.enumerated() {
      for (f, frame) in header.frames.enumerated() {
        let key = consistencyKey(header, frame)
        if subsets[key] == nil { order.append(key) }
        subsets[key, default: []].append(SliceSource(header: h, frame: f))
      }
    }
    guard let largest = order.max(by: { subsets[$0]!.count < subsets[$1]!.count }) else {
      return ([], [])
    }
    // `order` holds exactly the keys of `subsets`, so the look-ups above and below succeed.
    let kept = subsets[largest]!
    let keptHeader = headers[kept[0].header]
    let warnings = order.filter { $0 != largest }.map { key -> IngestWarning in
      let sample = subsets[key]![0]
      let other = headers[sample.header]
      let sameMatrix = other.rows == keptHeader.rows && other.columns == keptHeader.columns
      return IngestWarning(
        code: sameMatrix ? IngestWarningCode.mixedOrientation : IngestWarningCode.mixedMatrix,
        file: other.path,
        message:
          "\(subsets[key]!.count) frame(s) of series \(other.seriesInstanceUID ?? "?") differ in "
          + (sameMatrix ? "orientation" : "matrix size")
          + " from the other \(kept.count) and were set aside")
    }
    return (kept, warnings)
  }

  /// Files whose frames cannot all be placed; loading the series refuses them
  /// (`StudyLoader.refuseUnplacedFrames`), `inspect` shows them.
  private static func unplacedFrameWarnings(_ headers: [DicomImageHeader]) -> [IngestWarning] {
    headers.filter(\.hasUnplacedFrames).map {
      IngestWarning(
        code: IngestWarningCode.unplacedFrames, file: $0.path,
        message: "Number of Frames (0028,0008) \($0.unplacedFramesReason); "
          + "the series cannot be loaded without those frames")
    }
  }

  private static func summary(of group: SeriesGroup) -> SeriesSummary {
    let first = group.first
    let distances = sortedDistances(group)
    let steps = zip(distances.dropFirst(), distances).map { $0 - $1 }
    let spacing = steps.isEmpty ? nil : steps.sorted()[steps.count / 2]
    return SeriesSummary(
      seriesInstanceUID: group.seriesInstanceUID, modality: first.modality,
      description: first.seriesDescription, sliceCount: group.slices.count, rows: first.rows,
      columns: first.columns, pixelSpacingMM: first.pixelSpacing,
      sliceThicknessMM: first.sliceThicknessMM, sliceSpacingMM: spacing,
      coverageMM: distances.count > 1 ? distances.last! - distances.first! : nil,
      orientation: orientationName(group.normal), transferSyntaxUID: first.transferSyntaxUID,
      transferSyntax: TransferSyntax.name(of: first.transferSyntaxUID),
      imageType: first.imageType, role: role(of: first))
  }

  /// Slice positions projected on the normal, sorted ascending (frames without one skipped).
  static func sortedDistances(_ group: SeriesGroup) -> [Double] {
    guard let normal = group.normal else { return [] }
    return group.slices.compactMap { group.frame($0).position?.dot(normal) }.sorted()
  }
}

extension SeriesSummary {
  static func placeholder(_ uid: String) -> SeriesSummary {
    SeriesSummary(
      seriesInstanceUID: uid, modality: nil, description: nil, sliceCount: 0, rows: 0,
      columns: 0, pixelSpacingMM: nil, sliceThicknessMM: nil, sliceSpacingMM: nil,
      coverageMM: nil, orientation: "unknown", transferSyntaxUID: "", transferSyntax: "",
      imageType: [], role: "no-image")
  }
}
