import Foundation

/// Why ingest used the series it used, as facts a report can word in its own language.
///
/// `englishText` is the sentence `ctcase inspect`, the provenance record and the standard
/// report show; a report in another language words the same facts from its template.
public struct SeriesChoice: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable {
    /// The user named the series (`--series`).
    case requested
    /// Ranked best among the CT image series of a DICOM study.
    case ranked
    /// The input was one volume file (NIfTI or NRRD).
    case volumeFile = "volume_file"
  }

  public var kind: Kind
  /// "axial", "coronal", "sagittal" or "oblique" (ranked series only).
  public var orientation: String?
  public var originalPrimary: Bool
  public var sliceThicknessMM: Double?
  /// Extent of the slices along their normal (mm).
  public var coverageMM: Double?
  /// CT image series that could have been used; 1 means this was the only one.
  public var candidateCount: Int
  /// Series set aside, by role ("localizer", "dose report", ...), with how many of each.
  public var setAside: [String: Int]
  /// The volume file's name (volume files only).
  public var fileName: String?

  public init(
    kind: Kind, orientation: String? = nil, originalPrimary: Bool = false,
    sliceThicknessMM: Double? = nil, coverageMM: Double? = nil, candidateCount: Int = 1,
    setAside: [String: Int] = [:], fileName: String? = nil
  ) {
    self.kind = kind
    self.orientation = orientation
    self.originalPrimary = originalPrimary
    self.sliceThicknessMM = sliceThicknessMM
    self.coverageMM = coverageMM
    self.candidateCount = candidateCount
    self.setAside = setAside
    self.fileName = fileName
  }

  /// The same facts without the file name, which may name the patient (de-identified outputs).
  public var withoutFileName: SeriesChoice {
    var copy = self
    copy.fileName = nil
    return copy
  }

  /// The choice in one English sentence, e.g. "axial CT, ORIGINAL/PRIMARY, 1.25 mm slices,
  /// 318.8 mm coverage; best of 2 CT image series; set aside: 1 localizer".
  public var englishText: String {
    switch kind {
    case .requested:
      return "picked with --series"
    case .volumeFile:
      return "the only volume in \(fileName ?? "the file")"
    case .ranked:
      var parts = ["\(orientation ?? "oblique") CT"]
      if originalPrimary { parts.append("ORIGINAL/PRIMARY") }
      if let sliceThicknessMM {
        parts.append(String(format: "%.2f mm slices", sliceThicknessMM))
      }
      if let coverageMM { parts.append(String(format: "%.1f mm coverage", coverageMM)) }

      var text = parts.joined(separator: ", ")
      text +=
        candidateCount == 1
        ? "; the only CT image series" : "; best of \(candidateCount) CT image series"
      if !setAside.isEmpty {
        text +=
          "; set aside: "
          + setAside.keys.sorted().map { "\(setAside[$0] ?? 0) \($0)" }.joined(separator: ", ")
      }
      return text
    }
  }
}
