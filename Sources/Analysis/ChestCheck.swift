import Imaging

/// Refuses volumes that cannot give meaningful lung figures, before any segmentation.
enum ChestCheck {
  /// Fewer slices cannot hold a lung volume.
  static let minSlices = 3
  /// A smaller in-plane field of view (mm) cannot hold a chest.
  static let minFieldOfViewMM = 150.0
  /// Air: calibrated CT shows it near -1000 HU; at least this share must lie below `airHU`.
  static let airHU: Int16 = -500
  static let minAirShare = 0.005
  /// Every `sampleStride`-th voxel is inspected.
  static let sampleStride = 7

  /// - Throws: `AnalysisError.notAChestCT` or `.notInHounsfieldUnits` with the reason.
  static func validate(_ volume: Volume) throws {
    let g = volume.geometry
    guard g.size.nz >= minSlices else {
      throw AnalysisError.notAChestCT(
        detail: "\(g.size.nz) slice(s); at least \(minSlices) are needed for lung volumes")
    }
    let widthMM = Double(g.size.nx) * g.spacing.x
    let heightMM = Double(g.size.ny) * g.spacing.y
    guard widthMM >= minFieldOfViewMM, heightMM >= minFieldOfViewMM else {
      throw AnalysisError.notAChestCT(
        detail: "field of view \(Int(widthMM)) x \(Int(heightMM)) mm is smaller than a chest")
    }
    var seen = 0
    var air = 0
    var low = Int16.max
    var high = Int16.min
    for p in stride(from: 0, to: volume.voxels.count, by: sampleStride) {
      let v = volume.voxels[p]
      guard v != Volume.noData else { continue }
      seen += 1
      if v < airHU { air += 1 }
      low = min(low, v)
      high = max(high, v)
    }
    guard seen > 0, Double(air) >= minAirShare * Double(seen) else {
      let range = seen > 0 ? "values run from \(low) to \(high)" : "no voxel holds data"
      throw AnalysisError.notInHounsfieldUnits(
        detail: "almost no voxel is below \(airHU) (air); \(range)")
    }
  }
}
