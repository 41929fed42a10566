import Foundation
import Imaging
import Ingest
import TestSupport
import Testing

/// The small inputs `Scripts/fixtures/make_ingest_fixtures.py` writes, generated once per test
/// process into a temporary folder.
enum IngestFixtures {
  struct Expected: Decodable {
    var size: [Int]
    var spacing: [Double]
    var origin: [Double]
  }

  enum SetupError: Error, CustomStringConvertible {
    case noPython
    case scriptFailed(String)
    var description: String {
      switch self {
      case .noPython:
        return "no fixture Python: set CTCASE_PYTHON or run `make py-deps` (needs pydicom, nibabel)"
      case .scriptFailed(let stderr): return "make_ingest_fixtures.py failed: \(stderr)"
      }
    }
  }

  private static let generated: Result<URL, Error> = Result {
    guard let python = TestEnvironment.python else { throw SetupError.noPython }
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-ingest-fixtures")
    let script = TestEnvironment.packageRoot.appendingPathComponent(
      "Scripts/fixtures/make_ingest_fixtures.py")
    let result = try TestEnvironment.run(python, [script.path, folder.path])
    guard result.status == 0 else { throw SetupError.scriptFailed(result.stderr) }
    return folder
  }

  /// The fixture folder; throws with a clear message when Python or its packages are missing.
  static func folder() throws -> URL { try generated.get() }

  static func url(_ name: String) throws -> URL { try folder().appendingPathComponent(name) }

  static func load(_ name: String, series: String? = nil) throws -> LoadedStudy {
    try StudyLoader.load(
      [try url(name)], options: LoadOptions(seriesInstanceUID: series, threads: 2))
  }

  /// The expected HU (x fastest) and geometry a regular case must produce.
  static func expected(_ name: String) throws -> (Expected, [Int16]) {
    let folder = try url(name)
    let json = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
    let geometry = try JSONDecoder().decode(Expected.self, from: json)
    let raw = try Data(contentsOf: folder.appendingPathComponent("expected.raw"))
    let voxels = raw.withUnsafeBytes { bytes in
      (0..<raw.count / 2).map { Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * $0,
        as: Int16.self)) }
    }
    return (geometry, voxels)
  }

  static func json(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: try url(name))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }
}

/// Vector comparison within a tolerance (mm).
func close(_ a: Vector3, _ b: Vector3, _ tolerance: Double = 1e-4) -> Bool {
  (a - b).length <= tolerance
}
