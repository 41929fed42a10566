import Analysis
import Foundation
import Imaging
import TestSupport

/// Real volumes for tests, converted by `Scripts/fixtures/volume_to_raw.py` (SimpleITK) into a
/// temporary folder: raw little-endian int16 plus a JSON geometry in LPS.
enum RawVolumeFixture {
  struct GeometryJSON: Decodable {
    var size: [Int]
    var spacing: [Double]
    var origin: [Double]
    var direction_columns: [[Double]]
  }

  enum FixtureError: Error, CustomStringConvertible {
    case noPython
    case conversionFailed(String)
    var description: String {
      switch self {
      case .noPython: return "no fixture python: set CTCASE_PYTHON or run make py-deps"
      case .conversionFailed(let s): return "volume_to_raw.py failed: \(s)"
      }
    }
  }

  /// Converts `input` (NRRD file or DICOM folder) and loads it as a `Volume`.
  static func load(_ input: URL) throws -> Volume {
    guard let python = TestEnvironment.python else { throw FixtureError.noPython }
    let dir = try TestEnvironment.makeTemporaryDirectory("ctcase-analysis")
    defer { try? FileManager.default.removeItem(at: dir) }
    let prefix = dir.appendingPathComponent("volume").path
    let script = TestEnvironment.packageRoot.appendingPathComponent(
      "Scripts/fixtures/volume_to_raw.py")
    let run = try TestEnvironment.run(python, [script.path, input.path, prefix])
    guard run.status == 0 else { throw FixtureError.conversionFailed(run.stderr) }
    return try read(prefix: prefix)
  }

  /// Reads `prefix.raw` and `prefix.json`.
  static func read(prefix: String) throws -> Volume {
    let json = try Data(contentsOf: URL(fileURLWithPath: prefix + ".json"))
    let g = try JSONDecoder().decode(GeometryJSON.self, from: json)
    let raw = try Data(contentsOf: URL(fileURLWithPath: prefix + ".raw"))
    var voxels = [Int16](repeating: 0, count: raw.count / 2)
    _ = voxels.withUnsafeMutableBytes { raw.copyBytes(to: $0) }
    let c = g.direction_columns
    let geometry = Geometry(
      size: GridSize(g.size[0], g.size[1], g.size[2]),
      spacing: Vector3(g.spacing[0], g.spacing[1], g.spacing[2]),
      origin: Vector3(g.origin[0], g.origin[1], g.origin[2]),
      direction: Matrix3(
        columns: Vector3(c[0][0], c[0][1], c[0][2]), Vector3(c[1][0], c[1][1], c[1][2]),
        Vector3(c[2][0], c[2][1], c[2][2])))
    return Volume(geometry: geometry, voxels: voxels.map { Int16(littleEndian: $0) })
  }
}
