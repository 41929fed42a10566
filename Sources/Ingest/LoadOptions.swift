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
