import Foundation

extension AnalysisParameters {
  /// Reads a user parameter file: a JSON object stating `version` and holding any subset of
  /// the other keys in `CodingKeys`; missing keys keep their defaults, unknown keys and bad
  /// values are refused.
  ///
  /// - Throws: `AnalysisError.invalidParameters` naming the file and the field at fault.
  public static func load(from url: URL) throws -> AnalysisParameters {
    let path = url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw AnalysisError.invalidParameters(
        path: path, field: "-", problem: "cannot read the file")
    }
    return try decode(data, path: path)
  }

  /// Decodes and validates parameter JSON; `path` names the source in errors.
  public static func decode(_ data: Data, path: String) throws -> AnalysisParameters {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw AnalysisError.invalidParameters(
        path: path, field: "-", problem: "not a JSON object")
    }
    guard object[CodingKeys.version.rawValue] != nil else {
      throw AnalysisError.invalidParameters(
        path: path, field: CodingKeys.version.rawValue,
        problem: "is missing (state \"\(AnalysisParameters.currentVersion)\")")
    }
    var p = AnalysisParameters()
    for key in object.keys.sorted() {
      guard let field = CodingKeys(rawValue: key) else {
        throw AnalysisError.invalidParameters(path: path, field: key, problem: "unknown key")
      }
      try p.set(field, from: object[key] as Any, path: path)
    }
    try p.validate(path: path)
    return p
  }

  private mutating func set(_ field: CodingKeys, from value: Any, path: String) throws {
    if field == .version {
      guard let text = value as? String, text == AnalysisParameters.currentVersion else {
        throw AnalysisError.invalidParameters(
          path: path, field: field.rawValue,
          problem: "must be \"\(AnalysisParameters.currentVersion)\"")
      }
      return
    }
    // JSON true/false also arrive as NSNumber; their Objective-C type is char ("c"), while
    // `value is Bool` holds for the numbers 0 and 1 too.
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c",
      number.doubleValue.isFinite
    else {
      throw AnalysisError.invalidParameters(
        path: path, field: field.rawValue, problem: "must be a number")
    }
    guard let keyPath = AnalysisParameters.numericField(field) else { return }
    self[keyPath: keyPath] = number.doubleValue
  }

  /// The stored number behind a key; nil only for `version`.
  private static func numericField(_ key: CodingKeys)
    -> WritableKeyPath<AnalysisParameters, Double>?
  {
    switch key {
    case .version: return nil
    case .lungThresholdHU: return \.lungThresholdHU
    case .ggoMinHU: return \.ggoMinHU
    case .consolidationMinHU: return \.consolidationMinHU
    case .lesionMaxHU: return \.lesionMaxHU
    case .highOpacityMinHU: return \.highOpacityMinHU
    case .minLesionVolumeML: return \.minLesionVolumeML
    case .vesselMaxDiameterMM: return \.vesselMaxDiameterMM
    case .peripheralDistanceMM: return \.peripheralDistanceMM
    case .denseVesselMaxDiameterMM: return \.denseVesselMaxDiameterMM
    case .airwayLumenHU: return \.airwayLumenHU
    case .airwayMaxAreaMM2: return \.airwayMaxAreaMM2
    case .airwayBelowCarinaMM: return \.airwayBelowCarinaMM
    case .pleuralClosingRadiusMM: return \.pleuralClosingRadiusMM
    case .pleuralPocketMinDepthMM: return \.pleuralPocketMinDepthMM
    case .pleuralPocketMaxAreaMM2: return \.pleuralPocketMaxAreaMM2
    case .pleuralPocketMaxLungFraction: return \.pleuralPocketMaxLungFraction
    case .pleuralPocketMaxWallMM: return \.pleuralPocketMaxWallMM
    case .pleuralPocketMinMedialAngleDeg: return \.pleuralPocketMinMedialAngleDeg
    case .pleuralPocketMinMidlineDistanceMM: return \.pleuralPocketMinMidlineDistanceMM
    case .lungSplitMaxErosionMM: return \.lungSplitMaxErosionMM
    case .minLungComponentFraction: return \.minLungComponentFraction
    case .minLungVolumeML: return \.minLungVolumeML
    case .nodularMaxDiameterMM: return \.nodularMaxDiameterMM
    case .nodularMinCompactness: return \.nodularMinCompactness
    case .mixedMinFraction: return \.mixedMinFraction
    case .minConsolidationVolumeML: return \.minConsolidationVolumeML
    case .sheetMaxThicknessMM: return \.sheetMaxThicknessMM
    case .sheetMinAreaMM2: return \.sheetMinAreaMM2
    case .vesselMinElongation: return \.vesselMinElongation
    case .vesselMaxRadiusMM: return \.vesselMaxRadiusMM
    case .surfaceCapMinFraction: return \.surfaceCapMinFraction
    case .slabContinuationMinSliceMM: return \.slabContinuationMinSliceMM
    case .slabContinuationDenseHU: return \.slabContinuationDenseHU
    case .slabContinuationMaxFraction: return \.slabContinuationMaxFraction
    }
  }

  private func value(_ key: CodingKeys) -> Double {
    AnalysisParameters.numericField(key).map { self[keyPath: $0] } ?? 0
  }

  /// Checks the order of the HU bounds and that sizes are positive.
  /// - Throws: `AnalysisError.invalidParameters` naming the first field at fault.
  public func validate(path: String) throws {
    func fail(_ key: CodingKeys, _ problem: String) -> AnalysisError {
      .invalidParameters(path: path, field: key.rawValue, problem: problem)
    }
    guard ggoMinHU < consolidationMinHU else {
      throw fail(.ggoMinHU, "must be below consolidation_min_hu")
    }
    guard consolidationMinHU < lesionMaxHU else {
      throw fail(.consolidationMinHU, "must be below lesion_max_hu")
    }
    guard lungThresholdHU > -1000, lungThresholdHU < 0 else {
      throw fail(.lungThresholdHU, "must lie between -1000 and 0 HU")
    }
    let positive: [CodingKeys] = [
      .minLesionVolumeML, .vesselMaxDiameterMM, .denseVesselMaxDiameterMM,
      .peripheralDistanceMM, .airwayMaxAreaMM2,
      .pleuralClosingRadiusMM, .pleuralPocketMaxAreaMM2, .pleuralPocketMaxWallMM,
      .lungSplitMaxErosionMM, .minLungVolumeML,
      .nodularMaxDiameterMM,
      .sheetMaxThicknessMM, .sheetMinAreaMM2, .vesselMinElongation, .vesselMaxRadiusMM,
    ]
    guard pleuralPocketMinMidlineDistanceMM >= 0 else {
      throw fail(.pleuralPocketMinMidlineDistanceMM, "must not be negative")
    }
    guard pleuralPocketMinDepthMM >= 0 else {
      throw fail(.pleuralPocketMinDepthMM, "must not be negative")
    }
    guard slabContinuationMinSliceMM >= 0 else {
      throw fail(.slabContinuationMinSliceMM, "must not be negative")
    }
    guard minConsolidationVolumeML >= 0 else {
      throw fail(.minConsolidationVolumeML, "must not be negative")
    }
    for key in positive where value(key) <= 0 { throw fail(key, "must be positive") }
    for key in CodingKeys.allCases {
      guard let limit = Self.upperLimit(key), value(key) > limit.value else { continue }
      throw fail(key, "must be at most \(limit.text)")
    }
    let fractions: [CodingKeys] = [
      .minLungComponentFraction, .nodularMinCompactness, .mixedMinFraction,
      .surfaceCapMinFraction, .pleuralPocketMaxLungFraction, .slabContinuationMaxFraction,
    ]
    guard pleuralPocketMinMedialAngleDeg >= 0, pleuralPocketMinMedialAngleDeg <= 180 else {
      throw fail(.pleuralPocketMinMedialAngleDeg, "must lie between 0 and 180 degrees")
    }
    for key in fractions {
      let v = value(key)
      guard v >= 0, v <= 1 else { throw fail(key, "must lie between 0 and 1") }
    }
  }

  /// Upper bounds that keep every size a chest CT can mean (and the memory it costs) sane; a
  /// 1e5 mm closing radius once asked for an 81 GB structuring element.
  private static func upperLimit(_ key: CodingKeys) -> (value: Double, text: String)? {
    let name = key.rawValue
    if name.hasSuffix("_mm2") { return (10_000, "10000 mm^2") }
    if name.hasSuffix("_mm") { return (100, "100 mm") }
    if name.hasSuffix("_ml") { return (10_000, "10000 mL") }
    if name.hasSuffix("_hu") { return (3_071, "3071 HU") }
    if key == .vesselMinElongation { return (1_000, "1000") }
    return nil
  }
}
