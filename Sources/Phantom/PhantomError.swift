import Foundation

/// Why a phantom could not be written. Descriptions are one line naming the file and problem.
public enum PhantomError: Error, CustomStringConvertible, Equatable {
  /// The output folder could not be created or is a file.
  case cannotCreateFolder(path: String, reason: String)
  /// DCMTK refused an attribute or could not write a file.
  case dicomWriteFailed(path: String, reason: String)
  /// A JSON or NIfTI file could not be written.
  case fileWriteFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotCreateFolder(let path, let reason):
      return "\(path): cannot create the output folder (\(reason))"
    case .dicomWriteFailed(let path, let reason):
      return "\(path): cannot write the DICOM file (\(reason))"
    case .fileWriteFailed(let path, let reason):
      return "\(path): cannot write the file (\(reason))"
    }
  }
}
