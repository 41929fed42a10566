import Foundation
import Imaging
import Outputs
import Report

/// The picture a case contributes to the library catalogue: its last study's key axial
/// slice (lung window, lesion outlines), shrunk to at most `maxSidePixels` a side and written
/// as a `ctcase.thumbnail/1` JSON file beside the case's summary by the case's own report run,
/// so the catalogue never re-runs an analysis.
enum CaseThumbnail {
  static let fileName = "thumbnail.json"
  /// 256 pixels over a ~350 mm field of view: ~1.4 mm per pixel, sharp at the catalogue's
  /// 30 mm tile size in print.
  static let maxSidePixels = 256

  /// The key slice of the last study, or nil when it has no axial thumbnail.
  static func make(_ input: ReportInput) -> Thumbnail? {
    guard let last = input.studies.last else { return nil }
    return Thumbnail.keyAxial(in: last.thumbnails)?.reduced(maxSidePixels: maxSidePixels)
  }

  /// Writes the key slice atomically; writes nothing when there is none.
  /// - Throws: `OutputFileError` naming the file.
  static func write(_ input: ReportInput, to url: URL) throws {
    guard let thumbnail = make(input) else { return }
    try AtomicFile.write(try CanonicalJSON.encode(ThumbnailFile(thumbnail)), to: url)
  }

  /// The thumbnail in a case folder, or nil when there is none or it does not read.
  static func read(in folder: URL) -> Thumbnail? {
    let url = folder.appendingPathComponent(fileName)
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return (try? JSONDecoder().decode(ThumbnailFile.self, from: data))?.thumbnail
  }
}
