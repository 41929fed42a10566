import Imaging

/// Splits an air component holding both lungs (joined at the anterior or posterior junction)
/// into right and left, slice by slice.
///
/// On each slice, every 2D piece of the component with a sizeable share on both sides of the
/// midline is eroded in-plane by a growing radius (2, 4, ... mm up to `maxErosionMM`) until two
/// large parts remain, one each side of the midline (the junction is thin, so this comes soon).
/// Those parts become seeds, and every pixel of the piece takes the side of the seed it reaches
/// first through the piece (breadth-first in a fixed order, so the cut falls at the junction and
/// the result is deterministic). Pieces on one side take that side. If no radius separates a
/// piece, its pixels are split by the midline, which is exact only for a straight junction.
struct LungSplitter {
  static let erosionStepMM = 2.0
  /// The smaller seed must hold at least this share of the larger one.
  static let minSeedShare = 0.1

  let grid: ChestGrid
  let box: VoxelBox
  let midlineX: Double
  let maxErosionMM: Double
  let threads: Int

  /// Writes right or left for every voxel of `component` into the full-grid `sides`.
  func split(component: Int32, of cc: ConnectedComponents, into sides: inout [UInt8]) {
    let bs = box.size
    cc.labels.withUnsafeBufferPointer { labels in
      sides.withUnsafeMutableBufferPointer { out in
        let input = SendableConstPointer(labels)
        let output = SendablePointer(out)
        _ = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
          for k in slices {
            splitSlice(k, component: component, labels: input, sides: output)
          }
        }
      }
    }
  }

  private func splitSlice(
    _ k: Int, component: Int32, labels: SendableConstPointer<Int32>,
    sides: SendablePointer<UInt8>
  ) {
    let bs = box.size
    let base = k * bs.sliceCount
    var member = [UInt8](repeating: 0, count: bs.sliceCount)
    var any = false
    for p in 0..<bs.sliceCount where labels[base + p] == component {
      member[p] = 1
      any = true
    }
    guard any else { return }
    let plane = SlicePlane(grid: grid, box: box, k: k, midlineX: midlineX)
    let pieces = ConnectedComponents(mask: member, size: GridSize(bs.nx, bs.ny, 1))
    var result = sidesOfWholePieces(pieces, plane: plane)
    for piece in 1..<(pieces.count + 1) where result.straddling.contains(Int32(piece)) {
      let inPiece = pieces.labels.map { $0 == Int32(piece) ? UInt8(1) : 0 }
      let sideOfPiece = splitPiece(inPiece, plane: plane)
      for p in 0..<bs.sliceCount where sideOfPiece[p] != 0 { result.sides[p] = sideOfPiece[p] }
    }
    let labelled = result.sides
    for j in 0..<bs.ny {
      let row = box.fullOffset(0, j, k, grid: grid)
      for i in 0..<bs.nx where labelled[j * bs.nx + i] != 0 {
        sides[row + i] = labelled[j * bs.nx + i]
      }
    }
  }

  /// Sides for pieces lying mostly on one side, and the pieces that straddle the midline.
  private func sidesOfWholePieces(_ pieces: ConnectedComponents, plane: SlicePlane)
    -> (sides: [UInt8], straddling: Set<Int32>)
  {
    var left = [Int](repeating: 0, count: pieces.count + 1)
    for p in 0..<pieces.labels.count where pieces.labels[p] != 0 && plane.lpsX(p) > midlineX {
      left[Int(pieces.labels[p])] += 1
    }
    var sideOf = [UInt8](repeating: 0, count: pieces.count + 1)
    var straddling = Set<Int32>()
    for c in 1..<(pieces.count + 1) {
      let share = Double(left[c]) / Double(pieces.sizes[c])
      if share < LungSelector.straddleFraction {
        sideOf[c] = LungLabel.right
      } else if share > 1 - LungSelector.straddleFraction {
        sideOf[c] = LungLabel.left
      } else {
        straddling.insert(Int32(c))
      }
    }
    return (pieces.labels.map { sideOf[Int($0)] }, straddling)
  }

  /// Right/left per pixel of one 2D piece that straddles the midline.
  private func splitPiece(_ piece: [UInt8], plane: SlicePlane) -> [UInt8] {
    let depth = plane.depth(piece)
    var radius = Self.erosionStepMM
    while radius <= maxErosionMM {
      let r2 = Float(radius * radius)
      if let seeds = twoSeeds(depth.map { $0 > r2 ? UInt8(1) : 0 }, plane: plane) {
        return plane.byMidline(piece, keeping: plane.grow(seeds, within: piece))
      }
      radius += Self.erosionStepMM
    }
    return plane.byMidline(piece, keeping: nil)
  }

  /// Right and left seeds (labels 1 and 2) from the two largest eroded parts, or nil when they
  /// are not on opposite sides or the smaller is too small.
  private func twoSeeds(_ eroded: [UInt8], plane: SlicePlane) -> [UInt8]? {
    let parts = ConnectedComponents(mask: eroded, size: GridSize(plane.nx, plane.ny, 1))
    guard parts.count >= 2 else { return nil }
    let order = (1...parts.count).sorted {
      parts.sizes[$0] > parts.sizes[$1] || (parts.sizes[$0] == parts.sizes[$1] && $0 < $1)
    }
    let (a, b) = (order[0], order[1])
    guard Double(parts.sizes[b]) >= Self.minSeedShare * Double(parts.sizes[a]) else { return nil }
    let xa = plane.meanX(parts.labels, Int32(a), count: parts.sizes[a])
    let xb = plane.meanX(parts.labels, Int32(b), count: parts.sizes[b])
    guard (xa - midlineX) * (xb - midlineX) < 0 else { return nil }
    let sideA = xa > midlineX ? LungLabel.left : LungLabel.right
    let sideB = xb > midlineX ? LungLabel.left : LungLabel.right
    return parts.labels.map { $0 == Int32(a) ? sideA : ($0 == Int32(b) ? sideB : 0) }
  }
}
