/// Why the course stage refused a case; each description is one line naming the file at fault.
public enum CourseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A field of the case manifest is missing, malformed or inconsistent.
  case manifest(JSONFieldError)
  /// The manifest or case folder could not be read at all.
  case unreadable(path: String, reason: String)
  /// A case folder holds no study folders.
  case emptyCaseFolder(path: String)
  /// A study's date is neither in the manifest nor in its DICOM header.
  case missingStudyDate(path: String, field: String)
  /// Two studies resolved to dates in the wrong order or the same date.
  case studyDatesOutOfOrder(path: String, field: String, problem: String)
  /// The lung masks of two studies could not be aligned.
  case alignmentFailed(study: String, reason: String)

  public var description: String {
    switch self {
    case .manifest(let e): return e.description
    case .unreadable(let path, let reason): return "\(path): cannot read the case: \(reason)"
    case .emptyCaseFolder(let path):
      return "\(path): no study folders found (expected one sub-folder per study, or a case.json)"
    case .missingStudyDate(let path, let field):
      return "\(path): \(field): no date given and the DICOM has no StudyDate"
    case .studyDatesOutOfOrder(let path, let field, let problem):
      return "\(path): \(field): \(problem)"
    case .alignmentFailed(let study, let reason):
      return "\(study): cannot align the study to the first study: \(reason)"
    }
  }
}
