import Foundation

/// A point or direction in patient space, in millimetres unless a name says otherwise.
///
/// ctcase keeps every coordinate in DICOM patient LPS (x to the patient's left, y to posterior,
/// z to superior); NIfTI's RAS appears only at the file edge.
public struct Vector3: Sendable, Hashable, Codable {
  public var x: Double
  public var y: Double
  public var z: Double

  public init(_ x: Double, _ y: Double, _ z: Double) {
    self.x = x
    self.y = y
    self.z = z
  }

  public static let zero = Vector3(0, 0, 0)

  public var length: Double { (x * x + y * y + z * z).squareRoot() }

  /// The vector scaled to unit length; the zero vector stays zero.
  public var normalized: Vector3 {
    let l = length
    return l > 0 ? self / l : self
  }

  public var array: [Double] { [x, y, z] }

  public func dot(_ o: Vector3) -> Double { x * o.x + y * o.y + z * o.z }

  public func cross(_ o: Vector3) -> Vector3 {
    Vector3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x)
  }

  public static func + (a: Vector3, b: Vector3) -> Vector3 {
    Vector3(a.x + b.x, a.y + b.y, a.z + b.z)
  }
  public static func - (a: Vector3, b: Vector3) -> Vector3 {
    Vector3(a.x - b.x, a.y - b.y, a.z - b.z)
  }
  public static func * (a: Vector3, s: Double) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }
  public static func / (a: Vector3, s: Double) -> Vector3 { Vector3(a.x / s, a.y / s, a.z / s) }
  public static prefix func - (a: Vector3) -> Vector3 { Vector3(-a.x, -a.y, -a.z) }

  // Encoded as a plain [x, y, z] array so JSON outputs read naturally.
  public init(from decoder: Decoder) throws {
    var c = try decoder.unkeyedContainer()
    self.init(try c.decode(Double.self), try c.decode(Double.self), try c.decode(Double.self))
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(x)
    try c.encode(y)
    try c.encode(z)
  }
}

/// A 3x3 matrix stored by columns; used for direction cosines and rotations.
public struct Matrix3: Sendable, Hashable, Codable {
  public var c0: Vector3
  public var c1: Vector3
  public var c2: Vector3

  public init(columns c0: Vector3, _ c1: Vector3, _ c2: Vector3) {
    self.c0 = c0
    self.c1 = c1
    self.c2 = c2
  }

  public static let identity = Matrix3(
    columns: Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))

  public var transposed: Matrix3 {
    Matrix3(
      columns: Vector3(c0.x, c1.x, c2.x), Vector3(c0.y, c1.y, c2.y), Vector3(c0.z, c1.z, c2.z))
  }

  public var determinant: Double { c0.dot(c1.cross(c2)) }

  public static func * (m: Matrix3, v: Vector3) -> Vector3 {
    m.c0 * v.x + m.c1 * v.y + m.c2 * v.z
  }

  public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
    Matrix3(columns: a * b.c0, a * b.c1, a * b.c2)
  }

  /// The inverse by the adjugate; precondition: the matrix is not singular.
  public var inverse: Matrix3 {
    let det = determinant
    precondition(abs(det) > 1e-12, "Matrix3.inverse of a singular matrix")
    let r0 = c1.cross(c2) / det
    let r1 = c2.cross(c0) / det
    let r2 = c0.cross(c1) / det
    return Matrix3(columns: r0, r1, r2).transposed
  }

  /// A rotation by Euler angles in radians, applied about x, then y, then z.
  public static func rotation(x ax: Double, y ay: Double, z az: Double) -> Matrix3 {
    let rx = Matrix3(
      columns: Vector3(1, 0, 0), Vector3(0, cos(ax), sin(ax)), Vector3(0, -sin(ax), cos(ax)))
    let ry = Matrix3(
      columns: Vector3(cos(ay), 0, -sin(ay)), Vector3(0, 1, 0), Vector3(sin(ay), 0, cos(ay)))
    let rz = Matrix3(
      columns: Vector3(cos(az), sin(az), 0), Vector3(-sin(az), cos(az), 0), Vector3(0, 0, 1))
    return rz * ry * rx
  }
}
