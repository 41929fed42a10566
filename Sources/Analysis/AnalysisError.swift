/// Why an analysis refused a volume or a parameter file; each description is one line.
public enum AnalysisError: Error, CustomStringConvertible, Equatable {
  /// The values do not look like Hounsfield units (no air near -1000 HU, or no negative values).
  case notInHounsfieldUnits(detail: String)
  /// The volume cannot be a chest CT (too few slices, too small a field of view).
  case notAChestCT(detail: String)
  /// No aerated lung of plausible size was found.
  case noLungsInView(foundML: Double, minimumML: Double)
  /// A parameter file could not be read or a field in it is invalid.
  case invalidParameters(path: String, field: String, problem: String)

  public var description: String {
    switch self {
    case .notInHounsfieldUnits(let detail):
      return "volume is not in Hounsfield units: \(detail)"
    case .notAChestCT(let detail):
      return "volume is not a chest CT: \(detail)"
    case .noLungsInView(let found, let minimum):
      let f = (found * 10).rounded() / 10
      return "no lungs in view: \(f) mL of aerated lung found, at least \(minimum) mL needed"
    case .invalidParameters(let path, let field, let problem):
      return "\(path): parameter '\(field)': \(problem)"
    }
  }
}
