/// One file that went into a loaded study, for provenance: where, what bytes, how many.
public struct InputFile: Sendable, Codable, Equatable {
  /// The path as found (under the folder the user gave, or as given).
  public var path: String
  /// SHA-256 of the file's bytes, 64 lowercase hex digits.
  public var sha256: String
  public var byteCount: Int

  public init(path: String, sha256: String, byteCount: Int) {
    self.path = path
    self.sha256 = sha256
    self.byteCount = byteCount
  }
}
