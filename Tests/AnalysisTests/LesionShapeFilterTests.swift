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
    let hu = [Int16](repeating: -500, count: size.count)
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
