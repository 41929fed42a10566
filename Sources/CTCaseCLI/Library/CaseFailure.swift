import Foundation
import Imaging
import Outputs

/// The record a failed library case leaves in its folder (`failure.json`), so that a later
/// run, another shard's index merge and the catalogue can all say why it failed.
///
/// The reason is one line. In de-identified libraries the case's own folder path is cut from
/// it (paths often carry patient names); what remains names the file inside the case.
enum CaseFailure {
  static let fileName = "failure.json"
  /// Longer reasons are cut (with an ellipsis) so one case cannot flood the index.
  static let maxReasonCharacters = 240

  private struct Record: Codable {
    var reason: String
  }

  /// The recorded reason, or nil when the folder holds no readable record.
  static func read(in folder: URL) -> String? {
    guard let data = FileManager.default.contents(atPath: record(in: folder).path) else {
      return nil
    }
    return (try? JSONDecoder().decode(Record.self, from: data))?.reason
  }

  /// Writes the record atomically.
  /// - Throws: `OutputFileError` naming the file.
  static func write(_ reason: String, in folder: URL) throws {
    try AtomicFile.write(try CanonicalJSON.encode(Record(reason: reason)), to: record(in: folder))
  }

  static func remove(in folder: URL) {
    // Absent is the normal case; any other failure leaves a stale record the next run replaces.
    try? FileManager.default.removeItem(at: record(in: folder))
  }

  /// `reason` on one line, cut to `maxReasonCharacters`; with `hidingFolderOf` the source's
  /// folder path (and the source path itself) is removed, leaving names relative to the case.
  static func oneLine(_ reason: String, hidingFolderOf source: URL?) -> String {
    var text = reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason
    if let source {
      let path = source.standardizedFileURL.path
      let folder = source.standardizedFileURL.deletingLastPathComponent().path
      text = text.replacingOccurrences(of: path, with: source.lastPathComponent)
      text = text.replacingOccurrences(of: folder + "/", with: "")
    }
    text = text.trimmingCharacters(in: .whitespaces)
    guard text.count > maxReasonCharacters else { return text }
    return String(text.prefix(maxReasonCharacters - 1)) + "…"
  }

  private static func record(in folder: URL) -> URL {
    folder.appendingPathComponent(fileName)
  }
}
