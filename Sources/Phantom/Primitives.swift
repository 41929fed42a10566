import Imaging

/// An axis-aligned ellipse in the axial plane (mm, body frame).
struct AxialEllipse: Sendable {
  var cx: Double
  var cy: Double
  var a: Double
  var b: Double

  /// The squared normalised radius of (x, y): below 1 inside, 1 on the outline.
  @inline(__always)
  func r2(_ x: Double, _ y: Double) -> Double {
    let u = (x - cx) / a
    let v = (y - cy) / b
    return u * u + v * v
  }

  /// The ellipse grown by `mm` on every semi-axis.
  func grown(by mm: Double) -> AxialEllipse { AxialEllipse(cx: cx, cy: cy, a: a + mm, b: b + mm) }
}

/// A solid cylinder (capsule) around a line segment (mm, body frame).
struct Capsule: Sendable {
  let start: Vector3
  let end: Vector3
  let radius: Double
  /// `end - start` and the inverse of its squared length (0 for a point), kept for speed: the
  /// renderer asks for distances hundreds of millions of times.
  private let axis: Vector3
  private let inverseLengthSquared: Double

  init(start: Vector3, end: Vector3, radius: Double) {
    self.start = start
    self.end = end
    self.radius = radius
    axis = end - start
    let lengthSquared = axis.x * axis.x + axis.y * axis.y + axis.z * axis.z
    inverseLengthSquared = lengthSquared > 0 ? 1 / lengthSquared : 0
  }

  /// The squared distance (mm^2) from `p` to the segment's axis.
  @inline(__always)
  func axisDistanceSquared(_ p: Vector3) -> Double {
    let px = p.x - start.x
    let py = p.y - start.y
    let pz = p.z - start.z
    let along = (px * axis.x + py * axis.y + pz * axis.z) * inverseLengthSquared
    let t = min(1, max(0, along))
    let dx = px - axis.x * t
    let dy = py - axis.y * t
    let dz = pz - axis.z * t
    return dx * dx + dy * dy + dz * dz
  }

  /// The distance (mm) from `p` to the segment's axis.
  @inline(__always)
  func axisDistance(_ p: Vector3) -> Double { axisDistanceSquared(p).squareRoot() }

  @inline(__always)
  func contains(_ p: Vector3) -> Bool { axisDistanceSquared(p) <= radius * radius }

  /// Corner points of the axis-aligned box holding the capsule grown by `margin` (mm).
  func boundingCorners(margin: Double) -> (Vector3, Vector3) {
    let r = radius + margin
    return (
      Vector3(min(start.x, end.x) - r, min(start.y, end.y) - r, min(start.z, end.z) - r),
      Vector3(max(start.x, end.x) + r, max(start.y, end.y) + r, max(start.z, end.z) + r)
    )
  }
}

/// A solid axis-aligned ellipsoid (mm, body frame).
struct Ellipsoid: Sendable {
  var center: Vector3
  var axes: Vector3

  @inline(__always)
  func r2(_ p: Vector3) -> Double {
    let u = (p.x - center.x) / axes.x
    let v = (p.y - center.y) / axes.y
    let w = (p.z - center.z) / axes.z
    return u * u + v * v + w * w
  }

  /// The ellipsoid with every semi-axis scaled by `factor`.
  func scaled(_ factor: Double) -> Ellipsoid { Ellipsoid(center: center, axes: axes * factor) }
}

/// Hounsfield values of the tissues the phantom draws.
enum TissueHU {
  static let air: Float = -1000
  static let fat: Float = -100
  static let mediastinalFat: Float = -85
  static let muscle: Float = 45
  static let blood: Float = 40
  static let airwayWall: Float = 50
  static let liver: Float = 58
  static let stomach: Float = 32
  static let corticalBone: Float = 700
  static let cancellousBone: Float = 220
  static let cartilage: Float = 120
  static let disc: Float = 85
  static let csf: Float = 10
  /// Lung parenchyma at the anterior (non-dependent) edge; posterior lung is denser.
  static let lungAnterior: Float = -875
  /// Added towards the posterior (dependent) edge of the lung.
  static let lungDependentGradient: Float = 55
}
