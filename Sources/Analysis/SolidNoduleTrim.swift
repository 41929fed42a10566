import Imaging

/// Solid-nodule volumetry without the partial-volume rim.
///
/// A small solid lesion is surrounded by a rim of partial-volume voxels (thin in-plane, a whole
/// slice thick on 5-8 mm slices) that the -750 HU ground-glass bound counts as lesion, so its
/// volume comes out far above a radiologist's contour. For compact lesions (extent at most
/// `nodularMaxDiameterMM`) with a solid core (90th HU percentile at or above
/// `consolidationMinHU`), only the voxels of consolidation density are kept: the
/// ground-glass-density rim of a solid nodule is partial volume, not ground glass. Ground-glass
/// lesions and large lesions keep the published HU bounds.
// TODO: a part-solid nodule under 30 mm is measured by its solid part only; its ground-glass
// part is dropped from its volume (a radiologist would measure the whole nodule).
struct SolidNoduleTrim {
  /// A lesion is solid when this quantile of its HU reaches consolidation density.
  static let coreQuantile = 0.9
  static let histogramLowHU = -1024
  static let histogramHighHU = 1024

  let grid: ChestGrid
  let parameters: AnalysisParameters

  /// Clears from `labels` the voxels of solid compact components below consolidation density.
  /// `hu` is the box-cropped volume.
  func trim(labels: inout [Int32], count: Int, hu: [Int16], box: VoxelBox) {
    let bins = Self.histogramHighHU - Self.histogramLowHU + 1
    var histogram = [[Int]](repeating: [], count: count + 1)
    var lo = [(Int, Int, Int)](repeating: (Int.max, Int.max, Int.max), count: count + 1)
    var hi = [(Int, Int, Int)](repeating: (-1, -1, -1), count: count + 1)
    let bs = box.size
    var p = 0
    for k in 0..<bs.nz {
      for j in 0..<bs.ny {
        for i in 0..<bs.nx {
          defer { p += 1 }
          let c = Int(labels[p])
          guard c > 0 else { continue }
          if histogram[c].isEmpty { histogram[c] = [Int](repeating: 0, count: bins) }
          let bin = min(max(Int(hu[p]), Self.histogramLowHU), Self.histogramHighHU)
          histogram[c][bin - Self.histogramLowHU] += 1
          lo[c] = (min(lo[c].0, i), min(lo[c].1, j), min(lo[c].2, k))
          hi[c] = (max(hi[c].0, i), max(hi[c].1, j), max(hi[c].2, k))
        }
      }
    }
    let cut = (0...count).map { c in
      c > 0 && !histogram[c].isEmpty ? threshold(histogram[c], lo: lo[c], hi: hi[c]) : nil
    }
    for q in 0..<labels.count where labels[q] > 0 {
      if let t = cut[Int(labels[q])], Double(hu[q]) < t { labels[q] = 0 }
    }
  }

  /// The lower HU bound for a solid compact component, or nil to keep it as it is.
  private func threshold(_ histogram: [Int], lo: (Int, Int, Int), hi: (Int, Int, Int))
    -> Double?
  {
    let extent = [
      Double(hi.0 - lo.0 + 1) * grid.spacingX, Double(hi.1 - lo.1 + 1) * grid.spacingY,
      Double(hi.2 - lo.2 + 1) * grid.spacingZ,
    ]
    guard extent.max() ?? 0 <= parameters.nodularMaxDiameterMM else { return nil }
    let core = HUHistogram(counts: histogram, lowHU: Self.histogramLowHU)
      .percentile(Self.coreQuantile)
    guard core >= parameters.consolidationMinHU else { return nil }
    return parameters.consolidationMinHU
  }
}
