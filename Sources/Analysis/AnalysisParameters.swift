/// Every threshold the analysis uses, versioned and recorded with each result.
///
/// Defaults follow published quantitative chest CT practice for COVID-19 pneumonia: ground-glass
/// opacity about -750 to -300 HU, consolidation above -300 HU, and "high opacity" above -200 HU
/// (Chaganti et al., Radiology: AI 2020, percentage of opacity / high opacity). The lung air
/// threshold of -320 HU is the classic one for lung masks (Hu, Hoffman and Reinhardt, IEEE TMI
/// 2001, who derive about -300 to -500 HU). Geometric settings are ctcase's own and stated in mm
/// so they mean the same on 1 mm and 8 mm slices. Users override any subset from a JSON file
/// (`AnalysisParameters.load(from:)`); the keys are the snake_case names in `CodingKeys`.
public struct AnalysisParameters: Sendable, Codable, Equatable {
  public static let currentVersion = "ctcase.params/5"
  /// Slices thicker (or further apart) than this make lesion figures unreliable, and the
  /// report says so on the study page. Measured: on 1.25 mm slices the phantom presets give
  /// no false lesions; on the 5 mm preset about 150 per study, vessels cut obliquely by the
  /// slab that average to ground-glass density (most round in plane, one slab deep, so the
  /// in-plane vessel opening and the shape rules cannot tell them from small nodules). The
  /// slab-crossing rule (`slabContinuationMaxFraction`) removes about two thirds of them; the
  /// rest, about 54 per study, end in aerated lung above and below like a nodule. Nothing was
  /// measured between 1.25 and 5 mm; 3 mm is the usual upper limit for quantitative lung CT.
  public static let reliableMaxSliceMM = 3.0

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
  /// Vessel suppression for consolidation-density voxels: dense structures thinner than this
  /// are vessels (mm); only ground glass gets the finer `vesselMaxDiameterMM`.
  public var denseVesselMaxDiameterMM: Double
  /// Airway lumen threshold (HU): the trachea and main bronchi are tracked below it.
  public var airwayLumenHU: Double
  /// Largest cross-section (mm^2) an airway may have on one slice; larger means lung.
  public var airwayMaxAreaMM2: Double
  /// How far below the carina the main bronchi are followed and removed (mm).
  public var airwayBelowCarinaMM: Double
  /// Radius (mm) of the per-slice closing that keeps pleural and mediastinal lesions inside
  /// each lung's mask.
  public var pleuralClosingRadiusMM: Double
  /// Shallowest pocket (mm: area over mouth length) between a lung's outline on one slice and
  /// its convex hull that is filled in as lung (`HullPockets`); shallower ones are rib
  /// impressions and pixel steps of the outline. Measured: RICORD adds 21 mL of such slivers
  /// at 0 mm and 11 mL at 2 mm; the lesion bays measured below are 10-40 mm deep (params/4).
  public var pleuralPocketMinDepthMM: Double
  /// Largest hull pocket (mm^2) filled in on one slice; the same bound as enclosed holes in
  /// `PleuralEnvelope`. Measured: the pyradiomics lung2 mass's pockets 500-1220 mm^2 (params/4).
  public var pleuralPocketMaxAreaMM2: Double
  /// ... and at most this fraction of that lung's own area on the slice: a lesion takes a bay
  /// out of a lung that still encloses it, a thin crescent of basal lung around the diaphragm
  /// dome encloses nothing. Measured: lung2 mass 0.12-0.167; the phantom's basal crescent
  /// beside the gastric bubble 0.18-0.62, RICORD's diaphragm dome bay 0.168 at its lowest
  /// slice (kept out by `pleuralPocketMaxWallMM` too) (params/4).
  public var pleuralPocketMaxLungFraction: Double
  /// ... and when the body's outer surface lies at most this far (mm) beyond the middle of its
  /// mouth, along its outward normal: a lesion against the chest wall has only the wall beyond
  /// it, while a bay of the diaphragm dome looks into the abdomen and a mediastinal one across
  /// the chest. Measured: phantom chest wall 33-38 mm, lung2 posterior wall beside the spine
  /// 52-70 mm; RICORD's anterior diaphragm dome bay 89-97 mm (params/4).
  public var pleuralPocketMaxWallMM: Double
  /// A hull pocket is filled only when the outward normal of its mouth lies at least this far
  /// (degrees) from the medial direction; pockets facing the midline are mediastinum.
  /// Measured: lung2 mass mouths 60-78 degrees from medial, its heart and right hilar bays
  /// 0-45 degrees (params/4).
  public var pleuralPocketMinMedialAngleDeg: Double
  /// ... and when the middle of its mouth lies at least this far (mm) from the patient's
  /// midline: mouths nearer are on the mediastinum, even where the trachea or a hilum taken
  /// for lung makes a mediastinal bay face forward. Measured: RICORD's bays beside the
  /// trachea at the apex 18-21 mm, lung2 mass 52-59 mm, phantom severe lesions 87-106 mm
  /// (params/4).
  public var pleuralPocketMinMidlineDistanceMM: Double
  /// Largest erosion (mm) tried to split lungs touching at the anterior junction.
  public var lungSplitMaxErosionMM: Double
  /// Air components smaller than this fraction of the largest are not lung (stomach, bowel).
  public var minLungComponentFraction: Double
  /// Less aerated lung than this (mL) means no lungs are in view.
  public var minLungVolumeML: Double
  /// Nodular GGO: longest diameter at most this (mm) ...
  public var nodularMaxDiameterMM: Double
  /// ... and volume at least this fraction of the sphere on its longest diameter.
  public var nodularMinCompactness: Double
  /// A lesion is mixed when both its GGO and consolidation parts reach this volume fraction;
  /// consolidation when the GGO part is below it.
  public var mixedMinFraction: Double
  /// Lesions almost all of consolidation density (ground-glass part below `mixedMinFraction`)
  /// smaller than this (mL) are dropped: they are segments of vessels wider than
  /// `denseVesselMaxDiameterMM` cut across by the slices. Solid nodules smaller than this are
  /// not reported (the acceptance floor is 0.5 mL).
  public var minConsolidationVolumeML: Double
  /// Sheet suppression: a lesion whose mean thickness (volume over axial footprint area, mm) is
  /// below this is a fissure or an in-plane vessel ...
  public var sheetMaxThicknessMM: Double
  /// ... provided its axial footprint covers at least this area (mm^2), so small nodules on
  /// thin slices are never judged by thickness.
  public var sheetMinAreaMM2: Double
  /// Vessel trees: a component of dense voxels whose volume over 2 pi r^3 (r its largest
  /// inscribed radius) exceeds this is a branching vessel, not consolidation. Measured: the
  /// phantom's hilar trees 16-23, dense partial-volume crescents at the diaphragm above 40;
  /// balls 0.67, the phantom's consolidated cores 1.2-3.3, real masses and nodules 0.7-4.4
  /// (pyradiomics lung1 and lung2) (params/3).
  public var vesselMinElongation: Double
  /// ... provided r is below this (mm): a dense part this thick is never taken for a vessel
  /// inside the lung mask (the phantom's hilar trees, hub included, measure 7.7-8.7 mm), so
  /// thick band-like consolidation is kept whatever its elongation (params/3).
  public var vesselMaxRadiusMM: Double
  /// Lesions of which at least this fraction of voxels have the voxel above or below outside
  /// the lung are partial volume of the apex or the diaphragm dome in a thick slice, not
  /// disease (params/3). A lesion one slice thick against the lung's top or bottom surface is
  /// dropped with them.
  public var surfaceCapMinFraction: Double
  /// On slices thicker than this (mm) a lesion is checked for a vessel passing through the
  /// slab (`slabContinuationMaxFraction`); thin slices resolve vessels in 3-D (params/5).
  public var slabContinuationMinSliceMM: Double
  /// Density (HU) beyond a lesion's top or bottom face that means tissue continues there:
  /// above ground glass, so a lesion's own partial-volume tail does not reach it (params/5).
  public var slabContinuationDenseHU: Double
  /// On thick slices, a lesion is a vessel crossing the slabs when more than this fraction of
  /// its top and bottom faces (voxels whose neighbour above or below is not part of it) look
  /// onto tissue of `slabContinuationDenseHU` or more: a vessel runs on into the next slab, a
  /// nodule ends in aerated lung. Measured on the phantom's 5 mm preset: true lesions
  /// 0-0.23, false ones median about 0.5; above 0.3 drops 289 of its 446 false lesions over
  /// three studies and no true one (params/5).
  public var slabContinuationMaxFraction: Double

  public init(
    version: String = AnalysisParameters.currentVersion, lungThresholdHU: Double = -320,
    ggoMinHU: Double = -750, consolidationMinHU: Double = -300, lesionMaxHU: Double = 100,
    highOpacityMinHU: Double = -200, minLesionVolumeML: Double = 0.05,
    vesselMaxDiameterMM: Double = 4, peripheralDistanceMM: Double = 20,
    denseVesselMaxDiameterMM: Double = 6,
    airwayLumenHU: Double = -900, airwayMaxAreaMM2: Double = 700,
    airwayBelowCarinaMM: Double = 40, pleuralClosingRadiusMM: Double = 10,
    pleuralPocketMinDepthMM: Double = 2, pleuralPocketMaxAreaMM2: Double = 2000,
    pleuralPocketMaxLungFraction: Double = 0.17,
    pleuralPocketMaxWallMM: Double = 80, pleuralPocketMinMedialAngleDeg: Double = 52,
    pleuralPocketMinMidlineDistanceMM: Double = 35,
    lungSplitMaxErosionMM: Double = 20, minLungComponentFraction: Double = 0.05,
    minLungVolumeML: Double = 300, nodularMaxDiameterMM: Double = 30,
    nodularMinCompactness: Double = 0.3, mixedMinFraction: Double = 0.2,
    minConsolidationVolumeML: Double = 0.5, sheetMaxThicknessMM: Double = 3,
    sheetMinAreaMM2: Double = 100, vesselMinElongation: Double = 8,
    vesselMaxRadiusMM: Double = 10, surfaceCapMinFraction: Double = 0.6,
    slabContinuationMinSliceMM: Double = 3, slabContinuationDenseHU: Double = -500,
    slabContinuationMaxFraction: Double = 0.3
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
    self.denseVesselMaxDiameterMM = denseVesselMaxDiameterMM
    self.airwayLumenHU = airwayLumenHU
    self.airwayMaxAreaMM2 = airwayMaxAreaMM2
    self.airwayBelowCarinaMM = airwayBelowCarinaMM
    self.pleuralClosingRadiusMM = pleuralClosingRadiusMM
    self.pleuralPocketMinDepthMM = pleuralPocketMinDepthMM
    self.pleuralPocketMaxAreaMM2 = pleuralPocketMaxAreaMM2
    self.pleuralPocketMaxLungFraction = pleuralPocketMaxLungFraction
    self.pleuralPocketMaxWallMM = pleuralPocketMaxWallMM
    self.pleuralPocketMinMedialAngleDeg = pleuralPocketMinMedialAngleDeg
    self.pleuralPocketMinMidlineDistanceMM = pleuralPocketMinMidlineDistanceMM
    self.lungSplitMaxErosionMM = lungSplitMaxErosionMM
    self.minLungComponentFraction = minLungComponentFraction
    self.minLungVolumeML = minLungVolumeML
    self.nodularMaxDiameterMM = nodularMaxDiameterMM
    self.nodularMinCompactness = nodularMinCompactness
    self.mixedMinFraction = mixedMinFraction
    self.minConsolidationVolumeML = minConsolidationVolumeML
    self.sheetMaxThicknessMM = sheetMaxThicknessMM
    self.sheetMinAreaMM2 = sheetMinAreaMM2
    self.vesselMinElongation = vesselMinElongation
    self.vesselMaxRadiusMM = vesselMaxRadiusMM
    self.surfaceCapMinFraction = surfaceCapMinFraction
    self.slabContinuationMinSliceMM = slabContinuationMinSliceMM
    self.slabContinuationDenseHU = slabContinuationDenseHU
    self.slabContinuationMaxFraction = slabContinuationMaxFraction
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case version
    case lungThresholdHU = "lung_threshold_hu"
    case ggoMinHU = "ggo_min_hu"
    case consolidationMinHU = "consolidation_min_hu"
    case lesionMaxHU = "lesion_max_hu"
    case highOpacityMinHU = "high_opacity_min_hu"
    case minLesionVolumeML = "min_lesion_volume_ml"
    case vesselMaxDiameterMM = "vessel_max_diameter_mm"
    case peripheralDistanceMM = "peripheral_distance_mm"
    case denseVesselMaxDiameterMM = "dense_vessel_max_diameter_mm"
    case airwayLumenHU = "airway_lumen_hu"
    case airwayMaxAreaMM2 = "airway_max_area_mm2"
    case airwayBelowCarinaMM = "airway_below_carina_mm"
    case pleuralClosingRadiusMM = "pleural_closing_radius_mm"
    case pleuralPocketMinDepthMM = "pleural_pocket_min_depth_mm"
    case pleuralPocketMaxAreaMM2 = "pleural_pocket_max_area_mm2"
    case pleuralPocketMaxLungFraction = "pleural_pocket_max_lung_fraction"
    case pleuralPocketMaxWallMM = "pleural_pocket_max_wall_mm"
    case pleuralPocketMinMedialAngleDeg = "pleural_pocket_min_medial_angle_deg"
    case pleuralPocketMinMidlineDistanceMM = "pleural_pocket_min_midline_distance_mm"
    case lungSplitMaxErosionMM = "lung_split_max_erosion_mm"
    case minLungComponentFraction = "min_lung_component_fraction"
    case minLungVolumeML = "min_lung_volume_ml"
    case nodularMaxDiameterMM = "nodular_max_diameter_mm"
    case nodularMinCompactness = "nodular_min_compactness"
    case mixedMinFraction = "mixed_min_fraction"
    case minConsolidationVolumeML = "min_consolidation_volume_ml"
    case sheetMaxThicknessMM = "sheet_max_thickness_mm"
    case sheetMinAreaMM2 = "sheet_min_area_mm2"
    case vesselMinElongation = "vessel_min_elongation"
    case vesselMaxRadiusMM = "vessel_max_radius_mm"
    case surfaceCapMinFraction = "surface_cap_min_fraction"
    case slabContinuationMinSliceMM = "slab_continuation_min_slice_mm"
    case slabContinuationDenseHU = "slab_continuation_dense_hu"
    case slabContinuationMaxFraction = "slab_continuation_max_fraction"
  }
}
