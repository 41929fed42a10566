import Foundation

/// Why ingest refused an input. Every case names the file (or folder) it is about, and its
/// description is one line: `<file>: <problem>`. Patient names and IDs never appear.
public enum IngestError: Error, CustomStringConvertible, Equatable {
  /// The path does not exist or cannot be read.
  case unreadable(path: String, reason: String)
  /// Nothing usable was found under the given paths.
  case noImages(path: String, reason: String)
  /// A file that should hold an image could not be parsed (truncated, corrupt, wrong format).
  case corrupt(path: String, reason: String)
  /// The pixel data of a file could not be decoded.
  case decodeFailed(path: String, reason: String)
  /// A property of the input is outside what ingest accepts (dimensions, bits, modality...).
  case unsupported(path: String, property: String, reason: String)
  /// The series asked for with `--series` is not among those found.
  case seriesNotFound(path: String, seriesInstanceUID: String, available: [String])
  /// The geometry of the slices cannot make one volume (mixed orientation, tilt, overlap...).
  case inconsistentGeometry(path: String, property: String, reason: String)
  /// The voxel values are not Hounsfield units (for example a NIfTI that lost its offset).
  case notHounsfieldUnits(path: String, reason: String)

  /// The file or folder the error is about.
  public var path: String {
    switch self {
    case .unreadable(let path, _), .noImages(let path, _), .corrupt(let path, _),
      .decodeFailed(let path, _), .unsupported(let path, _, _), .seriesNotFound(let path, _, _),
      .inconsistentGeometry(let path, _, _), .notHounsfieldUnits(let path, _):
      return path
    }
  }

  public var description: String {
    let text: String
    switch self {
    case .unreadable(_, let reason): text = "cannot read: \(reason)"
    case .noImages(_, let reason): text = "no usable image: \(reason)"
    case .corrupt(_, let reason): text = "corrupt or truncated: \(reason)"
    case .decodeFailed(_, let reason): text = "cannot decode pixel data: \(reason)"
    case .unsupported(_, let property, let reason): text = "unsupported \(property): \(reason)"
    case .seriesNotFound(_, let uid, let available):
      text =
        "series \(uid) not found; available: "
        + (available.isEmpty ? "none" : available.joined(separator: ", "))
    case .inconsistentGeometry(_, let property, let reason):
      text = "inconsistent \(property): \(reason)"
    case .notHounsfieldUnits(_, let reason): text = "values are not Hounsfield units: \(reason)"
    }
    return "\(path): \(text)".replacingOccurrences(of: "\n", with: " ")
  }
}
