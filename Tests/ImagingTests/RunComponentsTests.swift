import Imaging
import Testing

/// Run-based labelling against a breadth-first reference on random masks.
struct RunComponentsTests {
  static let cases: [(GridSize, Double, Bool)] = [
    (GridSize(17, 13, 9), 0.3, false),
    (GridSize(17, 13, 9), 0.55, false),
    (GridSize(40, 31, 12), 0.45, true),
    (GridSize(64, 1, 1), 0.5, false),
    (GridSize(1, 50, 7), 0.6, false),
    (GridSize(33, 29, 1), 0.5, true),
  ]

  @Test("labels and sizes equal a flood-fill reference", arguments: 0..<cases.count)
  func matchesFlood(index: Int) {
    let (size, density, blobby) = Self.cases[index]
    let mask = RandomMasks.mask(size, density: density, seed: UInt64(index + 1), blobby: blobby)
    let reference = RandomMasks.labelByFlood(mask, size: size)
    let cc = ConnectedComponents(mask: mask, size: size)
    #expect(cc.labels == reference)
    var sizes = [Int](repeating: 0, count: Int(reference.max() ?? 0) + 1)
    for l in reference where l > 0 { sizes[Int(l)] += 1 }
    #expect(cc.sizes == sizes)
    #expect(cc.count == sizes.count - 1)
  }

  @Test("runs cover exactly the set voxels and carry the voxel labels")
  func runsMatchLabels() {
    let size = GridSize(29, 23, 6)
    let mask = RandomMasks.mask(size, density: 0.5, seed: 99, blobby: true)
    let runs = mask.withUnsafeBufferPointer { RunComponents(mask: $0, size: size) }
    var covered = [Int32](repeating: 0, count: size.count)
    for row in 0..<(size.ny * size.nz) {
      for r in Int(runs.rowFirst[row])..<Int(runs.rowFirst[row + 1]) {
        #expect(runs.start[r] < runs.end[r])
        for i in Int(runs.start[r])..<Int(runs.end[r]) {
          covered[row * size.nx + i] = runs.label[r]
        }
      }
    }
    #expect(covered == RandomMasks.labelByFlood(mask, size: size))
    #expect(runs.labelVolume() == covered)
  }

  @Test("two threads give the same components as one on a grid large enough to split")
  func threadsAgree() {
    let size = GridSize(128, 128, 65)
    #expect(size.count >= RunComponents.minParallelVoxels)
    let mask = RandomMasks.mask(size, density: 0.5, seed: 7, blobby: true)
    let one = ConnectedComponents(mask: mask, size: size, threads: 1)
    let two = ConnectedComponents(mask: mask, size: size, threads: 2)
    #expect(one.labels == two.labels)
    #expect(one.sizes == two.sizes)
    #expect(one.count > 100)
  }

  @Test("an empty mask has no components")
  func empty() {
    let size = GridSize(8, 8, 3)
    let cc = ConnectedComponents(mask: [UInt8](repeating: 0, count: size.count), size: size)
    #expect(cc.count == 0)
    #expect(cc.labels.allSatisfy { $0 == 0 })
  }
}
