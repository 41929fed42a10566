import Imaging
import Testing

@testable import Analysis

/// `LesionHullFill` on one slice: a round ground-glass nodule against the lung's edge, with the
/// band of a vessel crossing it cut out between its centre and the pleura.
struct LesionHullFillTests {
  static let size = GridSize(40, 40, 1)
  /// Lung for x < 30 (the pleura at x = 30); the nodule is centred 10 pixels inside it.
  static let centre = (x: 20, y: 20)
  static let radius = 10

  static func inNodule(_ i: Int, _ j: Int) -> Bool {
    let (dx, dy) = (i - centre.x, j - centre.y)
    return dx * dx + dy * dy <= radius * radius && i < 30
  }

  /// The vessel band: rows 19-21 from the nodule's centre to the pleura.
  static func inBand(_ i: Int, _ j: Int) -> Bool { (19...21).contains(j) && i >= 24 }

  /// Labels (the nodule without the band), HU (-600 nodule, -50 band and a vessel outside the
  /// nodule at x = 5, -850 parenchyma) and lung sides.
  static func slice() -> (labels: [Int32], hu: [Int16], lung: [UInt8]) {
    var labels = [Int32](repeating: 0, count: size.count)
    var hu = [Int16](repeating: -850, count: size.count)
    var lung = [UInt8](repeating: 0, count: size.count)
    for j in 0..<size.ny {
      for i in 0..<size.nx {
        let p = size.offset(i, j, 0)
        lung[p] = i < 30 ? 1 : 0
        if i >= 30 { hu[p] = 40 }
        if inNodule(i, j) { hu[p] = inBand(i, j) ? -50 : -600 }
        if inNodule(i, j), !inBand(i, j) { labels[p] = 1 }
        if (4...6).contains(i) { hu[p] = -50 }
      }
    }
    return (labels, hu, lung)
  }

  static func fill(eligible: Bool) -> [Int32] {
    let geometry = Geometry(size: size, spacing: Vector3(0.7, 0.7, 1.25), origin: Vector3(0, 0, 0))
    var (labels, hu, lung) = slice()
    LesionHullFill(grid: ChestGrid(geometry), parameters: AnalysisParameters())
      .fill(
        labels: &labels, eligible: [false, eligible], hu: hu, lung: lung,
        box: VoxelBox(lo: (0, 0, 0), hi: (39, 39, 0)))
    return labels
  }

  @Test("the vessel band between a nodule's centre and the pleura comes back, nothing else")
  func bandRestored() {
    let labels = Self.fill(eligible: true)
    for j in 0..<Self.size.ny {
      for i in 0..<Self.size.nx {
        let expected: Int32 = Self.inNodule(i, j) ? 1 : 0
        #expect(labels[Self.size.offset(i, j, 0)] == expected, "pixel (\(i), \(j))")
      }
    }
  }

  @Test("a lesion that is not eligible is left as it is")
  func ineligibleUnchanged() {
    #expect(Self.fill(eligible: false) == Self.slice().labels)
  }
}
