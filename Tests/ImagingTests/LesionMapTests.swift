import Testing

@testable import Imaging

/// `LesionMap` keeps only the block of the grid that holds lesions; every read must still see
/// the full grid's ids.
struct LesionMapTests {
  /// A 9x7x6 grid with lesion 3 at (2...4, 1...2, 1) and lesion 5 at (6, 5, 4).
  static func full() -> (map: [UInt16], size: GridSize) {
    let size = GridSize(9, 7, 6)
    var map = [UInt16](repeating: 0, count: size.count)
    for j in 1...2 { for i in 2...4 { map[size.offset(i, j, 1)] = 3 } }
    map[size.offset(6, 5, 4)] = 5
    return (map, size)
  }

  @Test("cropping a full map keeps the enclosing block and reads back every voxel")
  func cropAndRead() {
    let (full, size) = Self.full()
    let map = LesionMap(full: full, size: size)

    #expect(map.columns == 2..<7 && map.rows == 1..<6 && map.slices == 1..<5)
    #expect(map.ids.count == 5 * 5 * 4)
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx { #expect(map[i, j, k] == full[size.offset(i, j, k)]) }
      }
    }
    #expect(map.fullGrid() == full)
    #expect(map[-1, 0, 0] == 0 && map[9, 6, 5] == 0)
  }

  @Test("an axial slice comes back over the whole plane")
  func slicePlane() {
    let (full, size) = Self.full()
    let map = LesionMap(full: full, size: size)

    for k in 0..<size.nz {
      let plane = Array(full[(k * size.sliceCount)..<((k + 1) * size.sliceCount)])
      #expect(map.slice(k) == plane)
    }
  }

  @Test("a map without lesions stores nothing and reads 0 everywhere")
  func empty() {
    let size = GridSize(4, 3, 2)
    let map = LesionMap(full: [UInt16](repeating: 0, count: size.count), size: size)

    #expect(map.ids.isEmpty)
    #expect(map == LesionMap(empty: size))
    #expect(map.fullGrid() == [UInt16](repeating: 0, count: size.count))
    #expect(map.slice(1) == [UInt16](repeating: 0, count: size.sliceCount))
  }
}
