import Imaging

/// Turns per-lesion sums into `LesionMeasurement`s: centre, volumes, diameters, HU figures,
/// side, zone, peripheral/central, pleural contact and type.
struct LesionMeasurer {
  let grid: ChestGrid
  let parameters: AnalysisParameters

  func measure(
    _ stats: LesionStatistics, lesions: LesionComponents, sides: [UInt8]
  ) -> [LesionMeasurement] {
    var pleuraDistance = PleuraDistance(grid: grid, sides: sides)
    return (1..<stats.lesions.count).map { id in
      measureOne(id, stats: stats, lesions: lesions, pleura: &pleuraDistance)
    }
  }

  private func measureOne(
    _ id: Int, stats: LesionStatistics, lesions: LesionComponents,
    pleura: inout PleuraDistance
  ) -> LesionMeasurement {
    let s = stats.lesions[id]
    let n = Double(s.count)
    let centreIndex = (s.sumI / n, s.sumJ / n, s.sumK / n)
    let centre = grid.geometry.point(centreIndex.0, centreIndex.1, centreIndex.2)
    let side: LungSide = s.left > s.right ? .left : .right
    let extent = stats.extents[side == .left ? 1 : 0]
    let localK = s.perSlice.indices.max { s.perSlice[$0] < s.perSlice[$1] } ?? 0
    let shape = crossSection(id: id, localK: localK, lesions: lesions)
    let distance = pleura.distanceMM(
      i: Int(centreIndex.0.rounded()), j: Int(centreIndex.1.rounded()),
      k: Int(centreIndex.2.rounded()))
    let volume = n * grid.voxelML
    let hist = HUHistogram(counts: s.histogram, lowHU: stats.histogramLowHU)
    let mm = Reported.millimetreDecimals

    return LesionMeasurement(
      id: id,
      centerLPS: Vector3(
        Reported.round(centre.x, mm), Reported.round(centre.y, mm), Reported.round(centre.z, mm)),
      volumeML: Reported.round(volume, Reported.volumeDecimals),
      ggoVolumeML: Reported.round(Double(s.ggo) * grid.voxelML, Reported.volumeDecimals),
      consolidationVolumeML: Reported.round(
        Double(s.consolidation) * grid.voxelML, Reported.volumeDecimals),
      longestDiameterMM: Reported.round(shape.longestMM, mm),
      perpendicularDiameterMM: Reported.round(shape.perpendicularMM, mm),
      axialSliceIndex: localK + lesions.box.lo.k,
      meanHU: Reported.round(s.sumHU / n, Reported.huDecimals),
      huP10: hist.percentile(0.1), huMedian: hist.percentile(0.5), huP90: hist.percentile(0.9),
      side: side, zone: extent.zone(of: centre.z),
      peripheral: distance <= parameters.peripheralDistanceMM,
      touchesPleura: s.touchesOutside,
      type: classify(s, longestMM: shape.longestMM, volumeML: volume),
      voxelCount: s.count)
  }

  /// The diameters on the box slice `localK`, where the lesion has its largest cross-section.
  private func crossSection(id: Int, localK: Int, lesions: LesionComponents) -> LesionShape {
    let bs = lesions.box.size
    let base = localK * bs.sliceCount
    var points: [(Double, Double)] = []
    for j in 0..<bs.ny {
      for i in 0..<bs.nx where lesions.ids[base + j * bs.nx + i] == UInt16(id) {
        points.append(
          (
            Double(i + lesions.box.lo.i) * grid.spacingX,
            Double(j + lesions.box.lo.j) * grid.spacingY
          ))
      }
    }
    return LesionShape(points: points, spacingX: grid.spacingX, spacingY: grid.spacingY)
  }

  private func classify(_ s: LesionSums, longestMM: Double, volumeML: Double) -> LesionType {
    let n = Double(s.count)
    let ggoShare = Double(s.ggo) / n
    let denseShare = Double(s.consolidation) / n
    if ggoShare < parameters.mixedMinFraction { return .consolidation }
    if denseShare >= parameters.mixedMinFraction { return .mixed }
    let sphereML = Double.pi / 6 * longestMM * longestMM * longestMM / 1000
    let compact = sphereML > 0 ? volumeML / sphereML : 0
    let nodular =
      longestMM <= parameters.nodularMaxDiameterMM && compact >= parameters.nodularMinCompactness
    return nodular ? .nodularGGO : .patchyGGO
  }
}

/// Nearest-rank percentiles from a one-HU-per-bin histogram.
struct HUHistogram {
  let counts: [Int]
  let lowHU: Int

  func percentile(_ q: Double) -> Double {
    let total = counts.reduce(0, +)
    guard total > 0 else { return 0 }
    let rank = max(1, Int((q * Double(total)).rounded(.up)))
    var seen = 0
    for (bin, c) in counts.enumerated() {
      seen += c
      if seen >= rank { return Double(bin + lowHU) }
    }
    return Double(counts.count - 1 + lowHU)
  }
}
