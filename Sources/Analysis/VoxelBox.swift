import Imaging

/// An axis-aligned block of a grid; work on lungs and lesions is done on their box only, which
/// keeps memory and time proportional to the chest rather than the whole field of view.
struct VoxelBox: Sendable, Equatable {
  var lo: (i: Int, j: Int, k: Int)
  var hi: (i: Int, j: Int, k: Int)

  static func == (a: VoxelBox, b: VoxelBox) -> Bool {
    a.lo == b.lo && a.hi == b.hi
  }

  /// The box around every voxel of `values` within `accepted`, or nil when there is none.
  /// Slices are scanned on `threads` threads; each row is searched from both ends, so a row
  /// costs one test per voxel only when it holds no accepted voxel.
  static func enclosing(
    _ values: [UInt8], in accepted: ClosedRange<UInt8>, grid: ChestGrid, threads: Int = 1
  ) -> VoxelBox? {
    let parts = values.withUnsafeBufferPointer { buffer in
      let shared = SendableConstPointer(buffer)
      return ParallelSlices.map(count: grid.nz, threads: threads) { _, slices in
        enclosing(shared, in: accepted, grid: grid, slices: slices)
      }
    }
    var box: VoxelBox?
    for case let part? in parts {
      box = box.map { $0.union(part) } ?? part
    }
    return box
  }

  private static func enclosing(
    _ values: SendableConstPointer<UInt8>, in accepted: ClosedRange<UInt8>, grid: ChestGrid,
    slices: Range<Int>
  ) -> VoxelBox? {
    let (low, high) = (accepted.lowerBound, accepted.upperBound)
    var lo = (i: Int.max, j: Int.max, k: Int.max)
    var hi = (i: -1, j: -1, k: -1)
    for k in slices {
      for j in 0..<grid.ny {
        let row = values.base + (k * grid.ny + j) * grid.nx
        var first = 0
        // Eight zero bytes at a time when zero is not accepted (most of a CT is background).
        while low > 0, first &+ 8 <= grid.nx,
          UnsafeRawPointer(row + first).loadUnaligned(as: UInt64.self) == 0
        {
          first &+= 8
        }
        while first < grid.nx, row[first] < low || row[first] > high { first += 1 }
        guard first < grid.nx else { continue }
        var last = grid.nx - 1
        while low > 0, last &- 8 >= first,
          UnsafeRawPointer(row + (last &- 7)).loadUnaligned(as: UInt64.self) == 0
        {
          last &-= 8
        }
        while row[last] < low || row[last] > high { last -= 1 }
        lo = (min(lo.i, first), min(lo.j, j), min(lo.k, k))
        hi = (max(hi.i, last), max(hi.j, j), max(hi.k, k))
      }
    }
    return hi.i < 0 ? nil : VoxelBox(lo: lo, hi: hi)
  }

  /// The smallest box holding both boxes.
  func union(_ other: VoxelBox) -> VoxelBox {
    VoxelBox(
      lo: (min(lo.i, other.lo.i), min(lo.j, other.lo.j), min(lo.k, other.lo.k)),
      hi: (max(hi.i, other.hi.i), max(hi.j, other.hi.j), max(hi.k, other.hi.k)))
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

  /// Copies the box's part of `full` into a box-sized array, rows at a time, slices on
  /// `threads` threads.
  func crop<T: BitwiseCopyable>(_ full: [T], grid: ChestGrid, threads: Int = 1) -> [T] {
    let s = size
    return [T](unsafeUninitializedCapacity: s.count) { out, initialized in
      full.withUnsafeBufferPointer { source in
        let input = SendableConstPointer(source)
        let target = SendablePointer(out)
        _ = ParallelSlices.map(count: s.nz, threads: threads) { _, slices in
          for k in slices {
            for j in 0..<s.ny {
              (target.base + (k * s.ny + j) * s.nx).initialize(
                from: input.base + fullOffset(0, j, k, grid: grid), count: s.nx)
            }
          }
        }
      }
      initialized = s.count
    }
  }

  /// A box-sized mask: 1 where `full` equals `value`, else 0; slices on `threads` threads.
  func cropFlags(_ full: [UInt8], equalTo value: UInt8, grid: ChestGrid, threads: Int = 1)
    -> [UInt8]
  {
    let s = size
    return [UInt8](unsafeUninitializedCapacity: s.count) { out, initialized in
      full.withUnsafeBufferPointer { source in
        let input = SendableConstPointer(source)
        let target = SendablePointer(out)
        _ = ParallelSlices.map(count: s.nz, threads: threads) { _, slices in
          for k in slices {
            for j in 0..<s.ny {
              let from = input.base + fullOffset(0, j, k, grid: grid)
              let to = target.base + (k * s.ny + j) * s.nx
              for i in 0..<s.nx { (to + i).initialize(to: from[i] == value ? 1 : 0) }
            }
          }
        }
      }
      initialized = s.count
    }
  }
}
