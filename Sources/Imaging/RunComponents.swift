/// 6-connected components of a binary mask kept as runs: maximal stretches of set voxels
/// along x, each with the component it belongs to.
///
/// The run form is what `ConnectedComponents` is built from, and is cheaper to use directly
/// when a caller only needs per-component sums or a few components written back: memory and
/// time go with the number of runs, not voxels. Components are numbered 1, 2, ... in the
/// raster order of their first voxel (x fastest), exactly as `ConnectedComponents` numbers them.
public struct RunComponents: Sendable {
  /// The grid the mask lies on.
  public let size: GridSize
  /// First x of each run, in raster order.
  public private(set) var start: [Int32]
  /// One past the last x of each run.
  public private(set) var end: [Int32]
  /// Index of the first run of each row (row = j + k * ny), plus the total run count at the end.
  public private(set) var rowFirst: [Int32]
  /// Component number of each run (1...count).
  public private(set) var label: [Int32]
  /// Voxel count per component; index 0 is unused (always 0).
  public private(set) var sizes: [Int]

  /// The number of components found.
  public var count: Int { sizes.count - 1 }

  /// Finds the runs of `mask` (non-zero = set) and joins them into components; the runs are
  /// found on `threads` threads (chunks of slices), the joining runs on one.
  public init(mask: UnsafeBufferPointer<UInt8>, size: GridSize, threads: Int = 1) {
    precondition(mask.count == size.count, "RunComponents: mask does not match grid")
    self.size = size
    (start, end, rowFirst) = RunComponents.findRuns(mask: mask, size: size, threads: threads)
    label = [Int32](repeating: 0, count: start.count)
    sizes = [0]
    label.withUnsafeMutableBufferPointer { parent in
      start.withUnsafeBufferPointer { s in
        end.withUnsafeBufferPointer { e in
          rowFirst.withUnsafeBufferPointer { r in
            RunComponents.link(start: s, end: e, rowFirst: r, size: size, parent: parent)
          }
        }
      }
    }
    resolve()
  }

  /// Below this many voxels the runs are found on one thread.
  public static let minParallelVoxels = 1 << 20

  /// Runs of every row in raster order; chunks of slices are scanned in parallel and joined
  /// in chunk order, so the result does not depend on `threads`.
  private static func findRuns(mask: UnsafeBufferPointer<UInt8>, size: GridSize, threads: Int)
    -> ([Int32], [Int32], [Int32])
  {
    let rows = size.ny * size.nz
    guard mask.count > 0 else { return ([], [], [Int32](repeating: 0, count: rows + 1)) }
    let shared = SendableConstPointer(mask)
    let workers = size.count >= minParallelVoxels ? threads : 1
    let chunks = ParallelSlices.map(count: size.nz, threads: workers) { _, slices in
      RowRuns(mask: shared, size: size, slices: slices)
    }
    guard chunks.count > 1 else {
      return (chunks[0].start, chunks[0].end, chunks[0].rowFirst + [Int32(chunks[0].start.count)])
    }
    let total = chunks.reduce(0) { $0 + $1.start.count }
    var start: [Int32] = []
    var end: [Int32] = []
    var rowFirst: [Int32] = []
    start.reserveCapacity(total)
    end.reserveCapacity(total)
    rowFirst.reserveCapacity(rows + 1)
    for chunk in chunks {
      let offset = Int32(start.count)
      for first in chunk.rowFirst { rowFirst.append(first + offset) }
      start.append(contentsOf: chunk.start)
      end.append(contentsOf: chunk.end)
    }
    rowFirst.append(Int32(start.count))
    return (start, end, rowFirst)
  }

  /// Unions every run with the overlapping runs of the row above and the slice before.
  private static func link(
    start: UnsafeBufferPointer<Int32>, end: UnsafeBufferPointer<Int32>,
    rowFirst: UnsafeBufferPointer<Int32>, size: GridSize, parent: UnsafeMutableBufferPointer<Int32>
  ) {
    for r in 0..<parent.count { parent[r] = Int32(r) }
    for row in 0..<(size.ny * size.nz) {
      let j = row % size.ny
      if j > 0 {
        joinRows(row, row - 1, start: start, end: end, rowFirst: rowFirst, parent: parent)
      }
      if row >= size.ny {
        joinRows(row, row - size.ny, start: start, end: end, rowFirst: rowFirst, parent: parent)
      }
    }
  }

  /// Walks the runs of two rows together and unions each overlapping pair.
  @inline(__always)
  private static func joinRows(
    _ a: Int, _ b: Int, start: UnsafeBufferPointer<Int32>, end: UnsafeBufferPointer<Int32>,
    rowFirst: UnsafeBufferPointer<Int32>, parent: UnsafeMutableBufferPointer<Int32>
  ) {
    var ra = Int(rowFirst[a])
    var rb = Int(rowFirst[b])
    let ea = Int(rowFirst[a + 1])
    let eb = Int(rowFirst[b + 1])
    while ra < ea, rb < eb {
      if start[ra] < end[rb], start[rb] < end[ra] { union(parent, Int32(ra), Int32(rb)) }
      if end[ra] < end[rb] { ra += 1 } else { rb += 1 }
    }
  }

  @inline(__always)
  private static func find(_ parent: UnsafeMutableBufferPointer<Int32>, _ x: Int32) -> Int32 {
    var r = x
    while parent[Int(r)] != r { r = parent[Int(r)] }
    var c = x
    while parent[Int(c)] != r {
      let next = parent[Int(c)]
      parent[Int(c)] = r
      c = next
    }
    return r
  }

  /// Joins two trees, keeping the smaller run index as root: roots are first-in-raster runs.
  @inline(__always)
  private static func union(_ parent: UnsafeMutableBufferPointer<Int32>, _ a: Int32, _ b: Int32) {
    let ra = find(parent, a)
    let rb = find(parent, b)
    if ra < rb { parent[Int(rb)] = ra } else if rb < ra { parent[Int(ra)] = rb }
  }

  /// Turns the forest in `label` into component numbers and counts the voxels of each.
  /// Parents always have smaller indices than their children, so one forward pass finds every
  /// root and a second numbers the roots in run order.
  private mutating func resolve() {
    var sizes = [0]
    label.withUnsafeMutableBufferPointer { par in
      for r in 0..<par.count { par[r] = par[Int(par[r])] }
      for r in 0..<par.count {
        let root = Int(par[r])
        let length = Int(end[r] - start[r])
        if root == r {
          sizes.append(length)
          par[r] = -Int32(sizes.count - 1)
        } else {
          // The root run precedes this one and already holds its negated number.
          let number = -par[root]
          par[r] = -number
          sizes[Int(number)] += length
        }
      }
      for r in 0..<par.count { par[r] = -par[r] }
    }
    self.sizes = sizes
  }

  /// The component number of every voxel (0 where the mask is not set), x fastest; slices
  /// are written on `threads` threads.
  public func labelVolume(threads: Int = 1) -> [Int32] {
    [Int32](unsafeUninitializedCapacity: size.count) { out, initialized in
      if let base = out.baseAddress {
        let target = SendablePointer(UnsafeMutableBufferPointer(start: base, count: size.count))
        let workers = size.count >= Self.minParallelVoxels ? threads : 1
        _ = ParallelSlices.map(count: size.nz, threads: workers) { _, slices in
          writeLabels(slices, into: target)
        }
      }
      initialized = size.count
    }
  }

  private func writeLabels(_ slices: Range<Int>, into out: SendablePointer<Int32>) {
    let nx = size.nx
    for row in (slices.lowerBound * size.ny)..<(slices.upperBound * size.ny) {
      let base = row * nx
      var next = 0
      for r in Int(rowFirst[row])..<Int(rowFirst[row + 1]) {
        for i in next..<Int(start[r]) { (out.base + base + i).initialize(to: 0) }
        for i in Int(start[r])..<Int(end[r]) { (out.base + base + i).initialize(to: label[r]) }
        next = Int(end[r])
      }
      for i in next..<nx { (out.base + base + i).initialize(to: 0) }
    }
  }
}

/// The runs of the rows of a range of slices, `rowFirst` counted from the chunk's first run.
private struct RowRuns: Sendable {
  var start: [Int32] = []
  var end: [Int32] = []
  var rowFirst: [Int32] = []

  /// Word-at-a-time scanning: eight background bytes, or eight set bytes, are passed at once.
  init(mask: SendableConstPointer<UInt8>, size: GridSize, slices: Range<Int>) {
    let nx = size.nx
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    rowFirst.reserveCapacity(slices.count * size.ny)
    for row in (slices.lowerBound * size.ny)..<(slices.upperBound * size.ny) {
      rowFirst.append(Int32(start.count))
      let base = mask.base + row * nx
      var i = 0
      while i < nx {
        while i &+ 8 <= nx, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) == 0 {
          i &+= 8
        }
        while i < nx, base[i] == 0 { i &+= 1 }
        guard i < nx else { break }
        let first = i
        while i &+ 8 <= nx {
          // No zero byte among the eight (the classic has-zero-byte test).
          let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          guard (v &- ones) & ~v & highs == 0 else { break }
          i &+= 8
        }
        while i < nx, base[i] != 0 { i &+= 1 }
        start.append(Int32(first))
        end.append(Int32(i))
      }
    }
  }
}
