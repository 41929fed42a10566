import Foundation
import Imaging
import TestSupport

@testable import Phantom

/// Phantom cases shared by the tests, rendered once on the coarse test protocol.
enum PhantomFixtures {
  static let seed: UInt64 = 7

  /// The seed course's three studies in memory (coarse grid, truth for the preset).
  static let seedCourse: [(volume: Volume, labels: LabelVolume, truth: StudyTruth)] = {
    let generator = PhantomGenerator(preset: .seedCourse, seed: seed, scan: .coarseForTests)
    return (0..<generator.studyCount).map { generator.makeStudy(index: $0, threads: 2) }
  }()

  /// SHA-256 of every file under `folder`, keyed by relative path (coreutils `sha256sum`).
  static func sha256OfFiles(in folder: URL) throws -> [String: String] {
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
      .filter { !$0.hasPrefix(".") && !isFolder(folder.appendingPathComponent($0)) }
      .sorted()
    var hashes: [String: String] = [:]
    for chunk in stride(from: 0, to: files.count, by: 200) {
      let part = Array(files[chunk..<min(files.count, chunk + 200)])
      let result = try TestEnvironment.run(
        URL(fileURLWithPath: "/usr/bin/sha256sum"),
        part.map { folder.appendingPathComponent($0).path })
      for (file, line) in zip(part, result.stdout.split(separator: "\n")) {
        hashes[file] = String(line.prefix(64))
      }
    }
    return hashes
  }

  static func isFolder(_ url: URL) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder)
      && folder.boolValue
  }

  /// The first path of `name` found on PATH-like standard locations, if installed.
  static func tool(_ name: String) -> URL? {
    ["/usr/bin", "/usr/local/bin", "/bin"].map { URL(fileURLWithPath: "\($0)/\(name)") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }
}
