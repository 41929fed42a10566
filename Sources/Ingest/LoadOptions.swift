import Imaging

/// How `StudyLoader` should load: which series (if the user picked one) and how many threads.
public struct LoadOptions: Sendable {
  /// Series Instance UID to load instead of the automatic choice; nil lets ingest choose.
  public var seriesInstanceUID: String?
  /// Worker threads for hashing and pixel decoding; results never depend on it.
  public var threads: Int

  public init(
    seriesInstanceUID: String? = nil, threads: Int = ParallelSlices.defaultThreadCount
  ) {
    self.seriesInstanceUID = seriesInstanceUID
    self.threads = threads
  }
}

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
