import Imaging

/// One box slice seen in patient space, with the 2D helpers `LungSplitter` needs.
struct SlicePlane {
  let grid: ChestGrid
  let box: VoxelBox
  let k: Int
  let midlineX: Double

  var nx: Int { box.size.nx }
  var ny: Int { box.size.ny }

  @inline(__always)
  func lpsX(_ p: Int) -> Double {
    grid.lpsX(p % nx + box.lo.i, p / nx + box.lo.j, k + box.lo.k)
  }

  func meanX(_ labels: [Int32], _ label: Int32, count: Int) -> Double {
    var sum = 0.0
    for p in 0..<labels.count where labels[p] == label { sum += lpsX(p) }
    return sum / Double(max(count, 1))
  }

  /// Squared in-plane distance (mm^2) from each set pixel to the nearest unset one.
  func depth(_ mask: [UInt8]) -> [Float] {
    let background = mask.map { $0 == 0 ? UInt8(1) : 0 }
    var d = [Float](repeating: 0, count: mask.count)
    background.withUnsafeBufferPointer { b in
      d.withUnsafeMutableBufferPointer {
        DistanceTransform.squared2D(
          feature: b, width: nx, height: ny, spacingX: grid.spacingX, spacingY: grid.spacingY,
          output: $0)
      }
    }
    return d
  }

  /// Breadth-first growth of the seed labels through `member`, 4-connected, in raster order.
  /// Neighbours are visited left, right, up, down: that order decides which seed takes a pixel
  /// both reach in the same step.
  func grow(_ seeds: [UInt8], within member: [UInt8]) -> [UInt8] {
    var out = seeds
    var queue = [Int32]()
    for p in 0..<seeds.count where seeds[p] != 0 { queue.append(Int32(p)) }
    var head = 0
    member.withUnsafeBufferPointer { inside in
      out.withUnsafeMutableBufferPointer { label in
        @inline(__always) func visit(_ q: Int, from p: Int) {
          guard inside[q] != 0, label[q] == 0 else { return }
          label[q] = label[p]
          queue.append(Int32(q))
        }
        while head < queue.count {
          let p = Int(queue[head])
          head += 1
          let i = p % nx
          if i > 0 { visit(p - 1, from: p) }
          if i < nx - 1 { visit(p + 1, from: p) }
          if p >= nx { visit(p - nx, from: p) }
          if p < (ny - 1) * nx { visit(p + nx, from: p) }
        }
      }
    }
    return out
  }

  /// Sides by the midline for set pixels not labelled in `known`.
  func byMidline(_ member: [UInt8], keeping known: [UInt8]?) -> [UInt8] {
    var out = known ?? [UInt8](repeating: 0, count: member.count)
    for p in 0..<member.count where member[p] != 0 && out[p] == 0 {
      out[p] = lpsX(p) > midlineX ? LungLabel.left : LungLabel.right
    }
    return out
  }
}
