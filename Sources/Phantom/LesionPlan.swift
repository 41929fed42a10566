import Foundation
import Imaging

/// A lesion's life over the course: where it sits, when it appears and how it grows.
///
/// Positions are in the body frame (mm). The lesion is an ellipsoid with semi-axes
/// `shape * radius(day)`, turned by `orientation`; a consolidated core, once present, is the same
/// ellipsoid scaled by `coreScale(day)`.
struct LesionCourse: Sendable {
  var id: String
  var center: Vector3
  /// Relative semi-axes (the largest is about 1).
  var shape: Vector3
  var orientation: Matrix3
  var appearsOnDay: Int
  /// Equivalent radius (mm) on the day it appears, and its growth per day (mm).
  var initialRadiusMM: Double
  var growthMMPerDay: Double
  /// From this day on the lesion has a consolidated core (nil: never).
  var coreFromDay: Int?
  var coreScale: Double
  var ggoHU: Float
  var coreHU: Float

  /// The lesion as it is on `day` after onset, or nil before it appears.
  func shape(onDay day: Int) -> LesionShape? {
    guard day >= appearsOnDay else { return nil }
    let radius = initialRadiusMM + growthMMPerDay * Double(day - appearsOnDay)
    let core = coreFromDay.map { day >= $0 } ?? false
    return LesionShape(
      id: id, center: center, semiAxes: shape * radius, orientation: orientation,
      coreScale: core ? coreScale : 0, ggoHU: ggoHU, coreHU: coreHU)
  }
}

/// A lesion in one study (body frame): an oriented ellipsoid, optionally with a solid core.
struct LesionShape: Sendable {
  var id: String
  var center: Vector3
  var semiAxes: Vector3
  var orientation: Matrix3
  /// The core's size relative to the lesion (0: no core).
  var coreScale: Double
  var ggoHU: Float
  var coreHU: Float

  /// The squared normalised radius of a body-frame point (below 1 inside).
  @inline(__always)
  func r2(_ p: Vector3) -> Double {
    let local = orientation.transposed * (p - center)
    let u = local.x / semiAxes.x
    let v = local.y / semiAxes.y
    let w = local.z / semiAxes.z
    return u * u + v * v + w * w
  }

  /// Half the box side (mm) that surely holds the lesion.
  var boundingHalfSizeMM: Double { max(semiAxes.x, semiAxes.y, semiAxes.z) }

  /// The analytic ellipsoid volume in mL (4/3 pi abc).
  var ellipsoidVolumeML: Double {
    4 / 3 * Double.pi * semiAxes.x * semiAxes.y * semiAxes.z / 1000
  }
}
