/// One way in which a re-run differs from what a provenance record says.
public enum ProvenanceDifference: Sendable, Equatable, CustomStringConvertible {
  case toolVersion(recorded: String, current: String)
  case buildCommit(recorded: String, current: String)
  case library(name: String, recorded: String, current: String)
  case inputChanged(path: String)
  case inputMissing(path: String)
  case inputAdded(path: String)
  case caseManifestChanged(path: String)
  case templateChanged(name: String)
  case rulesChanged(name: String)
  case parameterChanged(name: String, recorded: String, current: String)
  case fontChanged(path: String)
  case outputDiffers(role: String)
  case outputMissing(role: String)

  public var description: String {
    switch self {
    case .toolVersion(let r, let c):
      return "made by an older or different version: ctcase \(r) (this is ctcase \(c))"
    case .buildCommit(let r, let c): return "different build: commit \(r) (this is \(c))"
    case .library(let n, let r, let c): return "different library: \(n) \(r) (this uses \(c))"
    case .inputChanged(let p): return "input file changed: \(p)"
    case .inputMissing(let p): return "input file missing: \(p)"
    case .inputAdded(let p): return "input file not in the record: \(p)"
    case .caseManifestChanged(let p): return "case manifest changed: \(p)"
    case .templateChanged(let n): return "report template changed: \(n)"
    case .rulesChanged(let n): return "rule set changed: \(n)"
    case .parameterChanged(let n, let r, let c): return "parameter \(n): \(r) recorded, \(c) now"
    case .fontChanged(let p): return "font file changed: \(p)"
    case .outputDiffers(let role): return "different output bytes: \(role)"
    case .outputMissing(let role): return "output missing from the re-run: \(role)"
    }
  }
}

/// Compares a recorded provenance with the one a re-run produced.
public enum ProvenanceComparison {
  /// Every difference, version and input differences first (they explain the rest).
  public static func differences(recorded: Provenance, current: Provenance)
    -> [ProvenanceDifference]
  {
    var found: [ProvenanceDifference] = []

    if recorded.tool.version != current.tool.version {
      found.append(.toolVersion(recorded: recorded.tool.version, current: current.tool.version))
    } else if recorded.tool.buildCommit != current.tool.buildCommit {
      found.append(
        .buildCommit(recorded: recorded.tool.buildCommit, current: current.tool.buildCommit))
    }
    for name in Set(recorded.libraries.keys).union(current.libraries.keys).sorted() {
      let r = recorded.libraries[name] ?? "absent"
      let c = current.libraries[name] ?? "absent"
      if r != c { found.append(.library(name: name, recorded: r, current: c)) }
    }

    found += fileDifferences(recorded: recorded.inputs, current: current.inputs)
    if recorded.caseManifest.sha256 != current.caseManifest.sha256 {
      found.append(.caseManifestChanged(path: recorded.caseManifest.path))
    }
    if recorded.template != current.template {
      found.append(.templateChanged(name: recorded.template.name))
    }
    if recorded.rules != current.rules { found.append(.rulesChanged(name: recorded.rules.name)) }
    for name in Set(recorded.parameters.keys).union(current.parameters.keys).sorted() {
      let r = recorded.parameters[name]?.description ?? "absent"
      let c = current.parameters[name]?.description ?? "absent"
      if r != c { found.append(.parameterChanged(name: name, recorded: r, current: c)) }
    }
    let currentFonts = Dictionary(current.fonts.map { ($0.path, $0.sha256) }) { a, _ in a }
    for font in recorded.fonts where currentFonts[font.path] != font.sha256 {
      found.append(.fontChanged(path: font.path))
    }

    let currentOutputs = Dictionary(current.outputs.map { ($0.role, $0.sha256) }) { a, _ in a }
    for output in recorded.outputs {
      guard let sha = currentOutputs[output.role] else {
        found.append(.outputMissing(role: output.role))
        continue
      }
      if sha != output.sha256 { found.append(.outputDiffers(role: output.role)) }
    }
    return found
  }

  private static func fileDifferences(recorded: [FileRecord], current: [FileRecord])
    -> [ProvenanceDifference]
  {
    let now = Dictionary(current.map { ($0.path, $0.sha256) }) { a, _ in a }
    let before = Set(recorded.map(\.path))
    var found: [ProvenanceDifference] = []
    for file in recorded {
      guard let sha = now[file.path] else {
        found.append(.inputMissing(path: file.path))
        continue
      }
      if sha != file.sha256 { found.append(.inputChanged(path: file.path)) }
    }
    for file in current where !before.contains(file.path) {
      found.append(.inputAdded(path: file.path))
    }
    return found
  }
}
