import Imaging

/// A small synthetic chest for the built-in example: body, two lungs and ground-glass balls
/// of given radii, on a 2.5 mm grid. Deterministic (no random numbers; texture from a hash).
struct ExampleVolume {
  static let gridSize = GridSize(128, 112, 56)
  static let spacingMM = Vector3(2.5, 2.5, 2.5)
  static let bodyHU: Int16 = 30
  static let airHU: Int16 = -1000
  static let lungHU: Int16 = -860
  static let ggoHU: Int16 = -520
  static let consolidationHU: Int16 = -120
  static let textureHU = 24

  /// A lesion ball: centre in voxel indices and radius in voxels.
  struct Ball {
    var id: UInt16
    var center: Vector3
    var radius: Double
    /// Radius of a consolidated core (voxels); 0 for pure ground glass.
    var coreRadius: Double = 0
  }

  let volume: Volume
  let lesionMap: [UInt16]
  let lungVoxels: (right: Int, left: Int)

  init(balls: [Ball]) {
    let size = Self.gridSize
    let geometry = Geometry(
      size: size, spacing: Self.spacingMM, origin: Vector3(-160, -140, -200))
    var voxels = [Int16](repeating: Self.airHU, count: size.count)
    var map = [UInt16](repeating: 0, count: size.count)
    var right = 0
    var left = 0
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          let offset = size.offset(i, j, k)
          let point = Vector3(Double(i), Double(j), Double(k))
          guard Self.inBody(point) else { continue }
          voxels[offset] = Self.bodyHU
          guard let side = Self.lungSide(point) else { continue }
          if side == 0 { right += 1 } else { left += 1 }
          let texture = Int16(Self.hash(offset) % Self.textureHU) - Int16(Self.textureHU / 2)
          voxels[offset] = Self.lungHU + texture
          if let ball = balls.first(where: { ($0.center - point).length <= $0.radius }) {
            let core = ball.coreRadius > 0 && (ball.center - point).length <= ball.coreRadius
            voxels[offset] = (core ? Self.consolidationHU : Self.ggoHU) + 3 * texture
            map[offset] = ball.id
          }
        }
      }
    }
    volume = Volume(geometry: geometry, voxels: voxels)
    lesionMap = map
    lungVoxels = (right, left)
  }

  static func inBody(_ p: Vector3) -> Bool {
    let dx = (p.x - 64) / 60
    let dy = (p.y - 56) / 44
    return dx * dx + dy * dy <= 1 && p.z >= 2 && p.z <= 53
  }

  /// 0 for the right lung (image left, low i), 1 for the left lung, nil outside the lungs.
  static func lungSide(_ p: Vector3) -> Int? {
    for (side, cx) in [(0, 40.0), (1, 88.0)] {
      let dx = (p.x - cx) / 19
      let dy = (p.y - 54) / 30
      let dz = (p.z - 30) / 24
      if dx * dx + dy * dy + dz * dz <= 1 { return side }
    }
    return nil
  }

  private static func hash(_ value: Int) -> Int {
    var x = UInt64(truncatingIfNeeded: value) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    return Int(x % 1_000_003)
  }
}
