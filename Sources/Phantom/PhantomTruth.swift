import Imaging

/// The exact answers for a generated phantom case, written as `truth.json`.
///
/// Volumes are in mL, positions in scanner LPS mm (the DICOM patient frame of each study).
/// Analytic volumes integrate the closed-form shapes; voxel volumes count the voxels whose
/// centre lies in the shape at the study's grid.
public struct PhantomTruth: Sendable, Codable, Equatable {
  public var schema = "ctcase.phantom-truth/1"
  public var generator: String
  public var preset: String
  public var seed: UInt64
  public var onsetDate: String
  /// Which voxels count as lung and as lesion, in words.
  public var definitions: [String: String]
  /// Studies in date order.
  public var studies: [StudyTruth]

  enum CodingKeys: String, CodingKey {
    case schema, generator, preset, seed, definitions, studies
    case onsetDate = "onset_date"
  }
}

/// The truth of one study.
public struct StudyTruth: Sendable, Codable, Equatable {
  public var date: String
  /// The study's folder name inside the output folder (`ct-YYYY-MM-DD`).
  public var folder: String
  public var dayFromOnset: Int
  public var lungVolumeML: Double
  public var rightLungVolumeML: Double
  public var leftLungVolumeML: Double
  public var lungVoxelVolumeML: Double
  public var rightLungVoxelVolumeML: Double
  public var leftLungVoxelVolumeML: Double
  public var lesionVolumeML: Double
  public var lesionVoxelVolumeML: Double
  public var ggoVolumeML: Double
  public var consolidationVolumeML: Double
  /// Lesion volume as a percentage of lung volume (analytic).
  public var lesionPercentOfLung: Double
  public var transform: PoseTruth
  public var grid: GridTruth
  public var studyInstanceUID: String
  public var seriesInstanceUID: String
  public var lesions: [LesionTruth]

  enum CodingKeys: String, CodingKey {
    case date, folder, transform, grid, lesions
    case dayFromOnset = "day_from_onset"
    case lungVolumeML = "lung_volume_ml"
    case rightLungVolumeML = "right_lung_volume_ml"
    case leftLungVolumeML = "left_lung_volume_ml"
    case lungVoxelVolumeML = "lung_voxel_volume_ml"
    case rightLungVoxelVolumeML = "right_lung_voxel_volume_ml"
    case leftLungVoxelVolumeML = "left_lung_voxel_volume_ml"
    case lesionVolumeML = "lesion_volume_ml"
    case lesionVoxelVolumeML = "lesion_voxel_volume_ml"
    case ggoVolumeML = "ggo_volume_ml"
    case consolidationVolumeML = "consolidation_volume_ml"
    case lesionPercentOfLung = "lesion_percent_of_lung"
    case studyInstanceUID = "study_instance_uid"
    case seriesInstanceUID = "series_instance_uid"
  }
}

/// The rigid transform and breathing applied to the body for one study.
public struct PoseTruth: Sendable, Codable, Equatable {
  /// Rotation (degrees) about LPS x, y, z, applied in that order: scanner = R * body + shift.
  public var rotationDegrees: [Double]
  public var shiftMM: [Double]
  /// Diaphragm shift (mm); negative is a deeper breath.
  public var breathingMM: Double

  enum CodingKeys: String, CodingKey {
    case rotationDegrees = "rotation_degrees"
    case shiftMM = "shift_mm"
    case breathingMM = "breathing_mm"
  }
}

/// The image grid of a study as the DICOM files state it.
public struct GridTruth: Sendable, Codable, Equatable {
  /// Columns, rows, slices.
  public var size: [Int]
  /// Column, row and slice spacing (mm).
  public var spacingMM: [Double]
  /// LPS position (mm) of the centre of the first voxel of the first (lowest) slice.
  public var originLPSMM: [Double]
  public var sliceThicknessMM: Double

  enum CodingKeys: String, CodingKey {
    case size
    case spacingMM = "spacing_mm"
    case originLPSMM = "origin_lps_mm"
    case sliceThicknessMM = "slice_thickness_mm"
  }
}

/// One lesion in one study; `id` is the same lesion across studies.
public struct LesionTruth: Sendable, Codable, Equatable {
  public var id: String
  /// "right" or "left" lung.
  public var side: String
  /// nodular_ggo, patchy_ggo, mixed or consolidation.
  public var type: String
  public var volumeML: Double
  public var voxelVolumeML: Double
  public var ggoVolumeML: Double
  public var consolidationVolumeML: Double
  /// Centroid of the lesion region (scanner LPS mm).
  public var centerLPSMM: [Double]
  /// Diameter (mm) of the sphere of the same volume.
  public var equivalentDiameterMM: Double
  /// True when the lesion's ellipsoid reaches the lung's edge (pleura, fissure-free model).
  public var touchesPleura: Bool

  enum CodingKeys: String, CodingKey {
    case id, side, type
    case volumeML = "volume_ml"
    case voxelVolumeML = "voxel_volume_ml"
    case ggoVolumeML = "ggo_volume_ml"
    case consolidationVolumeML = "consolidation_volume_ml"
    case centerLPSMM = "center_lps_mm"
    case equivalentDiameterMM = "equivalent_diameter_mm"
    case touchesPleura = "touches_pleura"
  }
}
