import Foundation
import Imaging

/// How the patient lay in the scanner for one study: a small rigid transform of the body frame
/// and the breathing depth.
///
/// A body-frame point q appears at scanner LPS position `rotation * q + shiftMM`.
public struct StudyPose: Sendable, Equatable {
  /// Rotation angles (degrees) about the LPS x, y and z axes, applied in that order.
  public var rotationDegrees: Vector3
  /// Translation (mm, LPS).
  public var shiftMM: Vector3
  /// Shift (mm) of both diaphragm domes: negative is a deeper breath (larger lungs).
  public var breathingMM: Double

  /// The largest pose change between studies, named so presets stay realistic.
  enum Limits {
    static let tiltDegrees = 1.0
    static let yawDegrees = 2.5
    static let inPlaneShiftMM = 6.0
    static let tableShiftMM = 8.0
    static let breathingMM = -8.0...6.0
  }

  /// The pose of study `index` for a seed; every study, the first one too, is moved a little.
  init(seed: UInt64, studyIndex: Int) {
    var rng = SplitMix64(seed: seed, streams: 0x9053, UInt64(studyIndex))
    rotationDegrees = Vector3(
      rng.uniform(-1...1) * Limits.tiltDegrees, rng.uniform(-1...1) * Limits.tiltDegrees,
      rng.uniform(-1...1) * Limits.yawDegrees)
    shiftMM = Vector3(
      rng.uniform(-1...1) * Limits.inPlaneShiftMM, rng.uniform(-1...1) * Limits.inPlaneShiftMM,
      rng.uniform(-1...1) * Limits.tableShiftMM)
    breathingMM = rng.uniform(Limits.breathingMM)
  }

  /// The rotation part as a matrix.
  var rotation: Matrix3 {
    let radians = rotationDegrees * (Double.pi / 180)
    return Matrix3.rotation(x: radians.x, y: radians.y, z: radians.z)
  }

  /// Body frame to scanner LPS.
  func toScanner(_ q: Vector3) -> Vector3 { rotation * q + shiftMM }
}
