import Imaging

/// The UIDs of an object ctcase writes, derived from its inputs (see `DicomUID`).
public struct DicomObjectIdentity: Sendable, Equatable {
  public var sopClassUID: String
  public var sopInstanceUID: String
  public var seriesInstanceUID: String
  public var studyInstanceUID: String

  /// The identity of an object of `kind` made from `source` whose content digest is
  /// `contentDigest` (hex of SHA-256 over the content, so other content gets another UID).
  init(kind: DicomObjectKind, source: StudyMetadata, contentDigest: String) {
    let study = source.studyInstanceUID ?? DicomUID.derive(kind: "study", Self.studyParts(source))
    let series = source.seriesInstanceUID ?? ""
    sopClassUID = kind.sopClassUID
    studyInstanceUID = study
    seriesInstanceUID = DicomUID.derive(kind: "series." + kind.rawValue, [study, series])
    sopInstanceUID = DicomUID.derive(
      kind: "instance." + kind.rawValue, [study, series, contentDigest])
  }

  /// What names a study that came without a Study Instance UID (NIfTI input, say).
  private static func studyParts(_ source: StudyMetadata) -> [String] {
    let patient = source.patient
    return [patient.id ?? "", patient.name ?? "", source.studyDate ?? ""]
  }
}

extension DicomSHA256 {
  /// The lowercase hex digest of `bytes`.
  static func hex(_ bytes: [UInt8]) -> String {
    digest(bytes).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
