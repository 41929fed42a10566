import Imaging

/// Drops lesion components that are anatomy, not disease, by their shape and density.
///
/// Two kinds of false lesion survive the in-plane vessel opening:
/// - sheets: fissures (thin planes of denser tissue) and vessels running within one axial
///   slice. Their mean thickness, volume over axial footprint area, is below
///   `sheetMaxThicknessMM` while the footprint covers at least `sheetMinAreaMM2`; a nodule
///   that small in area (about 11 mm across) is never judged by thickness.
/// - dense specks: components almost all of consolidation density (ground-glass part below
///   `mixedMinFraction`) smaller than `minConsolidationVolumeML`, which are segments of
///   vessels wider than `denseVesselMaxDiameterMM` cut across by the slices.
/// - surface caps: components of which at least `surfaceCapMinFraction` of the voxels have the
///   voxel directly above or below outside the lung. A thick slice through the lung's apex or
///   the diaphragm dome averages lung with the tissue beyond, which reads as ground glass over
///   the whole cut; a real lesion spans more slices than the one against the surface.
struct LesionShapeFilter {
  let grid: ChestGrid
  let parameters: AnalysisParameters

  /// Per-component totals the rules need.
  struct Tally {
    var voxels = 0
    var denseVoxels = 0
    var footprintPixels = 0
    var capVoxels = 0
  }

  /// Whether each component 0...count is kept (index 0, background, is false).
  /// `labels`, `hu` and `lung` (non-zero inside the lungs) cover `box`, x fastest.
  func keep(labels: [Int32], count: Int, hu: [Int16], lung: [UInt8], box: VoxelBox) -> [Bool] {
    var tallies = tally(labels: labels, count: count, hu: hu, box: box)
    countCaps(labels: labels, lung: lung, size: box.size, into: &tallies)
    return tallies.enumerated().map { c, t in c > 0 && t.voxels > 0 && isLesion(t) }
  }

  private func isLesion(_ t: Tally) -> Bool {
    let volumeMM3 = Double(t.voxels) * grid.voxelML * 1000
    let areaMM2 = Double(t.footprintPixels) * grid.spacingX * grid.spacingY
    if areaMM2 >= parameters.sheetMinAreaMM2,
      volumeMM3 / areaMM2 < parameters.sheetMaxThicknessMM
    {
      return false
    }
    if Double(t.capVoxels) >= parameters.surfaceCapMinFraction * Double(t.voxels) {
      return false
    }
    let ggoFraction = Double(t.voxels - t.denseVoxels) / Double(t.voxels)
    if ggoFraction < parameters.mixedMinFraction,
      volumeMM3 / 1000 < parameters.minConsolidationVolumeML
    {
      return false
    }
    return true
  }

  /// Voxel, dense-voxel and footprint counts per component; the footprint counts each axial
  /// column (i, j) once per component it meets.
  private func tally(labels: [Int32], count: Int, hu: [Int16], box: VoxelBox) -> [Tally] {
    var tallies = [Tally](repeating: Tally(), count: count + 1)
    let dense = Int16(clamping: Int(parameters.consolidationMinHU.rounded(.up)))
    let bs = box.size
    var seen: [Int32] = []
    for j in 0..<bs.ny {
      for i in 0..<bs.nx {
        seen.removeAll(keepingCapacity: true)
        for k in 0..<bs.nz {
          let p = (k * bs.ny + j) * bs.nx + i
          let c = labels[p]
          guard c > 0 else { continue }
          tallies[Int(c)].voxels += 1
          if hu[p] >= dense { tallies[Int(c)].denseVoxels += 1 }
          if !seen.contains(c) {
            seen.append(c)
            tallies[Int(c)].footprintPixels += 1
          }
        }
      }
    }
    return tallies
  }

  /// Counts per component the voxels whose neighbour above or below is not lung (outside the
  /// box counts as not lung: the box encloses the lungs).
  private func countCaps(labels: [Int32], lung: [UInt8], size: GridSize, into t: inout [Tally]) {
    let plane = size.sliceCount
    for p in 0..<labels.count where labels[p] > 0 {
      let k = p / plane
      let below = k == 0 || lung[p - plane] == 0
      let above = k == size.nz - 1 || lung[p + plane] == 0
      if below || above { t[Int(labels[p])].capVoxels += 1 }
    }
  }
}
