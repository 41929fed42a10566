import Analysis
import Foundation
import Imaging

/// Measures the synthetic example from its voxels the simple way (counts and thresholds), so
/// the example's numbers are consistent with its pictures. Not the analysis stage.
struct ExampleMeasurer {
  let example: ExampleVolume

  func measurements() -> StudyMeasurements {
    let geometry = example.volume.geometry
    let voxelML = geometry.voxelVolumeML
    let params = AnalysisParameters()
    var values: [UInt16: [Int16]] = [:]
    var sums: [UInt16: Vector3] = [:]
    for (offset, id) in example.lesionMap.enumerated() where id != 0 {
      values[id, default: []].append(example.volume.voxels[offset])
      let size = geometry.size
      let point = Vector3(
        Double(offset % size.nx), Double((offset / size.nx) % size.ny),
        Double(offset / size.sliceCount))
      sums[id, default: Vector3(0, 0, 0)] = sums[id, default: Vector3(0, 0, 0)] + point
    }
    let lesions = values.keys.sorted().map { id in
      lesion(
        Int(id), values[id] ?? [],
        center: (sums[id] ?? Vector3(0, 0, 0)) * (1 / Double(values[id]?.count ?? 1)),
        voxelML: voxelML, params: params)
    }
    let lungML = Double(example.lungVoxels.right + example.lungVoxels.left) * voxelML
    let lesionML = lesions.map(\.volumeML).reduce(0, +)
    let consolidationML = lesions.map(\.consolidationVolumeML).reduce(0, +)
    let rightML = Double(example.lungVoxels.right) * voxelML
    let leftML = Double(example.lungVoxels.left) * voxelML
    let zones = zoneInvolvement(lesions, rightML: rightML, leftML: leftML)
    let rightLesion = lesions.filter { $0.side == .right }.map(\.volumeML).reduce(0, +)
    let study: [String: Any] = [
      "schema_version": StudyMeasurements.currentSchemaVersion, "lung_volume_ml": lungML,
      "right_lung_volume_ml": rightML, "left_lung_volume_ml": leftML,
      "lesion_volume_ml": lesionML, "ggo_volume_ml": lesionML - consolidationML,
      "consolidation_volume_ml": consolidationML, "po_percent": lesionML / lungML * 100,
      "pho_percent": consolidationML / lungML * 100,
      "severity_score": zones.map { $0["score"] as? Int ?? 0 }.reduce(0, +),
      "right_involvement_percent": rightLesion / rightML * 100,
      "left_involvement_percent": (lesionML - rightLesion) / leftML * 100, "zones": zones,
      "lesions": lesions.map(\.json), "parameters": Self.parameterJSON,
    ]
    return Self.decode(study)
  }

  /// Analysis types have no public memberwise initialisers; their JSON form is their
  /// public contract, so the example builds them through it.
  static func decode(_ object: [String: Any]) -> StudyMeasurements {
    // The dictionary holds only strings, numbers, booleans, arrays and dictionaries built
    // above, and its keys are exactly the Codable keys: encoding and decoding cannot fail.
    var object = object
    object["method"] = StudyMeasurements.methodNote
    let data = try! JSONSerialization.data(withJSONObject: object)
    return try! JSONDecoder().decode(StudyMeasurements.self, from: data)
  }

  static var parameterJSON: [String: Any] {
    let data = (try? JSONEncoder().encode(AnalysisParameters())) ?? Data()
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
  }

  private func lesion(
    _ id: Int, _ hu: [Int16], center: Vector3, voxelML: Double, params: AnalysisParameters
  ) -> ExampleLesion {
    let sorted = hu.sorted()
    let dense = hu.filter { Double($0) >= params.consolidationMinHU }.count
    let radiusMM = cbrt(Double(hu.count) * 3 / (4 * .pi)) * ExampleVolume.spacingMM.x
    let side: LungSide = center.x < Double(ExampleVolume.gridSize.nx) / 2 ? .right : .left
    let zone: LungZone = center.z > 38 ? .upper : (center.z > 22 ? .middle : .lower)
    let centerLPS = example.volume.geometry.point(center.x, center.y, center.z)
    let json: [String: Any] = [
      "id": id, "center_lps_mm": [centerLPS.x, centerLPS.y, centerLPS.z],
      "volume_ml": Double(hu.count) * voxelML, "ggo_volume_ml": Double(hu.count - dense) * voxelML,
      "consolidation_volume_ml": Double(dense) * voxelML, "longest_diameter_mm": 2 * radiusMM,
      "perpendicular_diameter_mm": 2 * radiusMM * 0.96,
      "axial_slice_index": Int(center.z.rounded()),
      "mean_hu": Double(hu.map(Int.init).reduce(0, +)) / Double(max(hu.count, 1)),
      "hu_p10": Double(sorted[sorted.count / 10]), "hu_median": Double(sorted[sorted.count / 2]),
      "hu_p90": Double(sorted[sorted.count * 9 / 10]), "side": side.rawValue,
      "zone": zone.rawValue, "peripheral": true, "touches_pleura": false,
      "type": dense > 0 ? LesionType.mixed.rawValue : LesionType.nodularGGO.rawValue,
      "voxel_count": hu.count,
    ]
    return ExampleLesion(
      side: side, zone: zone, volumeML: Double(hu.count) * voxelML,
      consolidationVolumeML: Double(dense) * voxelML, json: json)
  }

  /// Per-zone percentages with the lesion volume assigned to the zone of its centre.
  private func zoneInvolvement(_ lesions: [ExampleLesion], rightML: Double, leftML: Double)
    -> [[String: Any]]
  {
    [LungSide.right, .left].flatMap { side -> [[String: Any]] in
      LungZone.allCases.map { zone -> [String: Any] in
        let lungML = (side == .right ? rightML : leftML) / 3
        let lesionML = lesions.filter { $0.side == side && $0.zone == zone }.map(\.volumeML).reduce(
          0, +)
        let percent = lesionML / lungML * 100
        let zoneJSON: [String: Any] = [
          "side": side.rawValue, "zone": zone.rawValue, "lung_volume_ml": lungML,
          "lesion_volume_ml": lesionML, "percent": percent, "score": Self.score(percent),
        ]
        return zoneJSON
      }
    }
  }

  /// 0 none, 1 below 5 %, 2 to 25 %, 3 to 49 %, 4 to 75 %, 5 above.
  static func score(_ percent: Double) -> Int {
    switch percent {
    case ..<0.000_001: 0
    case ..<5: 1
    case ..<26: 2
    case ..<50: 3
    case ...75: 4
    default: 5
    }
  }
}

/// One measured example lesion: what the example needs to sum, and its JSON form.
struct ExampleLesion {
  var side: LungSide
  var zone: LungZone
  var volumeML: Double
  var consolidationVolumeML: Double
  var json: [String: Any]
}
