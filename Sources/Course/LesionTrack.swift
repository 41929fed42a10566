import Analysis
import Foundation
import Imaging

/// One lesion of one study as tracking sees it: its figures and its centre in the reference
/// (first study's) frame.
public struct TrackedLesion: Sendable, Equatable {
  public var studyIndex: Int
  /// The lesion's id within its study (`LesionMeasurement.id`).
  public var lesionID: Int
  /// Centre in the first study's LPS frame (mm).
  public var centerMM: Vector3
  public var volumeML: Double
  public var ggoVolumeML: Double
  public var consolidationVolumeML: Double
  public var longestDiameterMM: Double
  public var perpendicularDiameterMM: Double
  public var meanHU: Double
  public var type: LesionType

  public init(
    studyIndex: Int, lesionID: Int, centerMM: Vector3, volumeML: Double, ggoVolumeML: Double,
    consolidationVolumeML: Double, longestDiameterMM: Double, perpendicularDiameterMM: Double,
    meanHU: Double, type: LesionType
  ) {
    self.studyIndex = studyIndex
    self.lesionID = lesionID
    self.centerMM = centerMM
    self.volumeML = volumeML
    self.ggoVolumeML = ggoVolumeML
    self.consolidationVolumeML = consolidationVolumeML
    self.longestDiameterMM = longestDiameterMM
    self.perpendicularDiameterMM = perpendicularDiameterMM
    self.meanHU = meanHU
    self.type = type
  }

  /// A measured lesion, its centre mapped by the study's alignment into the reference frame.
  public init(_ m: LesionMeasurement, studyIndex: Int, alignment: RigidTransform) {
    self.init(
      studyIndex: studyIndex, lesionID: m.id, centerMM: alignment.apply(m.centerLPS),
      volumeML: m.volumeML, ggoVolumeML: m.ggoVolumeML,
      consolidationVolumeML: m.consolidationVolumeML, longestDiameterMM: m.longestDiameterMM,
      perpendicularDiameterMM: m.perpendicularDiameterMM, meanHU: m.meanHU, type: m.type)
  }

  /// Radius (mm) of the sphere with the lesion's volume.
  public var equivalentRadiusMM: Double {
    cbrt(3 * max(0, volumeML) * 1000 / (4 * Double.pi))
  }
}

/// How a track began.
public enum TrackOrigin: Sendable, Equatable {
  /// Present on the first study.
  case baseline
  /// First seen on this study with no predecessor: a new lesion.
  case new(studyIndex: Int)
  /// Split off track `from` on this study.
  case split(from: String, studyIndex: Int)
}

/// How a track ended, if it did before the last study.
public enum TrackEnd: Sendable, Equatable {
  /// No successor on this study: the lesion resolved (or fell below the detection size).
  case resolved(studyIndex: Int)
  /// Joined track `into` on this study.
  case merged(into: String, studyIndex: Int)
}

/// One lesion followed over a case: a stable id ("T1", "T2", ...) and one point per study it
/// was seen on, in study order.
public struct LesionTrack: Sendable, Equatable {
  public var id: String
  public var points: [TrackedLesion]
  public var origin: TrackOrigin
  public var end: TrackEnd?

  public init(id: String, points: [TrackedLesion], origin: TrackOrigin, end: TrackEnd? = nil) {
    self.id = id
    self.points = points
    self.origin = origin
    self.end = end
  }

  /// The study index of the first point.
  public var firstStudyIndex: Int { points.first?.studyIndex ?? 0 }
}
