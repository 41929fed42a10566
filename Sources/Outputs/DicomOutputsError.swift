/// Why a DICOM output could not be written. Each case names the file; none carries patient data.
public enum DicomOutputsError: Error, Equatable, CustomStringConvertible {
  /// DCMTK refused to build or write the object; `reason` is its one-line message.
  case encodingFailed(path: String, object: String, reason: String)
  /// The inputs do not describe an object that can be written (empty PDF, size mismatch...).
  case invalidInput(path: String, object: String, problem: String)
  /// The finished file could not be moved into place.
  case fileSystem(path: String, reason: String)

  public var description: String {
    switch self {
    case .encodingFailed(let path, let object, let reason):
      return "\(path): cannot write the DICOM \(object): \(reason)"
    case .invalidInput(let path, let object, let problem):
      return "\(path): cannot write the DICOM \(object): \(problem)"
    case .fileSystem(let path, let reason):
      return "\(path): cannot save the DICOM file: \(reason)"
    }
  }
}
