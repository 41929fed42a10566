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
  /// Threads for the passes over the box (chunks of slices; totals added in chunk order).
  var threads = 1

  /// Clears from `labels` the voxels of solid compact components below consolidation density.
  /// `hu` is the box-cropped volume.
  ///
  /// - Returns: per component id (index 0 unused), whether it is compact and was kept whole:
  ///   the compact lesions whose ground glass counts.
  @discardableResult
  func trim(labels: inout [Int32], count: Int, hu: [Int16], box: VoxelBox) -> [Bool] {
    guard count > 0 else { return [false] }
    let bs = box.size
    let (extents, histograms) = labels.withUnsafeBufferPointer { l in
      hu.withUnsafeBufferPointer { h in
        let source = (labels: SendableConstPointer(l), hu: SendableConstPointer(h))
        let extents = Self.extents(source, count: count, size: bs, threads: threads)
        let wanted = extents.map { $0.voxels > 0 && isCompact($0) }
        return (
          extents, Self.histograms(source, extents: extents, of: wanted, size: bs, threads: threads)
        )
      }
    }
    let cut = (0...count).map { c in
      histograms[c].flatMap { solidCut(HUHistogram(counts: $0, lowHU: extents[c].minHU)) }
    }
    let keptWhole = (0...count).map { c in histograms[c] != nil && cut[c] == nil }
    guard cut.contains(where: { $0 != nil }) else { return keptWhole }
    labels.withUnsafeMutableBufferPointer { l in
      hu.withUnsafeBufferPointer { h in
        let (target, values) = (SendablePointer(l), SendableConstPointer(h))
        _ = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
          for q in (slices.lowerBound * bs.sliceCount)..<(slices.upperBound * bs.sliceCount) {
            let c = Int(target[q])
            if c > 0, let t = cut[c], Double(values[q]) < t { target[q] = 0 }
          }
        }
      }
    }
    return keptWhole
  }

  /// A component's voxel count, index extent and range of clamped HU.
  struct Extent: Sendable {
    var voxels = 0
    var lo = (Int.max, Int.max, Int.max)
    var hi = (-1, -1, -1)
    var minHU = Int.max
    var maxHU = Int.min

    /// Adds another chunk's extent of the same component.
    mutating func merge(_ o: Extent) {
      voxels += o.voxels
      lo = (min(lo.0, o.lo.0), min(lo.1, o.lo.1), min(lo.2, o.lo.2))
      hi = (max(hi.0, o.hi.0), max(hi.1, o.hi.1), max(hi.2, o.hi.2))
      minHU = min(minHU, o.minHU)
      maxHU = max(maxHU, o.maxHU)
    }
  }

  typealias Source = (labels: SendableConstPointer<Int32>, hu: SendableConstPointer<Int16>)

  private static func clampedHU(_ v: Int16) -> Int {
    min(max(Int(v), histogramLowHU), histogramHighHU)
  }

  private static func extents(_ source: Source, count: Int, size bs: GridSize, threads: Int)
    -> [Extent]
  {
    let parts = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
      var e = [Extent](repeating: Extent(), count: count + 1)
      var p = slices.lowerBound * bs.sliceCount
      for k in slices {
        for j in 0..<bs.ny {
          for i in 0..<bs.nx {
            defer { p += 1 }
            let c = Int(source.labels[p])
            guard c > 0 else { continue }
            let v = clampedHU(source.hu[p])
            e[c].voxels += 1
            e[c].minHU = min(e[c].minHU, v)
            e[c].maxHU = max(e[c].maxHU, v)
            e[c].lo = (min(e[c].lo.0, i), min(e[c].lo.1, j), min(e[c].lo.2, k))
            e[c].hi = (max(e[c].hi.0, i), max(e[c].hi.1, j), max(e[c].hi.2, k))
          }
        }
      }
      return e
    }
    var e = [Extent](repeating: Extent(), count: count + 1)
    for part in parts {
      for c in 1..<(count + 1) where part[c].voxels > 0 { e[c].merge(part[c]) }
    }
    return e
  }

  /// HU counts (one bin per HU over the component's own HU range, from `minHU`) of the
  /// components `wanted`; nil for the others. Only compact components need one, and a
  /// histogram of the full -1024...1024 range for each of thousands of specks costs more than
  /// the labelling.
  private static func histograms(
    _ source: Source, extents: [Extent], of wanted: [Bool], size bs: GridSize, threads: Int
  ) -> [[Int]?] {
    // All histograms in one flat store, component c's bins from `first[c]`.
    var first = [Int](repeating: 0, count: extents.count)
    var bins = 0
    for c in extents.indices where wanted[c] {
      first[c] = bins - extents[c].minHU
      bins += extents[c].maxHU - extents[c].minHU + 1
    }
    let parts = ParallelSlices.map(count: bs.nz, threads: threads) { [first, bins] _, slices in
      var counts = [Int](repeating: 0, count: bins)
      for q in (slices.lowerBound * bs.sliceCount)..<(slices.upperBound * bs.sliceCount) {
        let c = Int(source.labels[q])
        guard c > 0, wanted[c] else { continue }
        counts[first[c] + clampedHU(source.hu[q])] += 1
      }
      return counts
    }
    var total = [Int](repeating: 0, count: bins)
    for part in parts {
      for b in 0..<bins { total[b] += part[b] }
    }
    return extents.indices.map { c in
      guard wanted[c] else { return nil }
      let low = first[c] + extents[c].minHU
      return Array(total[low..<(low + extents[c].maxHU - extents[c].minHU + 1)])
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
