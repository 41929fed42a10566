import Imaging
import Testing

@testable import Analysis

/// Lesions filling a bay of the lung against the chest wall stay inside the lung mask; the
/// mediastinum and the chest wall stay out (`HullPockets`).
struct PleuralPocketTests {
  /// Consolidation HU of the test's lesion, distinct from the chest's tissue.
  static let consolidationHU: Int16 = 20

  @Test("a 44 mm consolidation against the posterior chest wall is inside the lung mask")
  func posteriorConsolidationInside() throws {
    var chest = SyntheticChest()
    // Right lung centre (-64, -5); its posterior pleura at x = -80 lies near y = 54, so this
    // ball fills a bay 44 mm wide there, twice what the 10 mm closing bridges.
    chest.spheres = [.init(center: Vector3(-80, 50, 0), radiusMM: 22, hu: Self.consolidationHU)]
    let (volume, truth) = chest.make()
    let grid = ChestGrid(volume.geometry)
    let closingOnly = AnalysisParameters(pleuralPocketMaxAreaMM2: 1e-6)

    let before = try Self.insideFraction(volume, grid: grid, parameters: closingOnly).fraction
    let (inside, sides) = try Self.insideFraction(volume, grid: grid, parameters: .init())
    // Measured 0.02 with the closing alone and 0.75 with the hull pockets: the pocket ends at
    // its mouth, the hull's chord between the bay's two ends, so the lesion's outer segment
    // between that chord and the curved pleura (here about 5 mm deep) stays out.
    #expect(before < 0.1, "\(before)")
    #expect(inside > 0.7, "\(inside)")

    let outside = Self.maskedOutsideTruth(sides: sides, truth: truth, volume: volume)
    let lung = truth.filter { $0 != 0 }.count
    #expect(outside.mediastinum == 0)
    #expect(Double(outside.chestWall) / Double(lung) < 0.01, "\(outside.chestWall) of \(lung)")
  }

  /// The fraction of the test lesion's voxels inside the lung mask, and the mask.
  static func insideFraction(
    _ volume: Volume, grid: ChestGrid, parameters: AnalysisParameters
  ) throws -> (fraction: Double, sides: [UInt8]) {
    let sides = try LungAnalyzer(parameters: parameters, threads: 2).lungSides(volume, grid: grid)
    var lesion = (inside: 0, total: 0)
    for (p, hu) in volume.voxels.enumerated() where hu == Self.consolidationHU {
      lesion.total += 1
      if sides[p] != 0 { lesion.inside += 1 }
    }
    #expect(lesion.total > 1000)
    return (Double(lesion.inside) / Double(max(1, lesion.total)), sides)
  }

  @Test("a heart pushing into the left lung from the mediastinum stays out of the lung mask")
  func mediastinalBayOutside() throws {
    var chest = SyntheticChest()
    // Left lung centre (64, -5), medial pleura at x = 12: the ball carves a bay 60 mm across
    // out of its medial side.
    let heart = SyntheticChest.Sphere(center: Vector3(20, -20, 0), radiusMM: 38, hu: 40)
    chest.displacing = [heart]
    let (volume, truth) = chest.make()
    let grid = ChestGrid(volume.geometry)
    let sides = try LungAnalyzer(threads: 2).lungSides(volume, grid: grid)

    var inHeart = (masked: 0, total: 0)
    for p in 0..<volume.voxels.count {
      let c = volume.geometry.point(
        Double(p % grid.nx), Double(p / grid.nx % grid.ny), Double(p / grid.plane))
      guard (c - heart.center).length <= heart.radiusMM else { continue }
      inHeart.total += 1
      if sides[p] != 0 { inHeart.masked += 1 }
    }
    #expect(Double(inHeart.masked) / Double(inHeart.total) < 0.03, "\(inHeart)")

    let outside = Self.maskedOutsideTruth(sides: sides, truth: truth, volume: volume)
    #expect(outside.mediastinum == 0)
  }

  /// Mask voxels that are not lung in the truth, split into the mediastinum (|x| < 10 mm, the
  /// band between the lungs) and everything else (chest wall, heart).
  static func maskedOutsideTruth(sides: [UInt8], truth: [UInt8], volume: Volume) -> (
    mediastinum: Int, chestWall: Int
  ) {
    let size = volume.geometry.size
    var counts = (mediastinum: 0, chestWall: 0)
    for p in 0..<sides.count where sides[p] != 0 && truth[p] == 0 {
      let c = volume.geometry.point(
        Double(p % size.nx), Double(p / size.nx % size.ny), Double(p / (size.nx * size.ny)))
      if abs(c.x) < 10 { counts.mediastinum += 1 } else { counts.chestWall += 1 }
    }
    return counts
  }
}
