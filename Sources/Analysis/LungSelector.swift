import Imaging

/// Picks the lung components among the enclosed-air components and labels them right or left.
///
/// The largest component is lung. Others are kept when they hold at least
/// `minLungComponentFraction` of it and their centre lies in the upper part of its height
/// (`minCentreHeightFraction`), which drops stomach and bowel gas below the diaphragm. A
/// component with a sizeable share on both sides of the body midline holds both lungs joined
/// at the anterior junction and goes to `LungSplitter`; the others take the side of the
/// majority of their voxels. Sides come from LPS x, never from the image's columns.
struct LungSelector {
  /// Kept components have their centre above this fraction of the largest one's height.
  static let minCentreHeightFraction = 0.35
  /// A component with at least this share of voxels on each side of the midline is both lungs.
  static let straddleFraction = 0.2

  let grid: ChestGrid
  let parameters: AnalysisParameters
  let midlineX: Double
  let threads: Int

  /// Per-component statistics gathered in one pass over the box.
  struct Stats {
    var size: [Int]
    var leftCount: [Int]
    var sumZ: [Double]
    var minZ: [Double]
    var maxZ: [Double]
  }

  /// Labels lung voxels 1 (right) or 2 (left) in a full-grid array.
  /// - Throws: `AnalysisError.noLungsInView` when the kept lung is below `minLungVolumeML`.
  func labelSides(airMask: [UInt8]) throws -> [UInt8] {
    var sides = [UInt8](repeating: 0, count: grid.size.count)
    guard
      let box = VoxelBox.enclosing(
        airMask, in: AirMask.air...AirMask.air, grid: grid, threads: threads)
    else {
      throw AnalysisError.noLungsInView(foundML: 0, minimumML: parameters.minLungVolumeML)
    }
    let local = box.cropFlags(airMask, equalTo: AirMask.air, grid: grid, threads: threads)
    let cc = local.withUnsafeBufferPointer {
      RunComponents(mask: $0, size: box.size, threads: threads)
    }
    let stats = statistics(cc, box: box)
    let kept = keptComponents(stats)
    let keptVoxels = kept.reduce(0) { $0 + stats.size[$1] }
    guard Double(keptVoxels) * grid.voxelML >= parameters.minLungVolumeML else {
      throw AnalysisError.noLungsInView(
        foundML: Double(keptVoxels) * grid.voxelML, minimumML: parameters.minLungVolumeML)
    }

    var sideOf = [UInt8](repeating: 0, count: cc.count + 1)
    var straddling: [Int] = []
    for c in kept {
      let leftShare = Double(stats.leftCount[c]) / Double(stats.size[c])
      if leftShare >= Self.straddleFraction, 1 - leftShare >= Self.straddleFraction {
        straddling.append(c)
      } else {
        sideOf[c] = leftShare > 0.5 ? LungLabel.left : LungLabel.right
      }
    }
    write(cc, sideOf: sideOf, box: box, into: &sides)
    let splitter = LungSplitter(
      grid: grid, box: box, midlineX: midlineX, maxErosionMM: parameters.lungSplitMaxErosionMM,
      threads: threads)
    for c in straddling { splitter.split(component: Int32(c), of: cc, into: &sides) }
    return sides
  }

  private func keptComponents(_ s: Stats) -> [Int] {
    guard s.size.count > 1 else { return [] }
    var largest = 1
    for c in 1..<s.size.count where s.size[c] > s.size[largest] { largest = c }
    let floorZ =
      s.minZ[largest] + Self.minCentreHeightFraction * (s.maxZ[largest] - s.minZ[largest])
    let minSize = parameters.minLungComponentFraction * Double(s.size[largest])
    return (1..<s.size.count).filter { c in
      c == largest || (Double(s.size[c]) >= minSize && s.sumZ[c] / Double(s.size[c]) >= floorZ)
    }
  }

  private func statistics(_ cc: RunComponents, box: VoxelBox) -> Stats {
    let n = cc.count + 1
    var s = Stats(
      size: cc.sizes, leftCount: [Int](repeating: 0, count: n),
      sumZ: [Double](repeating: 0, count: n), minZ: [Double](repeating: .infinity, count: n),
      maxZ: [Double](repeating: -.infinity, count: n))
    let bs = box.size
    for row in 0..<(bs.ny * bs.nz) {
      let (gj, gk) = (row % bs.ny + box.lo.j, row / bs.ny + box.lo.k)
      for r in Int(cc.rowFirst[row])..<Int(cc.rowFirst[row + 1]) {
        let c = Int(cc.label[r])
        for gi in (Int(cc.start[r]) + box.lo.i)..<(Int(cc.end[r]) + box.lo.i) {
          let z = grid.lpsZ(gi, gj, gk)
          if grid.lpsX(gi, gj, gk) > midlineX { s.leftCount[c] += 1 }
          s.sumZ[c] += z
          s.minZ[c] = min(s.minZ[c], z)
          s.maxZ[c] = max(s.maxZ[c], z)
        }
      }
    }
    return s
  }

  private func write(
    _ cc: RunComponents, sideOf: [UInt8], box: VoxelBox, into sides: inout [UInt8]
  ) {
    let bs = box.size
    for row in 0..<(bs.ny * bs.nz) {
      let first = box.fullOffset(0, row % bs.ny, row / bs.ny, grid: grid)
      for r in Int(cc.rowFirst[row])..<Int(cc.rowFirst[row + 1]) {
        let side = sideOf[Int(cc.label[r])]
        guard side != 0 else { continue }
        for i in Int(cc.start[r])..<Int(cc.end[r]) { sides[first + i] = side }
      }
    }
  }
}

/// The values of the label volume (see `StudyAnalysis.labels`).
public enum LungLabel {
  public static let outside: UInt8 = 0
  public static let right: UInt8 = 1
  public static let left: UInt8 = 2
  public static let groundGlass: UInt8 = 3
  public static let consolidation: UInt8 = 4
}
