import Analysis

/// An analysis refusal with the study it refused, so the one error line names the input
/// ("…/A002304/axial: volume is not a chest CT: 1 slice(s); …") as every ctcase error does.
struct StudyAnalysisFailure: Error, CustomStringConvertible {
  /// The study as the user gave it (folder, file, or the first of several files).
  let path: String
  let reason: AnalysisError

  var description: String { "\(path): \(reason)" }

  /// Runs `body`, naming `path` in any `AnalysisError` it throws.
  static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as AnalysisError {
      throw StudyAnalysisFailure(path: path, reason: error)
    }
  }
}
