import Analysis

/// A file and its SHA-256 (lowercase hex). `path` is as the user gave it, relative when it was.
public struct FileDigest: Sendable, Codable, Equatable {
  public var path: String
  public var sha256: String

  public init(path: String, sha256: String) {
    self.path = path
    self.sha256 = sha256
  }
}

/// A name and a version string (a library, a template, a rule set).
public struct NamedVersion: Sendable, Codable, Equatable {
  public var name: String
  public var version: String

  public init(name: String, version: String) {
    self.name = name
    self.version = version
  }
}

/// What the methods page says about how the figures were made and how to make them again.
/// Lists keep the order the pipeline gives (stable, sorted by path for input files).
public struct ReportProvenance: Sendable, Codable, Equatable {
  public var toolVersion: String
  public var buildCommit: String?
  public var libraries: [NamedVersion]
  /// Template and rule set names with their SHA-256.
  public var templates: [NamedVersion]
  public var parameters: AnalysisParameters
  public var inputFiles: [FileDigest]
  /// The command that reproduces the report.
  public var reproduceCommand: String

  public init(
    toolVersion: String, buildCommit: String? = nil, libraries: [NamedVersion] = [],
    templates: [NamedVersion] = [], parameters: AnalysisParameters,
    inputFiles: [FileDigest] = [], reproduceCommand: String
  ) {
    self.toolVersion = toolVersion
    self.buildCommit = buildCommit
    self.libraries = libraries
    self.templates = templates
    self.parameters = parameters
    self.inputFiles = inputFiles
    self.reproduceCommand = reproduceCommand
  }
}
