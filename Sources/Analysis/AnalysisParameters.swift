/// Every threshold the analysis uses, versioned and recorded with each result.
///
/// Defaults follow published quantitative chest CT practice for COVID-19 pneumonia: ground-glass
/// opacity about -750 to -300 HU, consolidation above -300 HU, and "high opacity" above -200 HU
/// (Chaganti et al., Radiology: AI 2020, percentage of opacity / high opacity).
public struct AnalysisParameters: Sendable, Codable, Equatable {
  public static let currentVersion = "ctcase.params/1"

  public var version: String
  /// Lung air threshold for the initial lung mask (HU); lung parenchyma lies below it.
  public var lungThresholdHU: Double
  /// Lower bound of ground-glass density (HU).
  public var ggoMinHU: Double
  /// Boundary between ground glass and consolidation (HU).
  public var consolidationMinHU: Double
  /// Upper bound of lesion density; denser voxels (bone, calcification, contrast) are excluded.
  public var lesionMaxHU: Double
  /// Threshold for the percentage of high opacity (HU).
  public var highOpacityMinHU: Double
  /// Lesions smaller than this are dropped as noise (mL).
  public var minLesionVolumeML: Double
  /// Vessel suppression: tubular bright structures thinner than this are not lesions (mm).
  public var vesselMaxDiameterMM: Double
  /// Peripheral lesions have their centre within this distance of the pleura (mm).
  public var peripheralDistanceMM: Double

  public init(
    version: String = AnalysisParameters.currentVersion, lungThresholdHU: Double = -320,
    ggoMinHU: Double = -750, consolidationMinHU: Double = -300, lesionMaxHU: Double = 100,
    highOpacityMinHU: Double = -200, minLesionVolumeML: Double = 0.05,
    vesselMaxDiameterMM: Double = 4, peripheralDistanceMM: Double = 20
  ) {
    self.version = version
    self.lungThresholdHU = lungThresholdHU
    self.ggoMinHU = ggoMinHU
    self.consolidationMinHU = consolidationMinHU
    self.lesionMaxHU = lesionMaxHU
    self.highOpacityMinHU = highOpacityMinHU
    self.minLesionVolumeML = minLesionVolumeML
    self.vesselMaxDiameterMM = vesselMaxDiameterMM
    self.peripheralDistanceMM = peripheralDistanceMM
  }

  enum CodingKeys: String, CodingKey {
    case version
    case lungThresholdHU = "lung_threshold_hu"
    case ggoMinHU = "ggo_min_hu"
    case consolidationMinHU = "consolidation_min_hu"
    case lesionMaxHU = "lesion_max_hu"
    case highOpacityMinHU = "high_opacity_min_hu"
    case minLesionVolumeML = "min_lesion_volume_ml"
    case vesselMaxDiameterMM = "vessel_max_diameter_mm"
    case peripheralDistanceMM = "peripheral_distance_mm"
  }
}
