import Foundation
import Testing

/// Where tests find the project, the real CT data beside it, and the fixture Python.
///
/// Real data lives in `../shared/data` (or `CTCASE_SHARED_DATA`); a fresh clone may not have it,
/// so tests that need it are enabled only when it is present and say why when skipped.
public enum TestEnvironment {
  /// The package root, found from this file's location.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The folder holding the real CT data sets.
  public static var sharedData: URL {
    if let env = ProcessInfo.processInfo.environment["CTCASE_SHARED_DATA"], !env.isEmpty {
      return URL(fileURLWithPath: env)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
  }

  /// A data set folder inside `sharedData`, or nil when it is not there.
  public static func sharedDataSet(_ name: String) -> URL? {
    let url = sharedData.appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// True when the named data set exists; use with `.enabled(if:_:)` and `skipReason(_:)`.
  public static func hasSharedData(_ name: String) -> Bool { sharedDataSet(name) != nil }

  /// The sentence a skipped test shows.
  public static func skipReason(_ name: String) -> Comment {
    Comment(rawValue: "skipped: ../shared/data/\(name) is not present in this checkout")
  }

  /// The Python with pydicom, nibabel and SimpleITK (`make py-deps` creates `.venv`).
  public static var python: URL? {
    if let env = ProcessInfo.processInfo.environment["CTCASE_PYTHON"], !env.isEmpty,
      FileManager.default.isExecutableFile(atPath: env)
    {
      return URL(fileURLWithPath: env)
    }
    let local = packageRoot.appendingPathComponent(".venv/bin/python")
    return FileManager.default.isExecutableFile(atPath: local.path) ? local : nil
  }

  /// A fresh empty folder under the system temporary directory.
  public static func makeTemporaryDirectory(_ prefix: String = "ctcase-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs a program and returns its exit code, stdout and stderr.
  @discardableResult
  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil
  )
    throws -> (status: Int32, stdout: String, stderr: String)
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self),
      String(decoding: errData, as: UTF8.self)
    )
  }
}

extension TestEnvironment {
  /// The release `ctcase` executable for end-to-end tests that run whole cases (a debug build
  /// is 10-35x slower at voxel work): `CTCASE_BIN`, else `.build/release/ctcase`.
  public static var releaseBinary: URL? {
    if let env = ProcessInfo.processInfo.environment["CTCASE_BIN"], !env.isEmpty,
      FileManager.default.isExecutableFile(atPath: env)
    {
      return URL(fileURLWithPath: env)
    }
    let local = packageRoot.appendingPathComponent(".build/release/ctcase")
    return FileManager.default.isExecutableFile(atPath: local.path) ? local : nil
  }

  public static var hasReleaseBinary: Bool { releaseBinary != nil }

  public static let noReleaseBinaryReason = Comment(
    rawValue: "skipped: no release ctcase binary (make test builds one and sets CTCASE_BIN)")
}
