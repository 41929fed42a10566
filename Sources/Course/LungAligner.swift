import Imaging

/// Settings of the lung-surface alignment, in millimetres where a unit applies.
public struct AlignmentParameters: Sendable, Equatable {
  /// Surface points are thinned to one per cube of this edge (mm).
  public var surfaceCellMM: Double
  /// Correspondences are searched within about this distance (mm).
  public var searchRadiusMM: Double
  /// The fraction of closest correspondences kept in each iteration (trimmed ICP); the rest
  /// (diaphragm moved by breathing, lesions changing the border) do not pull the fit.
  public var keptFraction: Double
  public var maximumIterations: Int
  /// Iteration stops when no point moves more than this between iterations (mm).
  public var convergenceMM: Double
  /// Fewer matched points than this means the masks do not overlap enough to align.
  public var minimumMatchedPoints: Int
  /// Surface points whose outward normal points further down than this (LPS z component)
  /// are left out: they lie on the diaphragm, which moves with breathing depth while the rest
  /// of the chest does not.
  public var lowestNormalZ: Double

  public init(
    surfaceCellMM: Double = 4, searchRadiusMM: Double = 10, keptFraction: Double = 0.8,
    maximumIterations: Int = 80, convergenceMM: Double = 0.005, minimumMatchedPoints: Int = 50,
    lowestNormalZ: Double = -0.5
  ) {
    self.surfaceCellMM = surfaceCellMM
    self.searchRadiusMM = searchRadiusMM
    self.keptFraction = keptFraction
    self.maximumIterations = maximumIterations
    self.convergenceMM = convergenceMM
    self.minimumMatchedPoints = minimumMatchedPoints
    self.lowestNormalZ = lowestNormalZ
  }
}

/// How one study was brought into the first study's frame.
public struct StudyAlignment: Sendable, Equatable, Codable {
  /// Maps this study's LPS (mm) into the first study's LPS (mm).
  public var transform: RigidTransform
  /// Root-mean-square distance (mm) from the kept surface points to the reference surface.
  public var residualMM: Double
  /// Median distance (mm) over all matched surface points (less sensitive to breathing).
  public var medianDistanceMM: Double
  public var matchedPoints: Int
  public var iterations: Int

  public init(
    transform: RigidTransform, residualMM: Double, medianDistanceMM: Double, matchedPoints: Int,
    iterations: Int
  ) {
    self.transform = transform
    self.residualMM = residualMM
    self.medianDistanceMM = medianDistanceMM
    self.matchedPoints = matchedPoints
    self.iterations = iterations
  }

  enum CodingKeys: String, CodingKey {
    case transform
    case residualMM = "residual_mm"
    case medianDistanceMM = "median_distance_mm"
    case matchedPoints = "matched_points"
    case iterations
  }

  /// The alignment of the reference study onto itself.
  public static let reference = StudyAlignment(
    transform: .identity, residualMM: 0, medianDistanceMM: 0, matchedPoints: 0, iterations: 0)
}

/// Rigid alignment of one lung surface onto another: centroid initialisation, then trimmed
/// iterative closest points, point-to-plane (Chen and Medioni), solved linearly at each step.
///
/// The diaphragm (inferior-facing surface) is left out because breathing moves it. Centroid
/// initialisation takes any shift; the iteration converges for the small rotations of
/// repeat supine scans (tested to 5 degrees with 20 mm shifts). Deterministic.
public enum LungAligner {
  /// - Returns: the transform mapping `moving` into `fixed`'s frame, with residuals.
  /// - Throws: `CourseError.alignmentFailed` when too few points find a partner.
  public static func align(
    moving: LungSurface, onto fixed: LungSurface, study: String,
    parameters: AlignmentParameters = AlignmentParameters()
  ) throws -> StudyAlignment {
    let fixed = fixed.excludingDiaphragm(lowestNormalZ: parameters.lowestNormalZ)
    let moving = moving.excludingDiaphragm(lowestNormalZ: parameters.lowestNormalZ)
    let grid = PointGrid(points: fixed.pointsMM, cellMM: parameters.searchRadiusMM)
    var transform = RigidTransform(translationMM: fixed.centroidMM - moving.centroidMM)
    var result = StudyAlignment.reference
    for iteration in 1...max(1, parameters.maximumIterations) {
      let pairs = matches(moving.pointsMM, transform, grid)
      guard pairs.count >= parameters.minimumMatchedPoints else {
        throw CourseError.alignmentFailed(
          study: study, reason: "only \(pairs.count) lung surface points found a partner")
      }
      let kept = Array(pairs.prefix(max(6, Int(Double(pairs.count) * parameters.keptFraction))))
      let delta = PlaneFit.step(
        moved: kept.map { transform.apply(moving.pointsMM[$0.moving]) },
        targets: kept.map { fixed.pointsMM[$0.fixed] },
        normals: kept.map { fixed.normals[$0.fixed] })
      let next = transform.then(delta)
      let step = largestMotion(from: transform, to: next, over: moving.pointsMM)
      transform = next
      let rms = (kept.reduce(0) { $0 + $1.distanceMM * $1.distanceMM } / Double(kept.count))
        .squareRoot()
      result = StudyAlignment(
        transform: transform, residualMM: rms,
        medianDistanceMM: pairs[pairs.count / 2].distanceMM, matchedPoints: pairs.count,
        iterations: iteration)
      if step < parameters.convergenceMM { break }
    }
    return finalResidual(result, moving, grid, parameters)
  }

  /// Residuals measured after the last update, so they describe the transform returned.
  private static func finalResidual(
    _ result: StudyAlignment, _ moving: LungSurface, _ grid: PointGrid,
    _ parameters: AlignmentParameters
  ) -> StudyAlignment {
    let pairs = matches(moving.pointsMM, result.transform, grid)
    guard !pairs.isEmpty else { return result }
    let kept = pairs.prefix(max(1, Int(Double(pairs.count) * parameters.keptFraction)))
    var r = result
    r.residualMM = (kept.reduce(0) { $0 + $1.distanceMM * $1.distanceMM } / Double(kept.count))
      .squareRoot()
    r.medianDistanceMM = pairs[pairs.count / 2].distanceMM
    r.matchedPoints = pairs.count
    return r
  }

  /// Nearest-point pairs, closest first (ties by moving index, so the order is deterministic).
  private static func matches(
    _ points: [Vector3], _ transform: RigidTransform, _ grid: PointGrid
  ) -> [(moving: Int, fixed: Int, distanceMM: Double)] {
    var pairs: [(moving: Int, fixed: Int, distanceMM: Double)] = []
    pairs.reserveCapacity(points.count)
    for (i, p) in points.enumerated() {
      guard let n = grid.nearest(to: transform.apply(p)) else { continue }
      pairs.append((i, n.index, n.distanceMM))
    }
    pairs.sort { ($0.distanceMM, $0.moving) < ($1.distanceMM, $1.moving) }
    return pairs
  }

  private static func largestMotion(
    from a: RigidTransform, to b: RigidTransform, over points: [Vector3]
  ) -> Double {
    points.reduce(0) { max($0, (a.apply($1) - b.apply($1)).length) }
  }
}
