import Foundation
import Imaging

/// The pulmonary vessel tree: tapering capsules branching from each hilum to the periphery.
///
/// Grown once per phantom from its seed; segments whose far end would leave the lung are cut
/// short or dropped, so the tree stays inside the lungs and thins towards the pleura.
struct VesselTree: Sendable {
  /// One vessel segment; `radius` is its lumen radius (mm).
  var segments: [Capsule]

  /// Growth rules, named so the tree's look can be tuned in one place.
  enum Rule {
    static let rootRadiusMM = 6.5
    static let minimumRadiusMM = 0.45
    static let lengthPerRadius = 3.2
    static let baseLengthMM = 5.0
    static let maximumDepth = 16
    /// Branch ends stay this far (mm, along the branch) inside the lung, leaving the subpleural
    /// lung nearly free of visible vessels as in real CT.
    static let pleuralMarginMM = 5.0
    /// Directions tried before a branch that would leave the lung is given up.
    static let attempts = 5
    static let majorChildScale = 0.8
    static let minorChildScale = 0.68
    static let branchAngleRadians = 0.5...0.95
    /// Weight pulling each child towards the direction away from the hilum.
    static let outwardPull = 0.2
  }

  /// Grows the tree for both lungs of `anatomy` at neutral breathing.
  init(anatomy: ChestAnatomy, seed: UInt64) {
    var rng = SplitMix64(seed: seed, streams: 0x7EE5)
    var segments: [Capsule] = []
    let hila = [Vector3(-46, 14, -28), Vector3(50, 16, -36)]
    // Trunk directions (right lung; mirrored for the left) spread over the lung's lobes.
    let trunks = [
      Vector3(-0.3, -0.2, 1), Vector3(-0.4, -0.8, 0.7), Vector3(-0.4, 0.8, 0.7),
      Vector3(-1, -0.6, -0.1), Vector3(-1, 0.4, 0.1), Vector3(-0.6, -0.8, -0.7),
      Vector3(-0.4, 0.6, -1), Vector3(-0.5, 0.9, 0.3), Vector3(-0.6, 0.1, -1),
      Vector3(-0.2, 1, -0.4),
    ]
    for (side, hilum) in hila.enumerated() {
      let mirror = side == 0 ? 1.0 : -1.0
      for trunk in trunks {
        let direction = Vector3(trunk.x * mirror, trunk.y, trunk.z).normalized
        VesselTree.grow(
          from: hilum, direction: direction, radius: Rule.rootRadiusMM, depth: 0, hilum: hilum,
          anatomy: anatomy, rng: &rng, into: &segments)
      }
    }
    self.segments = segments
  }

  private static func grow(
    from start: Vector3, direction: Vector3, radius: Double, depth: Int, hilum: Vector3,
    anatomy: ChestAnatomy, rng: inout SplitMix64, into segments: inout [Capsule]
  ) {
    guard radius >= Rule.minimumRadiusMM, depth <= Rule.maximumDepth else { return }
    let length = Rule.baseLengthMM + Rule.lengthPerRadius * radius
    guard let (end, direction) = reachableEnd(from: start, direction, length, anatomy, &rng)
    else { return }
    segments.append(Capsule(start: start, end: end, radius: radius))

    let outward = (end - hilum).normalized
    let axis = direction.cross(randomUnit(&rng)).normalized
    // The major child bends half as far as the minor one, on the opposite side.
    for (scale, turn) in [(Rule.majorChildScale, 0.5), (Rule.minorChildScale, -1.0)] {
      let angle = rng.uniform(Rule.branchAngleRadians) * turn
      let turned = rotate(direction, about: axis, by: angle)
      let child = (turned * (1 - Rule.outwardPull) + outward * Rule.outwardPull).normalized
      grow(
        from: end, direction: child, radius: radius * scale, depth: depth + 1, hilum: hilum,
        anatomy: anatomy, rng: &rng, into: &segments)
    }
  }

  /// The end of a branch that stays in the lung: the planned direction first, then bent ones.
  private static func reachableEnd(
    from start: Vector3, _ direction: Vector3, _ length: Double, _ anatomy: ChestAnatomy,
    _ rng: inout SplitMix64
  ) -> (Vector3, Vector3)? {
    var candidate = direction
    for attempt in 0..<Rule.attempts {
      let end = start + candidate * length
      let beyond = end + candidate * Rule.pleuralMarginMM
      if anatomy.lungSide(end, breathingMM: 0) != 0, anatomy.lungSide(beyond, breathingMM: 0) != 0 {
        return (end, candidate)
      }
      let bend = Double(attempt + 1) / Double(Rule.attempts)
      candidate = (direction * (1 - bend) + randomUnit(&rng) * bend).normalized
    }
    return nil
  }

  private static func randomUnit(_ rng: inout SplitMix64) -> Vector3 {
    let z = rng.uniform(-1...1)
    let phi = rng.uniform(0...(2 * Double.pi))
    let r = (1 - z * z).squareRoot()
    return Vector3(r * cos(phi), r * sin(phi), z)
  }

  /// Rodrigues' rotation of `v` about the unit `axis`.
  private static func rotate(_ v: Vector3, about axis: Vector3, by angle: Double) -> Vector3 {
    v * cos(angle) + axis.cross(v) * sin(angle) + axis * (axis.dot(v) * (1 - cos(angle)))
  }
}
