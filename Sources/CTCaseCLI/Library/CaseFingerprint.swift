import Foundation
import Imaging
import Ingest

/// A cheap identity of a case's inputs and of this build: the manifest bytes plus the path,
/// size and modification time of every file below the case folder, and the tool version and
/// commit. Equal fingerprints mean a library case's outputs are current and need no re-render.
enum CaseFingerprint {
  static func of(_ source: URL) -> String {
    var text = "\(ToolVersion.string) \(ToolVersion.buildCommit)\n"
    let folder = isDirectory(source) ? source : source.deletingLastPathComponent()
    if !isDirectory(source), let data = FileManager.default.contents(atPath: source.path) {
      text += FileHash.sha256(data) + "\n"
    }
    let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }
    for relative in (files ?? []).sorted() {
      var info = stat()
      guard stat(folder.appendingPathComponent(relative).path, &info) == 0 else { continue }
      text += "\(relative) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
    }
    return FileHash.sha256(Data(text.utf8))
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
  }
}
