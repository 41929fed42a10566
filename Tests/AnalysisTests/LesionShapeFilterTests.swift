import Imaging
import Testing

@testable import Analysis

/// The surface-cap rule of `LesionShapeFilter` on a small block of 5 mm slices.
struct LesionShapeFilterTests {
  /// Slices 1-5 of 7 are lung. Component 1 is a ground-glass patch one slice thick on slice 1,
  /// against the lung's lower surface (as a 5 mm slice through the diaphragm dome reads);
  /// component 2 is a nodule on slices 2-4, inside the lung.
  static func block() -> (labels: [Int32], hu: [Int16], lung: [UInt8], box: VoxelBox) {
    let size = GridSize(40, 40, 7)
    var labels = [Int32](repeating: 0, count: size.count)
    var lung = [UInt8](repeating: 0, count: size.count)
    for k in 1...5 {
      for j in 0..<size.ny {
        for i in 0..<size.nx { lung[size.offset(i, j, k)] = 1 }
      }
    }
    for j in 5..<25 {
      for i in 5..<25 { labels[size.offset(i, j, 1)] = 1 }
    }
    for k in 2...4 {
      for j in 28..<38 {
        for i in 28..<38 { labels[size.offset(i, j, k)] = 2 }
      }
    }
    let hu = labels.map { $0 > 0 ? Int16(-500) : -850 }
    return (labels, hu, lung, VoxelBox(lo: (0, 0, 0), hi: (39, 39, 6)))
  }

  @Test(
    "a one-slice patch against the lung's lower surface is dropped, a nodule is kept",
    arguments: [(0.6, false), (1.01, true)])
  func surfaceCap(minFraction: Double, patchKept: Bool) {
    let geometry = Geometry(
      size: GridSize(40, 40, 7), spacing: Vector3(0.7, 0.7, 5), origin: Vector3(0, 0, 0))
    var parameters = AnalysisParameters()
    parameters.surfaceCapMinFraction = minFraction
    let (labels, hu, lung, box) = Self.block()
    let keep = LesionShapeFilter(grid: ChestGrid(geometry), parameters: parameters)
      .keep(labels: labels, count: 2, hu: hu, lung: lung, box: box)
    #expect(keep == [false, patchKept, true])
  }
}

/// The slab-crossing rule of `LesionShapeFilter`: on thick slices, a ground-glass component
/// whose top and bottom faces look onto dense tissue is a vessel running through the slabs.
struct SlabContinuationTests {
  /// Five slices of lung. Component 1, one slice thick on slice 2, has a dense column (a
  /// vessel, 0 HU) above and below `denseColumns` of its 16 columns (of its 32 faces, 10 dense
  /// are above the 0.3 limit, 8 are not); component 2, a nodule on the same slice, ends in
  /// aerated lung (-850 HU) on both sides.
  static func block(denseColumns: Int) -> (labels: [Int32], hu: [Int16], lung: [UInt8]) {
    let size = GridSize(30, 30, 5)
    var labels = [Int32](repeating: 0, count: size.count)
    var hu = [Int16](repeating: -850, count: size.count)
    var columns = 0
    for j in 2..<6 {
      for i in 2..<6 {
        labels[size.offset(i, j, 2)] = 1
        hu[size.offset(i, j, 2)] = -550
        if columns < denseColumns {
          hu[size.offset(i, j, 1)] = 0
          hu[size.offset(i, j, 3)] = 0
          columns += 1
        }
      }
    }
    for j in 20..<24 {
      for i in 20..<24 {
        labels[size.offset(i, j, 2)] = 2
        hu[size.offset(i, j, 2)] = -600
      }
    }
    return (labels, hu, [UInt8](repeating: 1, count: size.count))
  }

  @Test(
    "on 5 mm slices a component running on into dense tissue above and below is dropped",
    arguments: [(16, 5.0, false), (5, 5.0, false), (4, 5.0, true), (16, 1.25, true)])
  func slabCrossing(denseColumns: Int, spacingZ: Double, kept: Bool) {
    let geometry = Geometry(
      size: GridSize(30, 30, 5), spacing: Vector3(0.7, 0.7, spacingZ), origin: Vector3(0, 0, 0))
    let (labels, hu, lung) = Self.block(denseColumns: denseColumns)
    let box = VoxelBox(lo: (0, 0, 0), hi: (29, 29, 4))
    let keep = LesionShapeFilter(grid: ChestGrid(geometry), parameters: AnalysisParameters())
      .keep(labels: labels, count: 2, hu: hu, lung: lung, box: box)
    #expect(keep == [false, kept, true])
  }
}
