import Foundation

/// What a report was made from and with: enough to re-run it and to prove that nothing changed.
///
/// Written as `<report stem>.provenance.json` beside every report. Nothing in it depends on the
/// clock, the working directory, the output file names or the locale, so two runs on the same
/// inputs and version write the same bytes. Paths of inputs are relative to the case folder.
public struct Provenance: Sendable, Codable, Equatable {
  public static let currentSchema = "ctcase.provenance/1"

  public var schema: String
  public var tool: ToolRecord
  /// Library name -> version string, as the libraries report themselves.
  public var libraries: [String: String]
  /// The case manifest, relative to the provenance file's folder, and its hash.
  public var caseManifest: FileRecord
  public var template: NamedRecord
  public var rules: NamedRecord
  /// Every analysis parameter, as decoded (see `AnalysisParameters`).
  public var parameters: [String: JSONScalar]
  /// Command options that change output bytes (page size, de-identification, format...).
  public var options: [String: String]
  public var fonts: [FileRecord]
  /// Every input file read, sorted by path.
  public var inputs: [FileRecord]
  /// Every output written besides this record, keyed by role (e.g. `report_pdf`).
  public var outputs: [OutputRecord]

  enum CodingKeys: String, CodingKey {
    case schema, tool, libraries
    case caseManifest = "case_manifest"
    case template, rules, parameters, options, fonts, inputs, outputs
  }

  public init(
    tool: ToolRecord, libraries: [String: String], caseManifest: FileRecord,
    template: NamedRecord, rules: NamedRecord, parameters: [String: JSONScalar],
    options: [String: String], fonts: [FileRecord], inputs: [FileRecord], outputs: [OutputRecord]
  ) {
    self.schema = Provenance.currentSchema
    self.tool = tool
    self.libraries = libraries
    self.caseManifest = caseManifest
    self.template = template
    self.rules = rules
    self.parameters = parameters
    self.options = options
    self.fonts = fonts
    self.inputs = inputs.sorted { $0.path < $1.path }
    self.outputs = outputs.sorted { $0.role < $1.role }
  }
}

/// The tool that wrote a record.
public struct ToolRecord: Sendable, Codable, Equatable {
  public var name: String
  public var version: String
  public var buildCommit: String

  public init(name: String = "ctcase", version: String, buildCommit: String) {
    self.name = name
    self.version = version
    self.buildCommit = buildCommit
  }

  enum CodingKeys: String, CodingKey {
    case name, version
    case buildCommit = "build_commit"
  }
}

/// One file by path and content hash.
public struct FileRecord: Sendable, Codable, Equatable {
  public var path: String
  public var sha256: String
  public var bytes: Int

  public init(path: String, sha256: String, bytes: Int) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
  }
}

/// A template or rule set: the name the case asked for, and the hash of the file used.
public struct NamedRecord: Sendable, Codable, Equatable {
  public var name: String
  public var sha256: String

  public init(name: String, sha256: String) {
    self.name = name
    self.sha256 = sha256
  }
}

/// One output by role, so that renaming an output does not change the record.
public struct OutputRecord: Sendable, Codable, Equatable {
  public var role: String
  public var sha256: String
  public var bytes: Int

  public init(role: String, sha256: String, bytes: Int) {
    self.role = role
    self.sha256 = sha256
    self.bytes = bytes
  }
}

/// A parameter value as it appears in JSON: a number, a string or a flag.
public enum JSONScalar: Sendable, Codable, Equatable, CustomStringConvertible {
  case number(Double)
  case string(String)
  case bool(Bool)

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let d = try? c.decode(Double.self) {
      self = .number(d)
    } else {
      self = .string(try c.decode(String.self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .number(let d): try c.encode(d)
    case .string(let s): try c.encode(s)
    case .bool(let b): try c.encode(b)
    }
  }

  public var description: String {
    switch self {
    case .number(let d): return JSONScalar.format(d)
    case .string(let s): return s
    case .bool(let b): return b ? "true" : "false"
    }
  }

  /// A number as the shortest text that reads back to the same value ("-300", "0.05").
  static func format(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
  }
}
