import Foundation
import Imaging

/// The files found under the paths a user gave, sorted into the formats ingest reads.
struct ScannedInputs: Sendable {
  /// Files recognised as DICOM by content, sorted by path.
  var dicom: [String] = []
  /// NIfTI (`.nii`, `.nii.gz`) and NRRD (`.nrrd`, `.nhdr`) files, sorted by path.
  var volumes: [String] = []
  /// Files in folders that are none of these (previews, notes); ignored.
  var ignoredCount = 0
  /// Symbolic links in folders that were not followed, sorted by path: ones whose target is
  /// missing or unreadable, and links to folders. Each is warned about by name (a dangling
  /// slice link shows up as an unexplained gap otherwise).
  var skippedLinks: [SkippedLink] = []

  struct SkippedLink: Sendable {
    var path: String
    var reason: String
  }

  /// One warning per skipped link.
  var skippedLinkWarnings: [IngestWarning] {
    skippedLinks.map {
      IngestWarning(code: IngestWarningCode.skippedLink, file: $0.path, message: $0.reason)
    }
  }
}

/// Expands files and folders (recursively) and recognises each file's format.
enum InputScanner {
  static let niftiSuffixes = [".nii", ".nii.gz"]
  static let nrrdSuffixes = [".nrrd", ".nhdr"]

  /// - Throws: `IngestError.unreadable` for a path that does not exist, `.noImages` for a file
  ///   given by name that is no image format ingest reads.
  static func scan(_ urls: [URL]) throws -> ScannedInputs {
    var result = ScannedInputs()
    for url in urls {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
        throw IngestError.unreadable(path: url.path, reason: "no such file or folder")
      }
      if isFolder.boolValue {
        try scanFolder(url, into: &result)
      } else {
        guard classify(url.path, into: &result) else {
          throw IngestError.noImages(
            path: url.path, reason: "not DICOM (by content), NIfTI or NRRD")
        }
      }
    }
    result.dicom = Array(Set(result.dicom)).sorted()
    result.volumes = Array(Set(result.volumes)).sorted()
    result.skippedLinks.sort { $0.path < $1.path }
    return result
  }

  static func isVolumeFile(_ path: String) -> Bool {
    let lower = path.lowercased()
    return (niftiSuffixes + nrrdSuffixes).contains { lower.hasSuffix($0) }
  }

  static func isNrrd(_ path: String) -> Bool {
    nrrdSuffixes.contains { path.lowercased().hasSuffix($0) }
  }

  /// Lists `folder` recursively. The folder itself may be a symbolic link (a study linked into
  /// a case folder): its target is listed, and the files keep the path the user gave. Links to
  /// folders further down are not followed (no loops, no study read twice).
  private static func scanFolder(_ folder: URL, into result: inout ScannedInputs) throws {
    let target = folder.resolvingSymlinksInPath()
    guard
      let walker = FileManager.default.enumerator(
        at: target, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else {
      throw IngestError.unreadable(path: folder.path, reason: "cannot list the folder")
    }
    for case let url as URL in walker {
      let path =
        url.path.hasPrefix(target.path + "/")
        ? folder.path + url.path.dropFirst(target.path.count) : url.path
      guard isRegularFile(url.path) else {
        if let reason = skippedLinkReason(url.path) {
          result.skippedLinks.append(.init(path: path, reason: reason))
        }
        continue
      }
      if !classify(path, into: &result) { result.ignoredCount += 1 }
    }
  }

  /// True for a regular file or a symbolic link to one; false for folders (links to folders
  /// included) and anything that cannot be examined. stat(2) directly: URL resource values cost
  /// several system calls per file, which showed in the time to load a series of a few hundred
  /// slices.
  private static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// A NIfTI or NRRD file is known by its name (the readers need it: `.gz`, a detached `.nhdr`
  /// header); a symbolic link named otherwise is read as its target, by the target's name.
  private static func classify(_ path: String, into result: inout ScannedInputs) -> Bool {
    if isVolumeFile(path) {
      result.volumes.append(path)
    } else if let target = linkTarget(path), isVolumeFile(target) {
      result.volumes.append(target)
    } else if DicomFile.looksLikeDicom(path) {
      result.dicom.append(path)
    } else {
      return false
    }
    return true
  }

  /// Why the symbolic link at `path` is not read (a link to a folder is not followed; one
  /// whose target cannot be examined is broken); nil when `path` is no link.
  private static func skippedLinkReason(_ path: String) -> String? {
    guard linkTarget(path) != nil else { return nil }
    var info = stat()
    guard stat(path, &info) == 0 else {
      return "a symbolic link whose target is missing or unreadable; skipped"
    }
    return info.st_mode & S_IFMT == S_IFDIR
      ? "a symbolic link to a folder inside the study; not followed (give that folder itself)"
      : "a symbolic link to something that is not a file; skipped"
  }

  /// The file a symbolic link at `path` leads to; nil when `path` is no link (one lstat(2), as
  /// most files are not).
  private static func linkTarget(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }
}
