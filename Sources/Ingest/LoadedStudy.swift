import Imaging

/// A calibrated volume with what ingest learned about it and the files it came from.
public struct LoadedStudy: Sendable {
  /// Hounsfield units (Int16) in the LPS frame; `Volume.noData` where the source had none.
  public var volume: Volume
  public var metadata: StudyMetadata
  /// Problems that were handled; each has a stable `code`.
  public var warnings: [IngestWarning]
  /// Every file the volume was read from, in slice order for DICOM.
  public var inputFiles: [InputFile]

  public init(
    volume: Volume, metadata: StudyMetadata, warnings: [IngestWarning], inputFiles: [InputFile]
  ) {
    self.volume = volume
    self.metadata = metadata
    self.warnings = warnings
    self.inputFiles = inputFiles
  }
}
