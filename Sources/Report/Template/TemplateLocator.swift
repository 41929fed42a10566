import Foundation

/// Finds `Templates/report`: `CTCASE_TEMPLATES` (the folder holding `report/`) if set, else
/// the first `Templates/report` found walking up from the executable, then from the working
/// directory (a source checkout or an installed share folder).
public enum TemplateLocator {
  /// How many parent folders to try above each starting point.
  static let maxDepth = 8

  public static func reportDirectory() -> URL? {
    let manager = FileManager.default
    if let root = ProcessInfo.processInfo.environment["CTCASE_TEMPLATES"], !root.isEmpty {
      return URL(fileURLWithPath: root).appendingPathComponent("report")
    }
    let starts = [
      URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        .deletingLastPathComponent(),
      URL(fileURLWithPath: manager.currentDirectoryPath),
    ]
    for start in starts {
      var folder = start
      for _ in 0..<maxDepth {
        let candidate = folder.appendingPathComponent("Templates/report")
        if manager.fileExists(atPath: candidate.appendingPathComponent("standard.json").path) {
          return candidate
        }
        folder = folder.deletingLastPathComponent()
      }
    }
    return nil
  }
}
