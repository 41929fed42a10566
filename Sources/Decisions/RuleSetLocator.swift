import Foundation

/// Finds rule-set files: a path as given, or a name inside `Templates/rules`.
///
/// `Templates/rules` is looked for in `CTCASE_TEMPLATES` (the folder holding `rules/`) if set,
/// else walking up from the executable, then from the working directory.
public enum RuleSetLocator {
  public static func locate(_ nameOrPath: String, rulesFolder: URL?) throws -> URL {
    let asPath = URL(fileURLWithPath: nameOrPath)
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
    if looksLikePath {
      guard FileManager.default.fileExists(atPath: asPath.path) else {
        throw DecisionsError.unreadable(path: nameOrPath, reason: "no such file")
      }
      return asPath
    }
    guard let folder = rulesFolder ?? templatesRules() else {
      throw DecisionsError.ruleSetNotFound(name: nameOrPath, searched: "no Templates folder found")
    }
    let url = folder.appendingPathComponent("\(nameOrPath).json")
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw DecisionsError.ruleSetNotFound(name: nameOrPath, searched: folder.path)
    }
    return url
  }

  /// The `Templates/rules` folder, if one can be found.
  public static func templatesRules() -> URL? {
    let env = ProcessInfo.processInfo.environment
    if let root = env["CTCASE_TEMPLATES"], !root.isEmpty {
      return URL(fileURLWithPath: root).appendingPathComponent("rules")
    }
    let starts = [
      URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        .deletingLastPathComponent(),
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    ]
    for start in starts {
      var folder = start.standardizedFileURL
      while folder.path != "/" {
        let candidate = folder.appendingPathComponent("Templates/rules")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
      }
    }
    return nil
  }
}
