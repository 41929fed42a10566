import Imaging

/// Sums gathered for one lesion in one pass over the lungs.
struct LesionSums {
  var count = 0
  var sumI = 0.0
  var sumJ = 0.0
  var sumK = 0.0
  var ggo = 0
  var consolidation = 0
  var right = 0
  var left = 0
  var touchesOutside = false
  var sumHU = 0.0
  /// HU histogram from `histogramLowHU`, one bin per HU.
  var histogram: [Int]
  /// Voxel count per box slice, to find the slice where the lesion is largest.
  var perSlice: [Int]

  /// Adds another part's sums of the same lesion (its voxels are disjoint from these).
  mutating func add(_ other: LesionSums) {
    count += other.count
    sumI += other.sumI
    sumJ += other.sumJ
    sumK += other.sumK
    ggo += other.ggo
    consolidation += other.consolidation
    right += other.right
    left += other.left
    touchesOutside = touchesOutside || other.touchesOutside
    sumHU += other.sumHU
    for b in histogram.indices { histogram[b] += other.histogram[b] }
    for k in perSlice.indices { perSlice[k] += other.perSlice[k] }
  }
}

/// Everything one pass over the lungs yields: per-lesion sums and per-zone counts.
///
/// The pass runs over chunks of slices in parallel and adds the chunks' totals in chunk order.
/// Every total is a count or a sum of integers (voxel indices, HU), exact in `Double`, so the
/// result does not depend on the thread count.
struct LesionStatistics {
  var lesions: [LesionSums]
  /// Lung voxels per side (0 right, 1 left) and zone (0 upper ... 2 lower).
  var lungVoxels = [[Int]](repeating: [0, 0, 0], count: 2)
  var lesionVoxels = [[Int]](repeating: [0, 0, 0], count: 2)
  var highOpacityVoxels = 0
  var extents: [LungExtent]
  let histogramLowHU: Int

  /// Walks the lungs once. `sides` holds right/left per voxel before lesion labels are added.
  init(
    sides: [UInt8], hu: [Int16], lesions: LesionComponents, grid: ChestGrid,
    parameters: AnalysisParameters, threads: Int = 1
  ) {
    let box = lesions.box
    let bins = Int(parameters.lesionMaxHU.rounded(.down) - parameters.ggoMinHU.rounded(.up)) + 1
    histogramLowHU = Int(parameters.ggoMinHU.rounded(.up))
    self.lesions = LesionStatistics.emptySums(count: lesions.count, bins: bins, slices: box.size.nz)
    extents = LesionStatistics.extents(sides: sides, box: box, grid: grid, threads: threads)
    let chunks = ParallelSlices.map(count: box.size.nz, chunks: threads, threads: threads) {
      [self] _, slices in
      var part = self
      part.accumulate(
        slices, sides: sides, hu: hu, lesions: lesions, grid: grid, parameters: parameters)
      return part
    }
    for part in chunks { merge(part) }
  }

  private static func emptySums(count: Int, bins: Int, slices: Int) -> [LesionSums] {
    var sums = (0...count).map { _ in
      LesionSums(histogram: [], perSlice: [Int](repeating: 0, count: slices))
    }
    for n in 1..<sums.count { sums[n].histogram = [Int](repeating: 0, count: bins) }
    return sums
  }

  /// Adds another chunk's totals (counted from the same empty start) to these.
  private mutating func merge(_ part: LesionStatistics) {
    for side in 0..<2 {
      for zone in 0..<3 {
        lungVoxels[side][zone] += part.lungVoxels[side][zone]
        lesionVoxels[side][zone] += part.lesionVoxels[side][zone]
      }
    }
    highOpacityVoxels += part.highOpacityVoxels
    for n in 1..<lesions.count { lesions[n].add(part.lesions[n]) }
  }

  private static func extents(sides: [UInt8], box: VoxelBox, grid: ChestGrid, threads: Int)
    -> [LungExtent]
  {
    let bs = box.size
    let parts = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
      var e = [LungExtent(), LungExtent()]
      for k in slices {
        for j in 0..<bs.ny {
          let row = box.fullOffset(0, j, k, grid: grid)
          for i in 0..<bs.nx where sides[row + i] != 0 {
            e[Int(sides[row + i]) - 1].include(
              grid.lpsZ(i + box.lo.i, j + box.lo.j, k + box.lo.k))
          }
        }
      }
      return e
    }
    var e = [LungExtent(), LungExtent()]
    for part in parts {
      for side in 0..<2 where part[side].minZ <= part[side].maxZ {
        e[side].include(part[side].minZ)
        e[side].include(part[side].maxZ)
      }
    }
    return e
  }

  /// Counts the box slices `slices` into these totals.
  private mutating func accumulate(
    _ slices: Range<Int>, sides: [UInt8], hu: [Int16], lesions: LesionComponents,
    grid: ChestGrid, parameters: AnalysisParameters
  ) {
    let box = lesions.box
    let bs = box.size
    let consolidationHU = Int16(clamping: Int(parameters.consolidationMinHU.rounded(.up)))
    let highHU = Int16(clamping: Int(parameters.highOpacityMinHU.rounded(.up)))
    var p = slices.lowerBound * bs.sliceCount
    for k in slices {
      for j in 0..<bs.ny {
        let row = box.fullOffset(0, j, k, grid: grid)
        for i in 0..<bs.nx {
          defer { p += 1 }
          let side = Int(sides[row + i])
          guard side != 0 else { continue }
          let (gi, gj, gk) = (i + box.lo.i, j + box.lo.j, k + box.lo.k)
          let zone = extents[side - 1].zoneIndex(grid.lpsZ(gi, gj, gk))
          lungVoxels[side - 1][zone] += 1
          let id = Int(lesions.ids[p])
          guard id > 0 else { continue }
          lesionVoxels[side - 1][zone] += 1
          let v = hu[row + i]
          if v >= highHU { highOpacityVoxels += 1 }
          LesionStatistics.add(
            &self.lesions[id], at: (gi, gj, gk), localK: k, hu: v, side: side,
            isDense: v >= consolidationHU, lowHU: histogramLowHU)
          if touchesOutside(sides, row + i, (gi, gj, gk), grid) {
            self.lesions[id].touchesOutside = true
          }
        }
      }
    }
  }
  private static func add(
    _ s: inout LesionSums, at g: (Int, Int, Int), localK: Int, hu: Int16, side: Int,
    isDense: Bool, lowHU: Int
  ) {
    s.count += 1
    s.sumI += Double(g.0)
    s.sumJ += Double(g.1)
    s.sumK += Double(g.2)
    if isDense { s.consolidation += 1 } else { s.ggo += 1 }
    if side == Int(LungLabel.left) { s.left += 1 } else { s.right += 1 }
    s.sumHU += Double(hu)
    let bin = min(max(Int(hu) - lowHU, 0), s.histogram.count - 1)
    s.histogram[bin] += 1
    s.perSlice[localK] += 1
  }

  /// True when a 6-neighbour of the voxel lies outside both lungs (or outside the grid).
  private func touchesOutside(
    _ sides: [UInt8], _ f: Int, _ g: (Int, Int, Int), _ grid: ChestGrid
  ) -> Bool {
    let (i, j, k) = g
    if i == 0 || j == 0 || k == 0 || i == grid.nx - 1 || j == grid.ny - 1 || k == grid.nz - 1 {
      return true
    }
    return sides[f - 1] == 0 || sides[f + 1] == 0 || sides[f - grid.nx] == 0
      || sides[f + grid.nx] == 0 || sides[f - grid.plane] == 0 || sides[f + grid.plane] == 0
  }
}
