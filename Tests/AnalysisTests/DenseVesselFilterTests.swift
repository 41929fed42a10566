import Imaging
import Testing

@testable import Analysis

/// The 3-D distance field and the vessel-tree rule on small synthetic blocks.
struct DenseVesselFilterTests {
  /// A grid of `size` at `spacing` mm with a flag set where `inside` holds for the voxel centre
  /// (mm, measured from voxel 0).
  static func mask(_ size: GridSize, _ spacing: Vector3, _ inside: (Vector3) -> Bool) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: size.count)
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          let p = Vector3(Double(i) * spacing.x, Double(j) * spacing.y, Double(k) * spacing.z)
          out[size.offset(i, j, k)] = inside(p) ? 1 : 0
        }
      }
    }
    return out
  }

  @Test("the 3-D distance field equals brute force on an anisotropic grid")
  func distanceFieldMatchesBruteForce() {
    let size = GridSize(9, 7, 6)
    let spacing = Vector3(0.7, 0.9, 2.5)
    let feature = Self.mask(size, spacing) { p in
      Int(p.x * 10 + p.y * 7 + p.z * 3) % 11 == 0
    }
    let field = DistanceField3D.squared(feature: feature, size: size, spacing: spacing)
    var features: [Vector3] = []
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx where feature[size.offset(i, j, k)] != 0 {
          features.append(
            Vector3(Double(i) * spacing.x, Double(j) * spacing.y, Double(k) * spacing.z))
        }
      }
    }
    #expect(features.count > 3)
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          let p = Vector3(Double(i) * spacing.x, Double(j) * spacing.y, Double(k) * spacing.z)
          let brute = features.map { ($0 - p).dot($0 - p) }.min() ?? 0
          #expect(abs(Double(field[size.offset(i, j, k)]) - brute) < 1e-3)
        }
      }
    }
  }

  /// A tube of radius 3.5 mm along x with a branch (elongation about 20) is a vessel tree; a
  /// ball of radius 6 mm (elongation 0.67) and a thick slab 24 mm deep, elongated but thicker
  /// than `vesselMaxRadiusMM`, are not.
  @Test(
    "vessel trees are cleared, balls and thick slabs are kept",
    arguments: [("tree", true), ("ball", false), ("slab", false)])
  func vesselTreeRule(shape: String, isTree: Bool) {
    let size = GridSize(160, 60, 40)
    let spacing = Vector3(1, 1, 1.5)
    let mask = Self.mask(size, spacing) { p in
      switch shape {
      case "tree":
        let trunk = (p.y - 30) * (p.y - 30) + (p.z - 30) * (p.z - 30) <= 3.5 * 3.5
        let branchY = 30 + (p.x - 80) * 0.5
        let branch = p.x >= 80 && (p.y - branchY) * (p.y - branchY) + (p.z - 30) * (p.z - 30) <= 9
        return p.x >= 5 && p.x <= 150 && (trunk || branch)
      case "ball": return (p - Vector3(80, 30, 30)).length <= 6
      default: return p.x >= 20 && p.x <= 140 && p.y >= 18 && p.y <= 42 && p.z >= 6 && p.z <= 51
      }
    }
    let geometry = Geometry(
      size: size, spacing: spacing, origin: Vector3(0, 0, 0), direction: .identity)
    let filter = DenseVesselFilter(grid: ChestGrid(geometry), parameters: AnalysisParameters())
    var dense = mask
    let cleared = filter.filter(&dense, size: size)
    #expect(cleared == (isTree ? 1 : 0))
    #expect(dense.contains(1) == !isTree)
  }
}
