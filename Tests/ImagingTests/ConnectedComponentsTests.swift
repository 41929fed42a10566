import Imaging
import Testing

/// 6-connected labelling: counts, sizes and raster-order numbering.
struct ConnectedComponentsTests {
  @Test("two spheres and a diagonal pair: sizes, count and numbering")
  func spheres() {
    let size = GridSize(30, 20, 20)
    var mask = [UInt8](repeating: 0, count: size.count)
    var expected = [0, 0]
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          let a = (i - 7) * (i - 7) + (j - 9) * (j - 9) + (k - 9) * (k - 9) <= 25
          let b = (i - 21) * (i - 21) + (j - 9) * (j - 9) + (k - 9) * (k - 9) <= 36
          if a { expected[0] += 1 }
          if b { expected[1] += 1 }
          if a || b { mask[size.offset(i, j, k)] = 1 }
        }
      }
    }
    // Two voxels touching only at a corner are two components under 6-connectivity.
    mask[size.offset(0, 0, 0)] = 1
    mask[size.offset(1, 1, 1)] = 1

    let cc = ConnectedComponents(mask: mask, size: size)
    #expect(cc.count == 4)
    #expect(cc.labels[size.offset(0, 0, 0)] == 1)
    #expect(cc.labels[size.offset(1, 1, 1)] == 2)
    let a = Int(cc.labels[size.offset(7, 9, 9)])
    let b = Int(cc.labels[size.offset(21, 9, 9)])
    #expect(cc.sizes[a] == expected[0])
    #expect(cc.sizes[b] == expected[1])
    // Raster order is x, then y, then z: the larger sphere starts on a lower slice (k = 3).
    #expect(b < a)
  }
}
