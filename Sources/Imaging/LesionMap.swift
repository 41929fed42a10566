/// Lesion identity per voxel of a study's grid (0 = none), stored only over the block of
/// columns, rows and slices that holds the lesions.
///
/// Lesions fill a small part of a chest CT: a full-grid `UInt16` map of a 512x512x300 study is
/// 150 MB of mostly zeros that every study had to allocate, write and keep until the report
/// was drawn. Reading outside the block gives 0.
public struct LesionMap: Sendable, Equatable {
  /// The whole grid the map belongs to.
  public let size: GridSize
  /// The block the stored ids cover.
  public let columns: Range<Int>
  public let rows: Range<Int>
  public let slices: Range<Int>
  /// Ids over the block, x fastest.
  public let ids: [UInt16]

  /// - Precondition: the block lies in `size` and `ids` has one value per block voxel.
  public init(
    size: GridSize, columns: Range<Int>, rows: Range<Int>, slices: Range<Int>, ids: [UInt16]
  ) {
    precondition(
      columns.lowerBound >= 0 && columns.upperBound <= size.nx && rows.lowerBound >= 0
        && rows.upperBound <= size.ny && slices.lowerBound >= 0 && slices.upperBound <= size.nz,
      "LesionMap: block outside the grid")
    precondition(
      ids.count == columns.count * rows.count * slices.count, "LesionMap: ids do not fill the block"
    )
    self.size = size
    self.columns = columns
    self.rows = rows
    self.slices = slices
    self.ids = ids
  }

  /// A map with no lesions.
  public init(empty size: GridSize) {
    self.init(size: size, columns: 0..<0, rows: 0..<0, slices: 0..<0, ids: [])
  }

  /// The map of a full-grid id array, cropped to the block enclosing its non-zero ids.
  /// - Precondition: `full.count == size.count`.
  public init(full: [UInt16], size: GridSize) {
    precondition(full.count == size.count, "LesionMap: map size mismatch")
    var lo = (i: Int.max, j: Int.max, k: Int.max)
    var hi = (i: -1, j: -1, k: -1)
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        let row = size.offset(0, j, k)
        for i in 0..<size.nx where full[row + i] != 0 {
          lo = (min(lo.i, i), min(lo.j, j), min(lo.k, k))
          hi = (max(hi.i, i), max(hi.j, j), max(hi.k, k))
        }
      }
    }
    guard hi.i >= 0 else {
      self.init(empty: size)
      return
    }

    let (columns, rows, slices) = (lo.i..<(hi.i + 1), lo.j..<(hi.j + 1), lo.k..<(hi.k + 1))
    var ids: [UInt16] = []
    ids.reserveCapacity(columns.count * rows.count * slices.count)
    for k in slices {
      for j in rows { ids += full[(size.offset(lo.i, j, k))..<(size.offset(hi.i, j, k) + 1)] }
    }
    self.init(size: size, columns: columns, rows: rows, slices: slices, ids: ids)
  }

  /// The id at grid voxel (i, j, k); 0 outside the block (and outside the grid).
  @inline(__always)
  public subscript(i: Int, j: Int, k: Int) -> UInt16 {
    guard columns.contains(i), rows.contains(j), slices.contains(k) else { return 0 }
    return ids[blockOffset(i, j, k)]
  }

  /// Offset of grid voxel (i, j, k) in `ids`; the voxel must lie in the block.
  @inline(__always)
  public func blockOffset(_ i: Int, _ j: Int, _ k: Int) -> Int {
    ((k - slices.lowerBound) * rows.count + (j - rows.lowerBound)) * columns.count
      + (i - columns.lowerBound)
  }

  /// The ids of axial slice `k` over the whole plane, x fastest.
  public func slice(_ k: Int) -> [UInt16] {
    var plane = [UInt16](repeating: 0, count: size.sliceCount)
    guard slices.contains(k) else { return plane }
    for j in rows {
      let source = blockOffset(columns.lowerBound, j, k)
      let target = j * size.nx + columns.lowerBound
      for n in 0..<columns.count { plane[target + n] = ids[source + n] }
    }
    return plane
  }

  /// The ids over the whole grid, x fastest (for writers that need every voxel).
  public func fullGrid() -> [UInt16] {
    var full = [UInt16](repeating: 0, count: size.count)
    for k in slices {
      for j in rows {
        let source = blockOffset(columns.lowerBound, j, k)
        let target = size.offset(columns.lowerBound, j, k)
        for n in 0..<columns.count { full[target + n] = ids[source + n] }
      }
    }
    return full
  }
}
