import Imaging
import Testing

/// The sliced passes `ConnectedComponents.sizes` and `relabel` against a plain serial count and
/// lookup, for several thread counts (results must not depend on them).
struct ConnectedComponentsRelabelTests {
  /// An odd slice count so that the chunks of slices differ in length.
  static let size = GridSize(23, 17, 13)

  static func labels() -> (labels: [Int32], count: Int) {
    let mask = RandomMasks.mask(size, density: 0.35, seed: 41, blobby: true)
    let labels = RandomMasks.labelByFlood(mask, size: size)
    return (labels, Int(labels.max() ?? 0))
  }

  @Test("sizes equal a serial count of every label", arguments: [1, 2, 3])
  func sizes(threads: Int) {
    let (labels, count) = Self.labels()
    var expected = [Int](repeating: 0, count: count + 1)
    for c in labels where c > 0 { expected[Int(c)] += 1 }
    #expect(count > 20)

    let sizes = ConnectedComponents.sizes(
      of: labels, count: count, size: Self.size, threads: threads)

    #expect(sizes == expected)
    #expect(sizes.reduce(0, +) == labels.count { $0 > 0 })
  }

  @Test("relabel equals a serial lookup of every voxel", arguments: [1, 2, 3])
  func relabel(threads: Int) {
    let (labels, count) = Self.labels()
    // Drops every third component, renumbers the rest out of order.
    let table = (0...count).map { c in c == 0 || c % 3 == 0 ? UInt16(0) : UInt16(count + 1 - c) }
    let expected = labels.map { table[Int($0)] }

    let ids = ConnectedComponents.relabel(labels, through: table, size: Self.size, threads: threads)

    #expect(ids == expected)
    #expect(ids.contains(0) && ids.contains(UInt16(count)))
  }

  @Test("an empty grid gives no voxels and zero sizes")
  func empty() {
    let size = GridSize(4, 4, 0)

    #expect(ConnectedComponents.sizes(of: [], count: 2, size: size, threads: 2) == [0, 0, 0])
    #expect(ConnectedComponents.relabel([], through: [0], size: size, threads: 2).isEmpty)
  }
}
