import Foundation
import Imaging

extension SliceStack {
  /// Uses the true slice-to-slice direction as the k axis when it leans away from the normal
  /// (gantry tilt), so every voxel keeps its real position; refuses slices off one line.
  mutating func applyTilt(_ group: SeriesGroup, normal: Vector3) throws {
    guard positions.count > 1, let first = positions.first, let last = positions.last else {
      return
    }
    let axis = (last - first).normalized
    let cosine = min(1, abs(axis.dot(normal)))
    let tiltDegrees = acos(cosine) * 180 / Double.pi
    let offLine =
      positions.map { p -> Double in
        let d = p - first
        return (d - axis * d.dot(axis)).length
      }.max() ?? 0
    let lateralLimit = max(geometry.spacing.x, geometry.spacing.y)
    guard offLine <= lateralLimit else {
      throw IngestError.inconsistentGeometry(
        path: group.headers[ordered[0].header].path,
        property: "Image Position (Patient) (0020,0032)",
        reason: String(
          format: "slice positions are not on one line (%.2f mm off); more than one stack?",
          offLine))
    }
    guard tiltDegrees > IngestLimits.tiltToleranceDegrees else { return }
    // Positions (Geometry.point) stay exact, and Geometry.voxelVolumeML takes the shear into
    // account (|det|), so volumes measured on this grid are true volumes.
    geometry.direction.c2 = axis
    warnings.append(
      IngestWarning(
        code: IngestWarningCode.gantryTilt, file: group.headers[ordered[0].header].path,
        message: String(
          format: "gantry tilt of %.2f degrees: slices are sheared; the k axis follows the "
            + "slice positions, so voxels keep their true place but axes are not orthogonal",
          tiltDegrees)))
  }

  /// Decides each output slice: regular, gaps (filled with no data) or irregular (resampled).
  mutating func planSlices(_ group: SeriesGroup) throws {
    let axis = geometry.direction.c2
    let distances = positions.map { ($0 - positions[0]).dot(axis) }
    let paths = ordered.map { group.headers[$0.header].path }
    let path = { (i: Int) in paths[i] }
    guard distances.count > 1 else {
      // One slice has no step: its thickness stands in (1 mm when missing or not positive).
      geometry.spacing.z = group.first.sliceThicknessMM.flatMap { $0 > 0 ? $0 : nil } ?? 1
      plan = [.source(0)]
      warnings.append(tooFew(path(0)))
      return
    }
    if distances.count < IngestLimits.minimumSliceCount { warnings.append(tooFew(path(0))) }

    let steps = zip(distances.dropFirst(), distances).map { $0 - $1 }
    let typical = steps.sorted()[steps.count / 2]
    let ratios = steps.map { $0 / typical }
    let regular = ratios.allSatisfy { abs($0 - 1) <= IngestLimits.spacingRelativeTolerance }
    let gapsOnly = ratios.allSatisfy {
      abs($0 - $0.rounded()) <= IngestLimits.gapMultipleTolerance && $0.rounded() >= 1
    }
    let extent = distances.last!  // count > 1 checked above
    if regular {
      geometry.spacing.z = extent / Double(distances.count - 1)
      plan = distances.indices.map { .source($0) }
    } else if gapsOnly {
      try checkSliceCount(extent / typical + 1, file: path(0))
      planGaps(distances, typical: typical, ratios: ratios, path: path)
    } else {
      try checkSliceCount(extent / typical + 1, file: path(0))
      planResample(distances, typical: typical, steps: steps, path: path(0))
    }
    geometry.size.nz = plan.count
  }

  private func tooFew(_ file: String) -> IngestWarning {
    IngestWarning(
      code: IngestWarningCode.tooFewSlices, file: file,
      message: "only \(positions.count) slice(s); fewer than "
        + "\(IngestLimits.minimumSliceCount) cannot cover a chest")
  }

  private mutating func planGaps(
    _ distances: [Double], typical: Double, ratios: [Double], path: (Int) -> String
  ) {
    let total = Int((distances.last! / typical).rounded()) + 1
    geometry.spacing.z = distances.last! / Double(total - 1)
    plan = Array(repeating: .missing, count: total)
    for (i, d) in distances.enumerated() {
      plan[Int((d / geometry.spacing.z).rounded())] = .source(i)
    }
    for (i, ratio) in ratios.enumerated() where ratio.rounded() >= 2 {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.sliceGap, file: path(i),
          message: String(
            format: "%d missing slice(s) after this one (step %.2f mm, expected %.2f mm); "
              + "filled with no data", Int(ratio.rounded()) - 1, ratio * typical, typical)))
    }
  }

  private mutating func planResample(
    _ distances: [Double], typical: Double, steps: [Double], path: String
  ) {
    geometry.spacing.z = typical
    let total = Int((distances.last! / typical + 1e-6).rounded(.down)) + 1
    var lower = 0
    plan = (0..<total).map { k in
      let t = Double(k) * typical
      while lower + 1 < distances.count - 1 && distances[lower + 1] <= t { lower += 1 }
      let weight = (t - distances[lower]) / (distances[lower + 1] - distances[lower])
      if weight <= IngestLimits.duplicateToleranceMM { return .source(lower) }
      if weight >= 1 - IngestLimits.duplicateToleranceMM { return .source(lower + 1) }
      return .blend(lower: lower, upper: lower + 1, weight: weight)
    }
    warnings.append(
      IngestWarning(
        code: IngestWarningCode.nonuniformSpacing, file: path,
        message: String(
          format: "slice steps vary from %.2f to %.2f mm; resampled linearly to %.2f mm",
          steps.min() ?? 0, steps.max() ?? 0, typical)))
  }

  /// Refuses a slice axis longer than the limit before the plan for it is allocated (positions
  /// far apart with a small step would otherwise ask for an absurd number of slices).
  private func checkSliceCount(_ count: Double, file: String) throws {
    guard count.isFinite, count <= Double(IngestLimits.maxAxisLength) else {
      throw IngestError.unsupported(
        path: file, property: "slice positions",
        reason: String(
          format: "a regular grid over them would need %.0f slices (limit %d)", count,
          IngestLimits.maxAxisLength))
    }
  }

  /// Refuses grids too large to allocate, before any voxel buffer exists.
  func checkLimits(_ file: String) throws {
    let size = geometry.size
    let axes = [size.nx, size.ny, size.nz]
    guard axes.allSatisfy({ (1...IngestLimits.maxAxisLength).contains($0) }),
      axes.reduce(1, { $0.multipliedReportingOverflow(by: $1).partialValue })
        <= IngestLimits.maxVoxelCount
    else {
      throw IngestError.unsupported(
        path: file, property: "dimensions",
        reason: "\(size.nx) x \(size.ny) x \(size.nz) exceeds the limit of "
          + "\(IngestLimits.maxAxisLength) per axis and \(IngestLimits.maxVoxelCount) voxels")
    }
  }
}
