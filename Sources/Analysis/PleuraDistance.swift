import Imaging

/// In-plane distance (mm) from a voxel to the nearest voxel outside both lungs on its slice (a
/// lesion centre's distance to the pleura).
///
/// Searched outwards from the voxel, row by row in order of vertical distance, stopping once
/// a row cannot hold anything nearer; the squared distance is evaluated in `Float` in the same
/// order as `DistanceTransform`, so it equals that transform at the voxel.
struct PleuraDistance {
  let grid: ChestGrid
  let sides: [UInt8]

  init(grid: ChestGrid, sides: [UInt8]) {
    self.grid = grid
    self.sides = sides
  }

  /// 0 for voxels outside the lungs or the grid; `DistanceTransform.infinity`'s root when the
  /// slice has no voxel outside the lungs.
  mutating func distanceMM(i: Int, j: Int, k: Int) -> Double {
    guard grid.size.contains(i, j, k) else { return 0 }
    let base = k * grid.plane
    let s2x = Float(grid.spacingX) * Float(grid.spacingX)
    let sy = Float(grid.spacingY)
    var best = DistanceTransform.infinity
    var dy = 0
    while j - dy >= 0 || j + dy < grid.ny {
      let g = Float(dy)
      let rowPart = g * g * sy * sy
      guard rowPart <= best else { break }
      for y in (dy == 0 ? [j] : [j - dy, j + dy]) where y >= 0 && y < grid.ny {
        best = min(best, nearestInRow(base + y * grid.nx, i: i, rowPart: rowPart, best: best, s2x))
      }
      dy += 1
    }
    return Double(best).squareRoot()
  }

  /// The smallest squared distance to an outside voxel of one row, or `best` if none is nearer.
  private func nearestInRow(_ row: Int, i: Int, rowPart: Float, best: Float, _ s2x: Float)
    -> Float
  {
    var dx = 0
    while i - dx >= 0 || i + dx < grid.nx {
      let d = Float(dx)
      let value = d * d * s2x + rowPart
      guard value < best else { return best }
      if (i - dx >= 0 && sides[row + i - dx] == 0) || (i + dx < grid.nx && sides[row + i + dx] == 0)
      {
        return value
      }
      dx += 1
    }
    return best
  }
}
