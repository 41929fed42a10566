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
    let extents = Self.extents(labels: labels, count: count, hu: hu, box: box)
    let histograms = Self.histograms(
      labels: labels, hu: hu, extents: extents,
      of: extents.map { $0.voxels > 0 && isCompact($0) })
    let cut = (0...count).map { c in histograms[c].flatMap { solidCut($0) } }
    guard cut.contains(where: { $0 != nil }) else { return }
    for q in 0..<labels.count where labels[q] > 0 {
      if let t = cut[Int(labels[q])], Double(hu[q]) < t { labels[q] = 0 }
    }
  }

  /// A component's voxel count, index extent and range of clamped HU.
  struct Extent {
    var voxels = 0
    var lo = (Int.max, Int.max, Int.max)
    var hi = (-1, -1, -1)
    var minHU = Int.max
    var maxHU = Int.min
  }

  private static func clampedHU(_ v: Int16) -> Int {
    min(max(Int(v), histogramLowHU), histogramHighHU)
  }

  private static func extents(labels: [Int32], count: Int, hu: [Int16], box: VoxelBox)
    -> [Extent]
  {
    var e = [Extent](repeating: Extent(), count: count + 1)
    let bs = box.size
    labels.withUnsafeBufferPointer { label in
      var p = 0
      for k in 0..<bs.nz {
        for j in 0..<bs.ny {
          for i in 0..<bs.nx {
            defer { p += 1 }
            let c = Int(label[p])
            guard c > 0 else { continue }
            let v = clampedHU(hu[p])
            e[c].voxels += 1
            e[c].minHU = min(e[c].minHU, v)
            e[c].maxHU = max(e[c].maxHU, v)
            e[c].lo = (min(e[c].lo.0, i), min(e[c].lo.1, j), min(e[c].lo.2, k))
            e[c].hi = (max(e[c].hi.0, i), max(e[c].hi.1, j), max(e[c].hi.2, k))
          }
        }
      }
    }
    return e
  }

  /// HU histograms (one bin per HU over the component's own HU range) of the components
  /// `wanted`; nil for the others. Only compact components need one, and a histogram of the
  /// full -1024...1024 range for each of thousands of specks costs more than the labelling.
  private static func histograms(
    labels: [Int32], hu: [Int16], extents: [Extent], of wanted: [Bool]
  ) -> [HUHistogram?] {
    var counts = extents.indices.map { c in
      [Int](repeating: 0, count: wanted[c] ? extents[c].maxHU - extents[c].minHU + 1 : 0)
    }
    for q in 0..<labels.count where labels[q] > 0 && wanted[Int(labels[q])] {
      let c = Int(labels[q])
      counts[c][clampedHU(hu[q]) - extents[c].minHU] += 1
    }
    return extents.indices.map { c in
      wanted[c] ? HUHistogram(counts: counts[c], lowHU: extents[c].minHU) : nil
    }
  }

  /// Whether the component's extent along every axis is at most `nodularMaxDiameterMM`.
  private func isCompact(_ e: Extent) -> Bool {
    let extent = [
      Double(e.hi.0 - e.lo.0 + 1) * grid.spacingX, Double(e.hi.1 - e.lo.1 + 1) * grid.spacingY,
      Double(e.hi.2 - e.lo.2 + 1) * grid.spacingZ,
    ]
    return extent.max() ?? 0 <= parameters.nodularMaxDiameterMM
  }

  /// The lower HU bound for a compact component with a solid core, or nil to keep it whole.
  private func solidCut(_ histogram: HUHistogram) -> Double? {
    let core = histogram.percentile(Self.coreQuantile)
    guard core >= parameters.consolidationMinHU else { return nil }
    return parameters.consolidationMinHU
  }
}
