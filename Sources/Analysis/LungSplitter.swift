import Imaging

/// Splits one air component holding both lungs (joined at the anterior or posterior junction)
/// into right and left.
///
/// The junction is thin, so eroding the component in-plane by a growing radius (2, 4, ... mm up
/// to `maxErosionMM`) soon leaves two large parts, one each side of the midline. Those parts
/// become seeds, and every voxel of the component takes the side of the seed it reaches first
/// through the component (a breadth-first geodesic growth in a fixed order, so the cut falls
/// at the junction and the result is deterministic). If no radius separates the lungs, voxels
/// are split by the midline plane, which is exact only for a straight junction.
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
    let member = cc.labels.map { $0 == component ? UInt8(1) : 0 }
    let depth = inPlaneDepth(member)
    var seeds: [UInt8]?
    var radius = Self.erosionStepMM
    while radius <= maxErosionMM, seeds == nil {
      let r2 = Float(radius * radius)
      seeds = twoSeeds(depth.map { $0 > r2 ? UInt8(1) : 0 })
      radius += Self.erosionStepMM
    }
    let local = seeds.map { grow($0, within: member) } ?? byMidline(member)

    var p = 0
    for k in 0..<bs.nz {
      for j in 0..<bs.ny {
        let row = box.fullOffset(0, j, k, grid: grid)
        for i in 0..<bs.nx {
          if local[p] != 0 { sides[row + i] = local[p] }
          p += 1
        }
      }
    }
  }

  /// Squared in-plane distance (mm^2) from each member voxel to the nearest non-member.
  private func inPlaneDepth(_ member: [UInt8]) -> [Float] {
    let bs = box.size
    var depth = [Float](repeating: 0, count: bs.count)
    member.withUnsafeBufferPointer { m in
      depth.withUnsafeMutableBufferPointer { d in
        let input = SendableConstPointer(m)
        let output = SendablePointer(d)
        _ = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
          depthSlices(slices, input: input, output: output)
        }
      }
    }
    return depth
  }

  private func depthSlices(
    _ slices: Range<Int>, input: SendableConstPointer<UInt8>, output: SendablePointer<Float>
  ) {
    let bs = box.size
    var background = [UInt8](repeating: 0, count: bs.sliceCount)
    for k in slices {
      let base = k * bs.sliceCount
      for p in 0..<bs.sliceCount { background[p] = input[base + p] == 0 ? 1 : 0 }
      let slice = UnsafeMutableBufferPointer(start: output.base + base, count: bs.sliceCount)
      background.withUnsafeBufferPointer {
        DistanceTransform.squared2D(
          feature: $0, width: bs.nx, height: bs.ny, spacingX: grid.spacingX,
          spacingY: grid.spacingY, output: slice)
      }
    }
  }

  /// Right and left seeds (labels 1 and 2) from the two largest eroded parts, or nil when they
  /// are not on opposite sides or the smaller is too small.
  private func twoSeeds(_ eroded: [UInt8]) -> [UInt8]? {
    let parts = ConnectedComponents(mask: eroded, size: box.size)
    guard parts.count >= 2 else { return nil }
    let order = (1...parts.count).sorted {
      parts.sizes[$0] > parts.sizes[$1] || (parts.sizes[$0] == parts.sizes[$1] && $0 < $1)
    }
    let (a, b) = (order[0], order[1])
    guard Double(parts.sizes[b]) >= Self.minSeedShare * Double(parts.sizes[a]) else { return nil }
    let xa = meanX(parts, a)
    let xb = meanX(parts, b)
    guard (xa - midlineX) * (xb - midlineX) < 0 else { return nil }
    let sideA = xa > midlineX ? LungLabel.left : LungLabel.right
    let sideB = xb > midlineX ? LungLabel.left : LungLabel.right
    return parts.labels.map { $0 == Int32(a) ? sideA : ($0 == Int32(b) ? sideB : 0) }
  }

  private func meanX(_ parts: ConnectedComponents, _ c: Int) -> Double {
    let bs = box.size
    var sum = 0.0
    var p = 0
    for k in 0..<bs.nz {
      for j in 0..<bs.ny {
        for i in 0..<bs.nx {
          if parts.labels[p] == Int32(c) {
            sum += grid.lpsX(i + box.lo.i, j + box.lo.j, k + box.lo.k)
          }
          p += 1
        }
      }
    }
    return sum / Double(parts.sizes[c])
  }

  /// Breadth-first growth of the seed labels through `member`, 6-connected, in raster order.
  private func grow(_ seeds: [UInt8], within member: [UInt8]) -> [UInt8] {
    let bs = box.size
    var out = seeds
    var queue = [Int32]()
    queue.reserveCapacity(bs.count / 4)
    for p in 0..<bs.count where seeds[p] != 0 { queue.append(Int32(p)) }
    var head = 0
    while head < queue.count {
      let p = Int(queue[head])
      head += 1
      let i = p % bs.nx
      let j = (p / bs.nx) % bs.ny
      let k = p / bs.sliceCount
      func visit(_ q: Int) {
        guard member[q] != 0, out[q] == 0 else { return }
        out[q] = out[p]
        queue.append(Int32(q))
      }
      if i > 0 { visit(p - 1) }
      if i < bs.nx - 1 { visit(p + 1) }
      if j > 0 { visit(p - bs.nx) }
      if j < bs.ny - 1 { visit(p + bs.nx) }
      if k > 0 { visit(p - bs.sliceCount) }
      if k < bs.nz - 1 { visit(p + bs.sliceCount) }
    }
    return byMidline(member, keeping: out)
  }

  /// Sides by the midline plane for member voxels not labelled yet.
  private func byMidline(_ member: [UInt8], keeping known: [UInt8]? = nil) -> [UInt8] {
    let bs = box.size
    var out = known ?? [UInt8](repeating: 0, count: bs.count)
    var p = 0
    for k in 0..<bs.nz {
      for j in 0..<bs.ny {
        for i in 0..<bs.nx {
          if member[p] != 0, out[p] == 0 {
            let x = grid.lpsX(i + box.lo.i, j + box.lo.j, k + box.lo.k)
            out[p] = x > midlineX ? LungLabel.left : LungLabel.right
          }
          p += 1
        }
      }
    }
    return out
  }
}
