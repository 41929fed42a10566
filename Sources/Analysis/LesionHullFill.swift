import Imaging

/// Gives back to compact ground-glass lesions the lesion-density voxels inside their outline on
/// each slice: the vessels crossing them and the slivers beside those vessels.
///
/// The vessel openings of `LesionDetector` remove a vessel where it crosses a nodule, together
/// with any part of the nodule too narrow for the opening disk beside it: between the vessel and
/// the pleura, or between the vessel and the nodule's edge. `VesselCrossingRestore`'s closing
/// fills such gaps only where the nodule encloses them; a gap that opens onto the chest wall or
/// onto the lung beyond the nodule's edge stays out. A nodule (at most `nodularMaxDiameterMM`
/// across) is convex in section, so what lies within the convex hull of its cross-section on a
/// slice is nodule. Measured on the thin phantom's seed course, before this step: nodules of
/// 0.4-3 mL lost 6-13 % of their volume to vessels crossing them, the vessel-dense voxels inside
/// them (mean -90 to -330 HU) and the ground glass beside those (issue 5).
///
/// Only lung voxels of lesion density (`ggoMinHU` to `lesionMaxHU`) come in, so normal
/// parenchyma in a concavity does not. Applied after `SolidNoduleTrim`, to the compact lesions it
/// kept whole: the vessel voxels restored here would otherwise push a ground-glass nodule's 90th
/// HU percentile to consolidation density and have it cut down to its dense voxels. Lesions
/// below `minLesionVolumeML` are left alone, so the fill adds no lesion. Like
/// `VesselCrossingRestore`, only for slices no thicker than the ground-glass opening's radius:
/// on thick slices the hull of a nodule's section reaches beyond the nodule within the slab.
struct LesionHullFill {
  let grid: ChestGrid
  let parameters: AnalysisParameters
  var threads = 1

  /// Whether slices `spacingZ` mm apart get the fill.
  static func applies(spacingZ: Double, parameters: AnalysisParameters) -> Bool {
    VesselCrossingRestore.applies(spacingZ: spacingZ, parameters: parameters)
  }

  /// Labels, per slice, the unlabelled lesion-density lung voxels inside the convex hull of each
  /// `eligible` component's section with that component.
  ///
  /// - Parameters:
  ///   - labels: component ids on `box` (0 none), updated in place.
  ///   - eligible: per component id (index 0 unused), whether it gets the fill.
  ///   - hu: the box-cropped volume; `lung` the box-cropped lung sides (0 outside).
  /// - Complexity: one pass over the box, plus the hull spans of eligible sections.
  func fill(labels: inout [Int32], eligible: [Bool], hu: [Int16], lung: [UInt8], box: VoxelBox) {
    guard eligible.contains(true) else { return }
    let bs = box.size
    let range = HURange(parameters)
    labels.withUnsafeMutableBufferPointer { l in
      hu.withUnsafeBufferPointer { h in
        lung.withUnsafeBufferPointer { s in
          let slab = Slab(
            labels: SendablePointer(l), hu: SendableConstPointer(h),
            lung: SendableConstPointer(s), size: bs)
          _ = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
            for k in slices { Self.fill(slice: k, of: slab, eligible: eligible, range: range) }
          }
        }
      }
    }
  }

  /// Lesion density as stored HU values.
  private struct HURange: Sendable {
    var low: Int16
    var high: Int16

    init(_ parameters: AnalysisParameters) {
      low = Int16(clamping: Int(parameters.ggoMinHU.rounded(.up)))
      high = Int16(clamping: Int(parameters.lesionMaxHU.rounded(.down)))
    }
  }

  /// The box's labels and what decides a voxel may come in.
  private struct Slab: @unchecked Sendable {
    var labels: SendablePointer<Int32>
    var hu: SendableConstPointer<Int16>
    var lung: SendableConstPointer<UInt8>
    var size: GridSize
  }

  /// Hull points (first and last pixel per row) of each eligible component on slice `k`, then
  /// the fill of each hull in increasing id order (a voxel inside two hulls goes to the lower).
  private static func fill(slice k: Int, of slab: Slab, eligible: [Bool], range: HURange) {
    let (nx, ny) = (slab.size.nx, slab.size.ny)
    let base = k * slab.size.sliceCount
    var ends: [Int32: [(x: Int, y: Int)]] = [:]
    for j in 0..<ny {
      var i = 0
      while i < nx {
        let c = slab.labels[base + j * nx + i]
        guard c > 0, eligible[Int(c)] else {
          i += 1
          continue
        }
        var last = i
        while last + 1 < nx, slab.labels[base + j * nx + last + 1] == c { last += 1 }
        ends[c, default: []].append((i, j))
        if last != i { ends[c, default: []].append((last, j)) }
        i = last + 1
      }
    }
    for c in ends.keys.sorted() {
      guard let hull = ConvexHull(points: ends[c]!) else { continue }  // keys of `ends`
      let rows = ends[c]!.map(\.y)  // keys of `ends`
      let spans = hull.rowSpans(height: ny)
      for j in rows.min()!...rows.max()! {  // `rows` is never empty: one end per entry
        guard let span = spans[j] else { continue }
        for i in span {
          let p = base + j * nx + i
          let v = slab.hu[p]
          if slab.labels[p] == 0, slab.lung[p] != 0, v >= range.low, v <= range.high {
            slab.labels[p] = c
          }
        }
      }
    }
  }
}
