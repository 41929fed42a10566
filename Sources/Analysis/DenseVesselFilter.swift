import Imaging

/// Tells vessel trees from consolidation among the dense candidate voxels by their 3-D shape.
///
/// Vessels near the hilum are as dense as consolidation and wider than any in-plane opening
/// that keeps small solid nodules, so after `denseVesselMaxDiameterMM` they remain as one
/// branching tree per lung (about 85 mL on the phantom). A tree is long for its thickness: each
/// 6-connected component of dense voxels gets its largest inscribed radius r (3-D distance to
/// the nearest voxel outside it) and its volume V; V / (2 pi r^3), length over diameter for a
/// tube and 2/3 for a ball, is its elongation. A component more elongated than
/// `vesselMinElongation` and thinner than `vesselMaxRadiusMM` is a vessel tree and is cleared.
/// Cleared voxels still return next to surviving lesion voxels through `LesionDetector`'s edge
/// restore, so a vessel crossing a lesion does not punch a hole in it.
/// - Complexity: linear in the voxels of each component's bounding block.
struct DenseVesselFilter {
  let grid: ChestGrid
  let parameters: AnalysisParameters

  /// Per-component extent and size, on the box grid.
  private struct Extent {
    var lo = (i: Int.max, j: Int.max, k: Int.max)
    var hi = (i: -1, j: -1, k: -1)
    var voxels = 0
  }

  /// Clears the vessel-tree voxels of `dense` (box grid `size`, x fastest); returns how many
  /// components were cleared.
  @discardableResult
  func filter(_ dense: inout [UInt8], size: GridSize) -> Int {
    let cc = ConnectedComponents(mask: dense, size: size)
    let extents = Self.extents(cc, size: size)
    var cleared = 0
    for c in 1..<(cc.count + 1) {
      let block = Block(lo: extents[c].lo, hi: extents[c].hi)
      let inside = block.extract(cc.labels, size: size) { $0 == Int32(c) }
      guard isVesselTree(inside, block: block, voxels: extents[c].voxels) else { continue }
      block.clear(&dense, size: size, where: inside)
      cleared += 1
    }
    return cleared
  }

  /// Whether a component (its flags on its block) is long for its thickness and thin.
  func isVesselTree(_ inside: [UInt8], block: Block, voxels: Int) -> Bool {
    let spacing = Vector3(grid.spacingX, grid.spacingY, grid.spacingZ)
    let toOutside = DistanceField3D.squared(
      feature: inside.map { $0 == 0 ? 1 : 0 }, size: block.size, spacing: spacing)
    var r2 = Float(0)
    for (flag, d2) in zip(inside, toOutside) where flag != 0 { r2 = max(r2, d2) }
    let radius = Double(r2).squareRoot()
    guard radius > 0, radius < parameters.vesselMaxRadiusMM else { return false }
    let volumeMM3 = Double(voxels) * grid.voxelML * 1000
    return volumeMM3 / (2 * Double.pi * radius * radius * radius)
      > parameters.vesselMinElongation
  }

  private static func extents(_ cc: ConnectedComponents, size: GridSize) -> [Extent] {
    var extents = [Extent](repeating: Extent(), count: cc.count + 1)
    var p = 0
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          defer { p += 1 }
          let c = Int(cc.labels[p])
          guard c > 0 else { continue }
          let e = extents[c]
          extents[c].lo = (min(e.lo.i, i), min(e.lo.j, j), min(e.lo.k, k))
          extents[c].hi = (max(e.hi.i, i), max(e.hi.j, j), max(e.hi.k, k))
          extents[c].voxels += 1
        }
      }
    }
    return extents
  }
}

/// An inclusive index block of a larger grid, grown by one voxel on every side so that its
/// border is outside the component it was made for.
struct Block {
  let lo: (i: Int, j: Int, k: Int)
  let size: GridSize

  init(lo: (i: Int, j: Int, k: Int), hi: (i: Int, j: Int, k: Int)) {
    self.lo = (lo.i - 1, lo.j - 1, lo.k - 1)
    size = GridSize(hi.i - lo.i + 3, hi.j - lo.j + 3, hi.k - lo.k + 3)
  }

  /// Flags of the block's voxels for which `accept` holds; outside the grid is 0.
  func extract(_ labels: [Int32], size full: GridSize, _ accept: (Int32) -> Bool) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: size.count)
    forEachInside(full) { local, global in out[local] = accept(labels[global]) ? 1 : 0 }
    return out
  }

  /// Sets `mask` to 0 where `flags` (block layout) is non-zero.
  func clear(_ mask: inout [UInt8], size full: GridSize, where flags: [UInt8]) {
    forEachInside(full) { local, global in if flags[local] != 0 { mask[global] = 0 } }
  }

  private func forEachInside(_ full: GridSize, _ body: (Int, Int) -> Void) {
    for k in max(0, -lo.k)..<min(size.nz, full.nz - lo.k) {
      for j in max(0, -lo.j)..<min(size.ny, full.ny - lo.j) {
        for i in max(0, -lo.i)..<min(size.nx, full.nx - lo.i) {
          body((k * size.ny + j) * size.nx + i, full.offset(i + lo.i, j + lo.j, k + lo.k))
        }
      }
    }
  }
}
