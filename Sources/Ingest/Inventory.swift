import Imaging

/// What `ctcase inspect` reports: every study and series found, the choice, and the warnings.
public struct Inventory: Sendable, Codable, Equatable {
  /// "dicom", "nifti" or "nrrd".
  public var format: String
  public var studies: [StudySummary]
  /// The series `StudyLoader.load` would use (nil for NIfTI/NRRD, which hold one volume).
  public var selectedSeriesInstanceUID: String?
  /// Why that series, in words.
  public var selectionReason: String?
  /// Problems found in the headers (pixel-level checks need `load`).
  public var warnings: [IngestWarning]
  /// Files under the given folders that were neither DICOM, NIfTI nor NRRD.
  public var ignoredFileCount: Int
}

/// One study (Study Instance UID) and its series.
public struct StudySummary: Sendable, Codable, Equatable {
  public var studyInstanceUID: String?
  /// `YYYY-MM-DD`, when the header has a valid date.
  public var studyDate: String?
  public var description: String?
  public var series: [SeriesSummary]
}

/// One series as the headers describe it.
public struct SeriesSummary: Sendable, Codable, Equatable {
  public var seriesInstanceUID: String
  public var modality: String?
  public var description: String?
  /// Frames that make up the series (one per file for classic images).
  public var sliceCount: Int
  public var rows: Int
  public var columns: Int
  /// Row spacing and column spacing in mm.
  public var pixelSpacingMM: [Double]?
  public var sliceThicknessMM: Double?
  /// The typical distance between neighbouring slice positions (mm), when there are two or more.
  public var sliceSpacingMM: Double?
  /// Distance from the first to the last slice position along the normal (mm).
  public var coverageMM: Double?
  /// "axial", "coronal", "sagittal", "oblique" or "unknown".
  public var orientation: String
  public var transferSyntaxUID: String
  public var transferSyntax: String
  public var imageType: [String]
  /// "candidate", "localizer", "dose-report", "secondary-capture", "not-ct" or "no-image".
  public var role: String
}
