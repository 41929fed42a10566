/// Everything that can go wrong while building or writing a report. Each description is one
/// line naming the file (or field) and the problem; none carries patient data.
public enum ReportError: Error, Equatable, CustomStringConvertible {
  /// A template file could not be read or parsed as JSON.
  case templateUnreadable(path: String, reason: String)
  /// A template field is missing, of the wrong type or has a bad value.
  case templateField(path: String, field: String, problem: String)
  /// A named template is not among the shipped ones and is not a file.
  case templateNotFound(name: String, searched: String)
  /// A font file the report needs is missing or fontconfig refused it.
  case fontUnavailable(path: String)
  /// Cairo reported an error for an output file.
  case cairo(path: String, status: String)
  /// The report input breaks a rule (no studies, a track pointing at a missing study...).
  case invalidInput(field: String, problem: String)
  /// Writing or renaming an output file failed.
  case writeFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .templateUnreadable(let path, let reason):
      "\(path): cannot read report template: \(reason)"
    case .templateField(let path, let field, let problem):
      "\(path): \(field): \(problem)"
    case .templateNotFound(let name, let searched):
      "report template '\(name)' not found (looked in \(searched))"
    case .fontUnavailable(let path):
      "\(path): font file missing or unusable (install fonts-noto-core and fonts-noto-cjk)"
    case .cairo(let path, let status):
      "\(path): cairo failed: \(status)"
    case .invalidInput(let field, let problem):
      "report input: \(field): \(problem)"
    case .writeFailed(let path, let reason):
      "\(path): cannot write: \(reason)"
    }
  }
}
