import Course
import Foundation
import Imaging

/// Checks a command's output paths before any work, so no run overwrites what it reads or
/// writes two outputs to one file (the later one replacing the earlier).
enum OutputPaths {
  /// - Parameters:
  ///   - outputs: every file or folder the command will write.
  ///   - inputs: files the command reads (an output may not be one of them) and folders it
  ///     searches (an output may not lie inside one: it would be overwritten or, as a DICOM
  ///     object, be read as part of the study next time).
  /// - Throws: `OutputFileError.writeFailed` naming the first output at fault.
  static func check(_ outputs: [URL], inputs: [URL]) throws {
    let written = outputs.map(resolved)
    var seen: Set<String> = []
    for (output, path) in zip(outputs, written) {
      guard seen.insert(path).inserted else {
        throw OutputFileError.writeFailed(
          path: output.path, reason: "it is named for two outputs of this run")
      }
    }

    for input in inputs {
      let source = resolved(input)
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: source, isDirectory: &isFolder)
      for (output, path) in zip(outputs, written) {
        if path == source {
          throw OutputFileError.writeFailed(
            path: output.path, reason: "it is an input of this run (\(input.path))")
        }
        if exists, isFolder.boolValue, path.hasPrefix(source.hasSuffix("/") ? source : source + "/")
        {
          throw OutputFileError.writeFailed(
            path: output.path,
            reason: "it lies inside the input folder \(input.path); write outputs elsewhere")
        }
      }

      guard exists, isFolder.boolValue else { continue }
      let targets = linkedFiles(in: source)
      for (output, path) in zip(outputs, written) where targets.contains(path) {
        throw OutputFileError.writeFailed(
          path: output.path,
          reason: "it is an input of this run (linked from the folder \(input.path))")
      }
    }
  }

  /// The files that symbolic links inside `folder` point to (a study folder of linked slices):
  /// an output may not replace one, though it lies outside the folder.
  private static func linkedFiles(in folder: String) -> Set<String> {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var targets: Set<String> = []
    for case let name as String in walker {
      let path = folder + "/" + name
      var status = stat()
      guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { continue }
      targets.insert(resolved(URL(fileURLWithPath: path)))
    }
    return targets
  }

  /// Refuses an output folder path that names an existing non-folder; with `create`, also
  /// makes the folder (and its parents).
  /// - Throws: `OutputFileError.writeFailed` naming the folder, in one line.
  static func folder(_ url: URL, create: Bool) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw OutputFileError.writeFailed(
          path: url.path, reason: "it exists and is not a folder (an output folder is expected)")
      }
      return
    }
    guard create else { return }
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw OutputFileError.writeFailed(path: url.path, reason: "cannot create the folder")
    }
  }

  /// Absolute, with `.`/`..` and symbolic links of existing components resolved.
  private static func resolved(_ url: URL) -> String {
    url.standardizedFileURL.resolvingSymlinksInPath().path
  }
}

extension CaseManifest {
  /// `inputPaths` and the user's rule-set file, if one was named on the command line.
  func inputPaths(rules: String?) -> [URL] {
    inputPaths + [rules].compactMap { $0 }.map { URL(fileURLWithPath: $0) }
  }

  /// What a run of this case reads: the manifest file (none for a folder of study folders)
  /// and every study folder or file.
  var inputPaths: [URL] {
    var isFolder: ObjCBool = false
    let manifestFile =
      FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder)
      && !isFolder.boolValue
    return (manifestFile ? [source] : []) + studies.map(\.url)
  }
}
