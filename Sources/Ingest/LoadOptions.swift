import Imaging

/// How `StudyLoader` should load: which series (if the user picked one), how many threads, and
/// whether to hash the input files for provenance.
public struct LoadOptions: Sendable {
  /// Series Instance UID to load instead of the automatic choice; nil lets ingest choose.
  public var seriesInstanceUID: String?
  /// Worker threads for hashing and pixel decoding; results never depend on it.
  public var threads: Int
  /// Whether to compute each DICOM input file's SHA-256 for `LoadedStudy.inputFiles`. Commands
  /// that record no provenance (`convert`) turn it off: hashing is a sizeable part of loading
  /// an uncompressed series (about 1 GB/s on one core). Without it a DICOM study's
  /// `inputFiles` is empty. A NIfTI or NRRD file is hashed either way: NIfTI is hashed in the
  /// same pass that reads it.
  public var hashesInputs: Bool

  public init(
    seriesInstanceUID: String? = nil, threads: Int = ParallelSlices.defaultThreadCount,
    hashesInputs: Bool = true
  ) {
    self.seriesInstanceUID = seriesInstanceUID
    self.threads = threads
    self.hashesInputs = hashesInputs
  }
}
