import Foundation
import Imaging

/// A rigid motion of patient space: `p -> rotation * p + translation`, in LPS millimetres.
///
/// In a case, the transform of a study maps that study's LPS coordinates into the first study's
/// LPS frame, so positions from different dates can be compared directly.
public struct RigidTransform: Sendable, Equatable {
  /// A proper rotation (orthonormal, determinant +1).
  public var rotation: Matrix3
  public var translationMM: Vector3

  public init(rotation: Matrix3 = .identity, translationMM: Vector3 = .zero) {
    self.rotation = rotation
    self.translationMM = translationMM
  }

  public static let identity = RigidTransform()

  /// Maps a point (mm).
  @inline(__always)
  public func apply(_ p: Vector3) -> Vector3 { rotation * p + translationMM }

  /// The motion that undoes this one.
  public var inverse: RigidTransform {
    let rt = rotation.transposed
    return RigidTransform(rotation: rt, translationMM: -(rt * translationMM))
  }

  /// This motion followed by `next`.
  public func then(_ next: RigidTransform) -> RigidTransform {
    RigidTransform(
      rotation: next.rotation * rotation,
      translationMM: next.rotation * translationMM + next.translationMM)
  }

  /// The rotation angle in degrees (0 for the identity), from the trace.
  public var rotationDegrees: Double {
    let trace = rotation.c0.x + rotation.c1.y + rotation.c2.z
    let cosine = min(1, max(-1, (trace - 1) / 2))
    return acos(cosine) * 180 / Double.pi
  }

  /// A rotation from a unit quaternion (w, x, y, z).
  public static func rotation(quaternion q: [Double]) -> Matrix3 {
    precondition(q.count == 4, "a quaternion has four components")
    let (w, x, y, z) = (q[0], q[1], q[2], q[3])
    return Matrix3(
      columns: Vector3(w * w + x * x - y * y - z * z, 2 * (x * y + w * z), 2 * (x * z - w * y)),
      Vector3(2 * (x * y - w * z), w * w - x * x + y * y - z * z, 2 * (y * z + w * x)),
      Vector3(2 * (x * z + w * y), 2 * (y * z - w * x), w * w - x * x - y * y + z * z))
  }
}

extension RigidTransform: Codable {
  enum CodingKeys: String, CodingKey {
    case rotation
    case translationMM = "translation_mm"
    case rotationDegrees = "rotation_degrees"
  }

  /// Encoded as `rotation` (three rows), `translation_mm` and, for readers, `rotation_degrees`.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let t = rotation.transposed
    try c.encode([t.c0, t.c1, t.c2], forKey: .rotation)
    try c.encode(translationMM, forKey: .translationMM)
    try c.encode(rotationDegrees, forKey: .rotationDegrees)
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let rows = try c.decode([Vector3].self, forKey: .rotation)
    guard rows.count == 3 else {
      throw DecodingError.dataCorruptedError(
        forKey: .rotation, in: c, debugDescription: "rotation needs three rows")
    }
    rotation = Matrix3(columns: rows[0], rows[1], rows[2]).transposed
    translationMM = try c.decode(Vector3.self, forKey: .translationMM)
  }
}
