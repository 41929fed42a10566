import Imaging

/// An axis-aligned block of a grid; work on lungs and lesions is done on their box only, which
/// keeps memory and time proportional to the chest rather than the whole field of view.
struct VoxelBox: Sendable, Equatable {
  var lo: (i: Int, j: Int, k: Int)
  var hi: (i: Int, j: Int, k: Int)

  static func == (a: VoxelBox, b: VoxelBox) -> Bool {
    a.lo == b.lo && a.hi == b.hi
  }

  /// The box around every voxel of `values` equal to `value`, or nil when there is none.
  static func enclosing(_ values: [UInt8], where accept: (UInt8) -> Bool, grid: ChestGrid)
    -> VoxelBox?
  {
    var lo = (i: Int.max, j: Int.max, k: Int.max)
    var hi = (i: -1, j: -1, k: -1)
    var p = 0
    for k in 0..<grid.nz {
      for j in 0..<grid.ny {
        for i in 0..<grid.nx {
          defer { p += 1 }
          guard accept(values[p]) else { continue }
          lo = (min(lo.i, i), min(lo.j, j), min(lo.k, k))
          hi = (max(hi.i, i), max(hi.j, j), max(hi.k, k))
        }
      }
    }
    return hi.i < 0 ? nil : VoxelBox(lo: lo, hi: hi)
  }

  /// The box grown by `margin` voxels in-plane, clipped to the grid.
  func grownInPlane(by margin: Int, grid: ChestGrid) -> VoxelBox {
    VoxelBox(
      lo: (max(0, lo.i - margin), max(0, lo.j - margin), lo.k),
      hi: (min(grid.nx - 1, hi.i + margin), min(grid.ny - 1, hi.j + margin), hi.k))
  }

  var size: GridSize { GridSize(hi.i - lo.i + 1, hi.j - lo.j + 1, hi.k - lo.k + 1) }

  /// The full-grid offset of box voxel (i, j, k) counted from the box corner.
  @inline(__always)
  func fullOffset(_ i: Int, _ j: Int, _ k: Int, grid: ChestGrid) -> Int {
    ((k + lo.k) * grid.ny + (j + lo.j)) * grid.nx + (i + lo.i)
  }

  /// Copies `full` into a box-sized array through `transform`.
  func crop<T, U>(_ full: [T], grid: ChestGrid, _ transform: (T) -> U) -> [U] {
    let s = size
    return [U](unsafeUninitializedCapacity: s.count) { out, initialized in
      full.withUnsafeBufferPointer { source in
        var p = 0
        for k in 0..<s.nz {
          for j in 0..<s.ny {
            let row = fullOffset(0, j, k, grid: grid)
            for i in 0..<s.nx {
              (out.baseAddress! + p + i).initialize(to: transform(source[row + i]))
            }  // capacity is s.count
            p += s.nx
          }
        }
      }
      initialized = s.count
    }
  }
}
