import Course
import Foundation
import Imaging
import Ingest

/// A cheap identity of a case's inputs and of this build: the manifest bytes plus the path,
/// size and modification time of every file the case reads, and the tool version and commit.
/// Equal fingerprints mean a library case's outputs are current and need no re-render.
///
/// The files are those of the manifest's study folders, wherever they are (beside the
/// manifest, elsewhere, or behind a symbolic link), as ingest reads them; a manifest that does
/// not load (the render will then fail and say why) falls back to the files below its folder.
enum CaseFingerprint {
  static func of(_ source: URL) -> String {
    var text = "\(ToolVersion.string) \(ToolVersion.buildCommit)\n"
    let manifestFile =
      isDirectory(source) ? source.appendingPathComponent(CaseManifest.folderManifestName) : source
    if let data = FileManager.default.contents(atPath: manifestFile.path) {
      text += FileHash.sha256(data) + "\n"
    }

    let studies = (try? CaseManifest.load(from: source))?.studies.map(\.url)
    let roots =
      studies ?? [isDirectory(source) ? source : source.deletingLastPathComponent()]
    for root in roots { text += listing(root) }

    return FileHash.sha256(Data(text.utf8))
  }

  /// Path, size and modification time of `root` (a file) or of every file below it (a folder,
  /// followed when it is a symbolic link, as ingest follows it).
  private static func listing(_ root: URL) -> String {
    let target = root.resolvingSymlinksInPath()
    guard isDirectory(target) else { return entry(root.path, target.path) }

    let files = FileManager.default.enumerator(atPath: target.path)?.compactMap { $0 as? String }
    return (files ?? []).sorted().map { relative in
      entry(root.path + "/" + relative, target.path + "/" + relative)
    }.joined()
  }

  /// One line for the file `shown` (the path as the case names it), read at `path`; empty
  /// when it cannot be examined.
  private static func entry(_ shown: String, _ path: String) -> String {
    var info = stat()
    guard stat(path, &info) == 0 else { return "" }
    return "\(shown) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
  }
}
