import Foundation
import Imaging

/// The 348-byte NIfTI-1 header (plus the 4-byte empty extension flag) for a grid, with the
/// sform and (when the axes are perpendicular) the qform both set from the LPS `Geometry`,
/// converted to NIfTI's RAS+ world by negating x and y.
struct NiftiHeader {
  static let dtUInt8: Int16 = 2
  static let dtInt16: Int16 = 4
  static let dtFloat32: Int16 = 16
  static let headerBytes = 348
  static let voxelOffset = 352
  private static let scannerAnatomical: Int16 = 1
  private static let millimetreUnits: UInt8 = 2
  private static let orthogonalTolerance = 1e-4

  var geometry: Geometry
  var datatype: Int16
  var bitsPerVoxel: Int16

  /// Header bytes in little-endian order, `voxelOffset` long.
  func encoded() -> Data {
    var bytes = Data(count: Self.voxelOffset)
    let size = geometry.size
    put(&bytes, Int32(Self.headerBytes), at: 0)
    bytes[38] = UInt8(ascii: "r")
    for (i, d) in [3, size.nx, size.ny, size.nz, 1, 1, 1, 1].enumerated() {
      put(&bytes, Int16(d), at: 40 + 2 * i)
    }
    put(&bytes, datatype, at: 70)
    put(&bytes, bitsPerVoxel, at: 72)
    let rotation = qformRotation()
    let pixdim = [rotation?.qfac ?? 1, geometry.spacing.x, geometry.spacing.y, geometry.spacing.z]
    for (i, p) in pixdim.enumerated() { put(&bytes, Float32(p), at: 76 + 4 * i) }
    put(&bytes, Float32(Self.voxelOffset), at: 108)
    put(&bytes, Float32(1), at: 112)
    bytes[123] = Self.millimetreUnits
    let description = Array("ctcase \(ToolVersion.string)".utf8.prefix(79))
    bytes.replaceSubrange(148..<(148 + description.count), with: description)
    put(&bytes, rotation == nil ? 0 : Self.scannerAnatomical, at: 252)
    put(&bytes, Self.scannerAnatomical, at: 254)
    let origin = ras(geometry.origin)
    if let rotation {
      for (i, q) in [rotation.b, rotation.c, rotation.d, origin.x, origin.y, origin.z].enumerated() {
        put(&bytes, Float32(q), at: 256 + 4 * i)
      }
    }
    let steps = geometry.indexToPhysical
    let columns = [ras(steps.c0), ras(steps.c1), ras(steps.c2), origin]
    for row in 0..<3 {
      for (c, column) in columns.enumerated() {
        put(&bytes, Float32(column.array[row]), at: 280 + 16 * row + 4 * c)
      }
    }
    bytes.replaceSubrange(344..<348, with: Array("n+1\0".utf8))
    return bytes
  }

  private func ras(_ v: Vector3) -> Vector3 { Vector3(-v.x, -v.y, v.z) }

  private func put<T: FixedWidthInteger>(_ data: inout Data, _ value: T, at offset: Int) {
    withUnsafeBytes(of: value.littleEndian) { data.replaceSubrange(offset..<offset + $0.count, with: $0) }
  }

  private func put(_ data: inout Data, _ value: Float32, at offset: Int) {
    put(&data, value.bitPattern, at: offset)
  }

  /// Quaternion (b, c, d) and qfac of the RAS rotation, nil when the axes are not
  /// perpendicular (a sheared grid has no qform; the sform still holds it exactly).
  private func qformRotation() -> (b: Double, c: Double, d: Double, qfac: Double)? {
    let d = geometry.direction
    let columns = [ras(d.c0), ras(d.c1), ras(d.c2)]
    guard abs(columns[0].dot(columns[1])) < Self.orthogonalTolerance,
      abs(columns[0].dot(columns[2])) < Self.orthogonalTolerance,
      abs(columns[1].dot(columns[2])) < Self.orthogonalTolerance
    else { return nil }
    let qfac: Double = Matrix3(columns: columns[0], columns[1], columns[2]).determinant < 0 ? -1 : 1
    let r = Matrix3(columns: columns[0], columns[1], columns[2] * qfac)
    let q = Self.quaternion(r)
    return (q.b, q.c, q.d, qfac)
  }

  /// The unit quaternion (a >= 0) of a proper rotation matrix.
  static func quaternion(_ m: Matrix3) -> (a: Double, b: Double, c: Double, d: Double) {
    let (r00, r01, r02) = (m.c0.x, m.c1.x, m.c2.x)
    let (r10, r11, r12) = (m.c0.y, m.c1.y, m.c2.y)
    let (r20, r21, r22) = (m.c0.z, m.c1.z, m.c2.z)
    let trace = r00 + r11 + r22
    var q: (a: Double, b: Double, c: Double, d: Double)
    if trace > 0 {
      let s = (trace + 1).squareRoot() * 2
      q = (0.25 * s, (r21 - r12) / s, (r02 - r20) / s, (r10 - r01) / s)
    } else if r00 > r11 && r00 > r22 {
      let s = (1 + r00 - r11 - r22).squareRoot() * 2
      q = ((r21 - r12) / s, 0.25 * s, (r01 + r10) / s, (r02 + r20) / s)
    } else if r11 > r22 {
      let s = (1 + r11 - r00 - r22).squareRoot() * 2
      q = ((r02 - r20) / s, (r01 + r10) / s, 0.25 * s, (r12 + r21) / s)
    } else {
      let s = (1 + r22 - r00 - r11).squareRoot() * 2
      q = ((r10 - r01) / s, (r02 + r20) / s, (r12 + r21) / s, 0.25 * s)
    }
    return q.a < 0 ? (-q.a, -q.b, -q.c, -q.d) : q
  }
}
