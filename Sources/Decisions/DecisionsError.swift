import Course

/// Why a rule set was refused; each description is one line naming the file at fault.
public enum DecisionsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A field of the rule set is missing, malformed or out of range (file, field, line).
  case ruleSet(JSONFieldError)
  /// The rule-set file could not be read.
  case unreadable(path: String, reason: String)
  /// A rule-set name that is neither in Templates/rules nor a file.
  case ruleSetNotFound(name: String, searched: String)

  public var description: String {
    switch self {
    case .ruleSet(let e): return e.description
    case .unreadable(let path, let reason): return "\(path): cannot read the rule set: \(reason)"
    case .ruleSetNotFound(let name, let searched):
      return "\(name): no such rule set (looked in \(searched))"
    }
  }
}
