import Foundation
import Ingest

/// One case of a library: where it comes from and the neutral folder name it gets.
struct LibraryCase: Equatable {
  /// Position in the list the user gave (0-based); decides the shard.
  var position: Int
  /// The case manifest or folder of studies, as given.
  var source: URL
  /// Folder name inside the library: `case-` and 12 hex digits of a hash of the source path.
  /// It carries nothing of the patient, so de-identified libraries keep names neutral.
  var id: String
}

/// Which cases a run handles and where their outputs go.
struct LibraryPlan {
  var cases: [LibraryCase]
  var output: URL
  var shard: Shard

  /// - Throws: `LibraryError.duplicateCase` when one source is listed twice.
  init(sources: [URL], output: URL, shard: Shard) throws {
    var seen: [String: Int] = [:]
    var cases: [LibraryCase] = []
    for (position, source) in sources.enumerated() {
      let path = source.standardizedFileURL.path
      if let first = seen[path] { throw LibraryError.duplicateCase(path: path, first: first + 1) }
      seen[path] = position
      let id = "case-" + FileHash.sha256(Data(path.utf8)).prefix(12)
      cases.append(LibraryCase(position: position, source: source, id: id))
    }
    self.cases = cases
    self.output = output
    self.shard = shard
  }

  /// The cases this shard renders, in list order.
  var casesInShard: [LibraryCase] { cases.filter { shard.contains(position: $0.position) } }

  func folder(of libraryCase: LibraryCase) -> URL {
    output.appendingPathComponent(libraryCase.id, isDirectory: true)
  }
}

/// Problems with a library run as a whole (a single case failing is not one of them).
enum LibraryError: Error, CustomStringConvertible {
  case duplicateCase(path: String, first: Int)
  case noCases

  var description: String {
    switch self {
    case .duplicateCase(let path, let first):
      return "\(path): listed twice (first as case \(first))"
    case .noCases: return "library: no cases given"
    }
  }
}
