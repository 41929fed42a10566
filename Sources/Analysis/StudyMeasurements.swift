import Imaging

/// Which lung a lesion or measurement belongs to, from patient orientation (never image side).
public enum LungSide: String, Sendable, Codable { case right, left }

/// Upper, middle or lower third of a lung by height (superior-inferior extent of that lung).
public enum LungZone: String, Sendable, Codable, CaseIterable { case upper, middle, lower }

/// A short morphological type for a lesion.
public enum LesionType: String, Sendable, Codable {
  case nodularGGO = "nodular_ggo"
  case patchyGGO = "patchy_ggo"
  case consolidation
  case mixed
}

/// Everything measured about one lesion in one study.
public struct LesionMeasurement: Sendable, Codable, Equatable {
  /// 1-based identity within its study (the value in the lesion map).
  public var id: Int
  public var centerLPS: Vector3
  public var volumeML: Double
  public var ggoVolumeML: Double
  public var consolidationVolumeML: Double
  /// Longest in-plane diameter on the axial slice where the lesion is largest (mm).
  public var longestDiameterMM: Double
  /// Longest diameter perpendicular to `longestDiameterMM` on that slice (mm).
  public var perpendicularDiameterMM: Double
  /// Grid index k of the slice the diameters were measured on.
  public var axialSliceIndex: Int
  public var meanHU: Double
  public var huP10: Double
  public var huMedian: Double
  public var huP90: Double
  public var side: LungSide
  public var zone: LungZone
  public var peripheral: Bool
  public var touchesPleura: Bool
  public var type: LesionType
  public var voxelCount: Int

  enum CodingKeys: String, CodingKey {
    case id
    case centerLPS = "center_lps_mm"
    case volumeML = "volume_ml"
    case ggoVolumeML = "ggo_volume_ml"
    case consolidationVolumeML = "consolidation_volume_ml"
    case longestDiameterMM = "longest_diameter_mm"
    case perpendicularDiameterMM = "perpendicular_diameter_mm"
    case axialSliceIndex = "axial_slice_index"
    case meanHU = "mean_hu"
    case huP10 = "hu_p10"
    case huMedian = "hu_median"
    case huP90 = "hu_p90"
    case side, zone, peripheral
    case touchesPleura = "touches_pleura"
    case type
    case voxelCount = "voxel_count"
  }
}

/// Involvement of one zone of one lung, and its 0-5 score.
public struct ZoneInvolvement: Sendable, Codable, Equatable {
  public var side: LungSide
  public var zone: LungZone
  public var lungVolumeML: Double
  public var lesionVolumeML: Double
  public var percent: Double
  /// 0 none, 1 <5 %, 2 5-25 %, 3 26-49 %, 4 50-75 %, 5 >75 % (per-region CT severity scale).
  public var score: Int

  enum CodingKeys: String, CodingKey {
    case side, zone
    case lungVolumeML = "lung_volume_ml"
    case lesionVolumeML = "lesion_volume_ml"
    case percent, score
  }
}

/// Whole-study figures from `ctcase analyze`; the JSON schema is versioned by `schemaVersion`.
public struct StudyMeasurements: Sendable, Codable, Equatable {
  public static let currentSchemaVersion = "ctcase.analysis/1"

  public var schemaVersion: String
  public var lungVolumeML: Double
  public var rightLungVolumeML: Double
  public var leftLungVolumeML: Double
  public var lesionVolumeML: Double
  public var ggoVolumeML: Double
  public var consolidationVolumeML: Double
  /// Percentage of opacity: lesion volume / lung volume x 100.
  public var poPercent: Double
  /// Percentage of high opacity: lung voxels above the high-opacity threshold / lung x 100.
  public var phoPercent: Double
  /// Zone-based CT severity score, 0-30 (six zones x 0-5); lobes are not segmented.
  public var severityScore: Int
  public var rightInvolvementPercent: Double
  public var leftInvolvementPercent: Double
  public var zones: [ZoneInvolvement]
  public var lesions: [LesionMeasurement]
  public var parameters: AnalysisParameters
  /// The DICOM series analysed, when known (set by the caller; the analyzer sees only voxels).
  public var seriesInstanceUID: String?
  /// How the lesion figures were made, for readers of the JSON: zone-based severity and so on.
  public var method: String = StudyMeasurements.methodNote

  /// The fixed method statement recorded with every result.
  public static let methodNote =
    "lungs: -320 HU air inside the body, airways removed, per-lung closing and hole filling; "
    + "lesions: GGO/consolidation HU ranges with thin structures (vessels) removed by an "
    + "in-plane opening; severity: 0-5 per zone, zones are thirds of each lung's height "
    + "(lobes are not segmented)"

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case lungVolumeML = "lung_volume_ml"
    case rightLungVolumeML = "right_lung_volume_ml"
    case leftLungVolumeML = "left_lung_volume_ml"
    case lesionVolumeML = "lesion_volume_ml"
    case ggoVolumeML = "ggo_volume_ml"
    case consolidationVolumeML = "consolidation_volume_ml"
    case poPercent = "po_percent"
    case phoPercent = "pho_percent"
    case severityScore = "severity_score"
    case rightInvolvementPercent = "right_involvement_percent"
    case leftInvolvementPercent = "left_involvement_percent"
    case zones, lesions, parameters
    case seriesInstanceUID = "series_instance_uid"
    case method
  }
}

/// The result of analysing one study: figures plus the voxel maps the report draws from.
public struct StudyAnalysis: Sendable {
  public var measurements: StudyMeasurements
  /// Label volume: 0 outside lungs, 1 right lung, 2 left lung, 3 GGO lesion, 4 consolidation.
  public var labels: LabelVolume
  /// Lesion identity per voxel (0 = none), matching `LesionMeasurement.id`.
  public var lesionMap: LesionMap

  public init(measurements: StudyMeasurements, labels: LabelVolume, lesionMap: LesionMap) {
    self.measurements = measurements
    self.labels = labels
    self.lesionMap = lesionMap
  }
}
