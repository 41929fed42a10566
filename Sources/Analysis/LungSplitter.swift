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
  func split(component: Int32, of cc: RunComponents, into sides: inout [UInt8]) {
    let bs = box.size
    sides.withUnsafeMutableBufferPointer { out in
      let output = SendablePointer(out)
      _ = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
        for k in slices {
          splitSlice(k, component: component, runs: cc, sides: output)
        }
      }
    }
  }

  private func splitSlice(
    _ k: Int, component: Int32, runs: RunComponents, sides: SendablePointer<UInt8>
  ) {
    let bs = box.size
    var member = [UInt8](repeating: 0, count: bs.sliceCount)
    var any = false
    for j in 0..<bs.ny {
      let row = k * bs.ny + j
      for r in Int(runs.rowFirst[row])..<Int(runs.rowFirst[row + 1])
      where runs.label[r] == component {
        for i in Int(runs.start[r])..<Int(runs.end[r]) { member[j * bs.nx + i] = 1 }
        any = true
      }
    }
    guard any else { return }
    let plane = SlicePlane(grid: grid, box: box, k: k, midlineX: midlineX)
    let pieces = member.withUnsafeBufferPointer {
      RunComponents(mask: $0, size: GridSize(bs.nx, bs.ny, 1))
    }
    let sideOf = sidesOfWholePieces(pieces, k: k)
    for j in 0..<bs.ny {
      let row = box.fullOffset(0, j, k, grid: grid)
      for r in Int(pieces.rowFirst[j])..<Int(pieces.rowFirst[j + 1]) {
        let side = sideOf[Int(pieces.label[r])]
        guard side != 0 else { continue }
        for i in Int(pieces.start[r])..<Int(pieces.end[r]) { sides[row + i] = side }
      }
    }
    for piece in 1..<(pieces.count + 1) where sideOf[piece] == 0 {
      var inPiece = [UInt8](repeating: 0, count: bs.sliceCount)
      for j in 0..<bs.ny {
        for r in Int(pieces.rowFirst[j])..<Int(pieces.rowFirst[j + 1])
        where pieces.label[r] == Int32(piece) {
          for i in Int(pieces.start[r])..<Int(pieces.end[r]) { inPiece[j * bs.nx + i] = 1 }
        }
      }
      let sideOfPiece = splitPiece(inPiece, plane: plane)
      for j in 0..<bs.ny {
        let row = box.fullOffset(0, j, k, grid: grid)
        for i in 0..<bs.nx where sideOfPiece[j * bs.nx + i] != 0 {
          sides[row + i] = sideOfPiece[j * bs.nx + i]
        }
      }
    }
  }

  /// Side per piece for pieces lying mostly on one side; 0 for those straddling the midline.
  private func sidesOfWholePieces(_ pieces: RunComponents, k: Int) -> [UInt8] {
    var left = [Int](repeating: 0, count: pieces.count + 1)
    for j in 0..<pieces.size.ny {
      for r in Int(pieces.rowFirst[j])..<Int(pieces.rowFirst[j + 1]) {
        let c = Int(pieces.label[r])
        for i in Int(pieces.start[r])..<Int(pieces.end[r])
        where grid.lpsX(i + box.lo.i, j + box.lo.j, k + box.lo.k) > midlineX {
          left[c] += 1
        }
      }
    }
    var sideOf = [UInt8](repeating: 0, count: pieces.count + 1)
    for c in 1..<(pieces.count + 1) {
      let share = Double(left[c]) / Double(pieces.sizes[c])
      if share < LungSelector.straddleFraction {
        sideOf[c] = LungLabel.right
      } else if share > 1 - LungSelector.straddleFraction {
        sideOf[c] = LungLabel.left
      }
    }
    return sideOf
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
