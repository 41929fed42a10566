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
  var start: Vector3
  var end: Vector3
  var radius: Double

  /// The distance (mm) from `p` to the segment's axis.
  @inline(__always)
  func axisDistance(_ p: Vector3) -> Double {
    let d = end - start
    let lengthSquared = d.dot(d)
    let t = lengthSquared > 0 ? min(1, max(0, (p - start).dot(d) / lengthSquared)) : 0
    return (p - (start + d * t)).length
  }

  @inline(__always)
  func contains(_ p: Vector3) -> Bool { axisDistance(p) <= radius }

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
