import Imaging

/// Where a planned lesion sits and how it evolves, before per-seed jitter.
private struct LesionBlueprint {
  var center: Vector3
  var shape: Vector3
  var appearsOnDay: Int
  var radiusMM: Double
  var growthMMPerDay: Double
  var coreFromDay: Int?
  var coreScale: Double
  var ggoHU: Float
}

extension PhantomPreset {
  /// Jitter applied per seed, so different seeds give different but similar courses.
  private enum Jitter {
    static let positionMM = 1.5
    static let radiusFraction = 0.1
  }

  /// HU of consolidated cores (within the -100...+30 range of consolidation).
  private static let coreHU: Float = -20

  /// The lesions of this preset for a seed, in priority order (where two overlap, the earlier
  /// one owns the shared voxels).
  func lesionCourses(seed: UInt64) -> [LesionCourse] {
    var rng = SplitMix64(seed: seed, streams: 0x1E51_0A)
    return blueprints.enumerated().map { index, plan in
      let offset =
        Vector3(
          rng.uniform(-1...1), rng.uniform(-1...1), rng.uniform(-1...1)) * Jitter.positionMM
      let scale = 1 + rng.uniform(-1...1) * Jitter.radiusFraction
      let orientation = Matrix3.rotation(
        x: rng.uniform(-0.6...0.6), y: rng.uniform(-0.6...0.6), z: rng.uniform(-1.5...1.5))
      return LesionCourse(
        id: "L\(index + 1)", center: plan.center + offset, shape: plan.shape,
        orientation: orientation, appearsOnDay: plan.appearsOnDay,
        initialRadiusMM: plan.radiusMM * scale, growthMMPerDay: plan.growthMMPerDay * scale,
        coreFromDay: plan.coreFromDay, coreScale: plan.coreScale, ggoHU: plan.ggoHU,
        coreHU: PhantomPreset.coreHU)
    }
  }

  private var blueprints: [LesionBlueprint] {
    switch self {
    case .healthy: return []
    case .seedCourse, .thick: return PhantomPreset.seedCourseBlueprints
    case .severe: return PhantomPreset.severeBlueprints
    }
  }

  /// Small peripheral nodular GGO: two on day 1, a third by day 3, two more by day 6; the first
  /// gains a consolidated core on day 6.
  private static let seedCourseBlueprints: [LesionBlueprint] = [
    LesionBlueprint(
      center: Vector3(-104, 50, -90), shape: Vector3(1, 0.85, 0.9), appearsOnDay: 1,
      radiusMM: 4.5, growthMMPerDay: 0.9, coreFromDay: 6, coreScale: 0.4, ggoHU: -600),
    LesionBlueprint(
      center: Vector3(105, 40, -105), shape: Vector3(0.9, 1, 0.8), appearsOnDay: 1,
      radiusMM: 3.5, growthMMPerDay: 0.7, coreFromDay: nil, coreScale: 0, ggoHU: -650),
    LesionBlueprint(
      center: Vector3(-99, -56, -20), shape: Vector3(1, 0.9, 0.85), appearsOnDay: 3,
      radiusMM: 3.0, growthMMPerDay: 1.0, coreFromDay: nil, coreScale: 0, ggoHU: -620),
    LesionBlueprint(
      center: Vector3(90, -40, 30), shape: Vector3(0.9, 0.9, 1), appearsOnDay: 6,
      radiusMM: 3.5, growthMMPerDay: 0, coreFromDay: nil, coreScale: 0, ggoHU: -680),
    LesionBlueprint(
      center: Vector3(-88, 62, 40), shape: Vector3(1, 0.55, 1), appearsOnDay: 6,
      radiusMM: 4.0, growthMMPerDay: 0, coreFromDay: nil, coreScale: 0, ggoHU: -560),
  ]

  /// Size factor of the severe sites (tuned so the last study exceeds 25% of the lungs).
  private static let severeScale = 1.2

  /// Large bilateral posterior and peripheral patches that grow and consolidate.
  private static let severeBlueprints: [LesionBlueprint] = {
    let sites: [(Vector3, Double)] = [
      (Vector3(-100, 50, -90), 44), (Vector3(100, 45, -100), 42), (Vector3(-95, -45, -30), 36),
      (Vector3(95, -45, -15), 34), (Vector3(-90, 50, 20), 36), (Vector3(90, 50, 15), 34),
      (Vector3(-105, 0, -130), 28), (Vector3(110, 0, -135), 26), (Vector3(-70, 30, 60), 24),
      (Vector3(70, 30, 58), 24),
    ]
    return sites.map { center, radius in
      LesionBlueprint(
        center: center, shape: Vector3(1, 0.8, 1.15), appearsOnDay: 5,
        radiusMM: radius * severeScale * 0.6, growthMMPerDay: radius * severeScale * 0.4 / 8,
        coreFromDay: 9, coreScale: 0.55, ggoHU: -580)
    }
  }()
}
