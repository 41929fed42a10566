import Imaging

/// Finds the trachea near the top of the scan and follows it and the main bronchi downwards,
/// slice by slice, so they can be taken out of the lung mask.
///
/// The trachea is the largest lumen (air below `airwayLumenHU`) near the midline on the highest
/// slice that has one of plausible size. On each lower slice, lumen regions overlapping the
/// previous slice's airway continue it, unless their cross-section exceeds `airwayMaxAreaMM2`
/// (then the airway has opened into lung and that branch stops). Tracking ends
/// `airwayBelowCarinaMM` below the slice where the airway first splits in two.
struct AirwayTracker {
  /// Smallest tracheal cross-section accepted as a seed (mm^2, about 7 mm across).
  static let minTracheaAreaMM2 = 40.0
  /// Furthest the trachea's centre may lie from the body midline (mm).
  static let tracheaMaxOffsetMM = 30.0
  /// Partial-volume rim around the lumen removed with it (mm).
  static let wallMarginMM = 2.0
  /// Smallest lumen cross-section counted as a branch when looking for the carina (mm^2, about
  /// 5 mm across; main bronchi are 10-15 mm). Specks of a few pixels in the partial volume of
  /// the tracheal wall are followed but are not branches: on the RICORD series three of them
  /// beside the trachea at the top of the scan counted as the carina, tracking stopped
  /// `airwayBelowCarinaMM` lower, and the trachea below was taken for lung, its wall for
  /// consolidation.
  static let minBranchAreaMM2 = 20.0
  /// Least in-plane search radius linking lumens on neighbouring slices (mm).
  static let minOverlapRadiusMM = 3.0

  let grid: ChestGrid
  let parameters: AnalysisParameters
  let midlineX: Double

  /// Marks the airway voxels of `mask` (`AirMask.air`) as `AirMask.airway`.
  /// - Returns: the number of voxels marked; 0 when no trachea was found.
  func mark(mask: inout [UInt8], hu: [Int16]) -> Int {
    let order = grid.slicesTopDown
    guard let (start, seed) = findSeed(mask: mask, hu: hu, order: order) else { return 0 }
    var morph = SliceMorphology(
      width: grid.nx, height: grid.ny, spacingX: grid.spacingX, spacingY: grid.spacingY)
    var marked = markSlice(seed, k: order[start], mask: &mask, morph: &morph)
    var previous = seed
    var carinaZ: Double?
    let linkRadius = max(Self.minOverlapRadiusMM, grid.sliceStepZMM)

    for k in order[(start + 1)...] {
      let z = grid.lpsZ(grid.nx / 2, grid.ny / 2, k)
      if let carinaZ, carinaZ - z > parameters.airwayBelowCarinaMM { break }
      let lumen = lumenComponents(mask: mask, hu: hu, k: k)
      var near = previous
      near.withUnsafeMutableBufferPointer { morph.dilate($0, radiusMM: linkRadius) }
      let (next, regions, branches) = continuation(of: near, in: lumen)
      guard regions > 0 else { break }
      if branches >= 2, carinaZ == nil { carinaZ = z }
      marked += markSlice(next, k: k, mask: &mask, morph: &morph)
      previous = next
    }
    return marked
  }

  /// The lumen regions touching `near` with an airway-sized cross-section, their number, and
  /// how many of them are branches (at least `minBranchAreaMM2`).
  private func continuation(of near: [UInt8], in lumen: ConnectedComponents) -> (
    [UInt8], regions: Int, branches: Int
  ) {
    let maxPixels = Int(parameters.airwayMaxAreaMM2 / grid.pixelAreaMM2)
    let minPixels = Int((Self.minBranchAreaMM2 / grid.pixelAreaMM2).rounded(.up))
    var accepted = [Bool](repeating: false, count: lumen.count + 1)
    var regions = 0
    var branches = 0
    for p in 0..<grid.plane where near[p] != 0 {
      let c = Int(lumen.labels[p])
      if c > 0, !accepted[c], lumen.sizes[c] <= maxPixels {
        accepted[c] = true
        regions += 1
        if lumen.sizes[c] >= minPixels { branches += 1 }
      }
    }
    var next = [UInt8](repeating: 0, count: grid.plane)
    for p in 0..<grid.plane where accepted[Int(lumen.labels[p])] { next[p] = 1 }
    return (next, regions, branches)
  }

  /// Position in `order` of the first slice holding a trachea, and its lumen there.
  private func findSeed(mask: [UInt8], hu: [Int16], order: [Int]) -> (Int, [UInt8])? {
    let minPixels = Int(Self.minTracheaAreaMM2 / grid.pixelAreaMM2)
    let maxPixels = Int(parameters.airwayMaxAreaMM2 / grid.pixelAreaMM2)
    for (position, k) in order.prefix(max(1, order.count / 2)).enumerated() {
      let lumen = lumenComponents(mask: mask, hu: hu, k: k)
      guard lumen.count > 0 else { continue }
      var sumX = [Double](repeating: 0, count: lumen.count + 1)
      for j in 0..<grid.ny {
        for i in 0..<grid.nx {
          let c = Int(lumen.labels[j * grid.nx + i])
          if c > 0 { sumX[c] += grid.lpsX(i, j, k) }
        }
      }
      var best = 0
      for c in 1...lumen.count {
        let n = lumen.sizes[c]
        let offset = abs(sumX[c] / Double(n) - midlineX)
        guard n >= minPixels, n <= maxPixels, offset <= Self.tracheaMaxOffsetMM else { continue }
        if best == 0 || n > lumen.sizes[best] { best = c }
      }
      guard best > 0 else { continue }
      return (position, lumen.labels.map { $0 == Int32(best) ? 1 : 0 })
    }
    return nil
  }

  private func lumenComponents(mask: [UInt8], hu: [Int16], k: Int) -> ConnectedComponents {
    let base = k * grid.plane
    let lumenHU = Int16(clamping: Int(parameters.airwayLumenHU.rounded(.down)))
    var lumen = [UInt8](repeating: 0, count: grid.plane)
    for p in 0..<grid.plane where mask[base + p] == AirMask.air && hu[base + p] < lumenHU {
      lumen[p] = 1
    }
    return ConnectedComponents(mask: lumen, size: GridSize(grid.nx, grid.ny, 1))
  }

  /// Marks the slice's airway plus its partial-volume rim; returns the voxels marked.
  private func markSlice(
    _ airway: [UInt8], k: Int, mask: inout [UInt8], morph: inout SliceMorphology
  ) -> Int {
    var grown = airway
    grown.withUnsafeMutableBufferPointer { morph.dilate($0, radiusMM: Self.wallMarginMM) }
    let base = k * grid.plane
    var count = 0
    for p in 0..<grid.plane where grown[p] != 0 && mask[base + p] == AirMask.air {
      mask[base + p] = AirMask.airway
      count += 1
    }
    return count
  }
}
