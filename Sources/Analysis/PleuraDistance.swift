import Imaging

/// In-plane distance (mm) from a voxel to the nearest voxel outside both lungs, computed per
/// slice on demand and cached (a lesion centre's distance to the pleura).
struct PleuraDistance {
  let grid: ChestGrid
  let sides: [UInt8]
  private var cache: [Int: [Float]] = [:]

  init(grid: ChestGrid, sides: [UInt8]) {
    self.grid = grid
    self.sides = sides
  }

  /// 0 for voxels outside the lungs or the grid.
  mutating func distanceMM(i: Int, j: Int, k: Int) -> Double {
    guard grid.size.contains(i, j, k) else { return 0 }
    if cache[k] == nil { cache[k] = slice(k) }
    return Double(cache[k]![j * grid.nx + i]).squareRoot()  // filled on the line above
  }

  private func slice(_ k: Int) -> [Float] {
    let base = k * grid.plane
    var outside = [UInt8](repeating: 0, count: grid.plane)
    for p in 0..<grid.plane where sides[base + p] == 0 { outside[p] = 1 }
    var d = [Float](repeating: 0, count: grid.plane)
    outside.withUnsafeBufferPointer { o in
      d.withUnsafeMutableBufferPointer {
        DistanceTransform.squared2D(
          feature: o, width: grid.nx, height: grid.ny, spacingX: grid.spacingX,
          spacingY: grid.spacingY, output: $0)
      }
    }
    return d
  }
}
