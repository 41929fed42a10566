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
/// - slab crossings (thick slices only): ground-glass components (consolidation part below
///   `mixedMinFraction`) whose top and bottom faces look, for more than
///   `slabContinuationMaxFraction` of them, onto dense tissue in the next slice. A vessel cut
///   obliquely by a thick slab averages to ground-glass density and runs on, dense, into the
///   slabs above and below; a nodule ends in aerated lung. A solid mass is never judged so: it
///   may run on into the chest wall or mediastinum beyond the lung mask (pyradiomics lung2).
struct LesionShapeFilter {
  let grid: ChestGrid
  let parameters: AnalysisParameters

  /// Per-component totals the rules need.
  struct Tally {
    var voxels = 0
    var denseVoxels = 0
    var footprintPixels = 0
    var capVoxels = 0
    /// Voxels counted once per neighbour above or below that is not part of the component ...
    var zFaces = 0
    /// ... and those of these faces whose neighbour is at least `slabContinuationDenseHU`.
    var denseZFaces = 0
  }

  /// Whether each component 0...count is kept (index 0, background, is false).
  /// `labels`, `hu` and `lung` (non-zero inside the lungs) cover `box`, x fastest.
  func keep(labels: [Int32], count: Int, hu: [Int16], lung: [UInt8], box: VoxelBox) -> [Bool] {
    var tallies = tally(labels: labels, count: count, hu: hu, box: box)
    countCaps(labels: labels, lung: lung, size: box.size, into: &tallies)
    if grid.spacingZ > parameters.slabContinuationMinSliceMM {
      countZFaces(labels: labels, hu: hu, size: box.size, into: &tallies)
    }
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
    let denseFraction = Double(t.denseVoxels) / Double(t.voxels)
    if t.zFaces > 0, denseFraction < parameters.mixedMinFraction,
      Double(t.denseZFaces) > parameters.slabContinuationMaxFraction * Double(t.zFaces)
    {
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
  /// column (i, j) once per component it meets. One pass in storage order (a pass down each
  /// column strides a whole slice per voxel and misses the cache every time): each column
  /// remembers the first component met in it, and the rare columns that meet more than one
  /// keep the others in `others`.
  private func tally(labels: [Int32], count: Int, hu: [Int16], box: VoxelBox) -> [Tally] {
    var tallies = [Tally](repeating: Tally(), count: count + 1)
    let dense = Int16(clamping: Int(parameters.consolidationMinHU.rounded(.up)))
    let plane = box.size.sliceCount
    var firstMet = [Int32](repeating: 0, count: plane)
    var others: [Int: [Int32]] = [:]
    labels.withUnsafeBufferPointer { label in
      hu.withUnsafeBufferPointer { values in
        for k in 0..<box.size.nz {
          let base = k * plane
          for q in 0..<plane {
            let c = label[base + q]
            guard c > 0 else { continue }
            tallies[Int(c)].voxels += 1
            if values[base + q] >= dense { tallies[Int(c)].denseVoxels += 1 }
            if firstMet[q] == 0 {
              firstMet[q] = c
              tallies[Int(c)].footprintPixels += 1
            } else if firstMet[q] != c, !(others[q]?.contains(c) ?? false) {
              others[q, default: []].append(c)
              tallies[Int(c)].footprintPixels += 1
            }
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
    labels.withUnsafeBufferPointer { label in
      lung.withUnsafeBufferPointer { inLung in
        for k in 0..<size.nz {
          let base = k * plane
          for q in 0..<plane where label[base + q] > 0 {
            let p = base + q
            let below = k == 0 || inLung[p - plane] == 0
            let above = k == size.nz - 1 || inLung[p + plane] == 0
            if below || above { t[Int(label[p])].capVoxels += 1 }
          }
        }
      }
    }
  }

  /// Counts per component the faces towards the voxel above or below that belongs to another
  /// component or none, and those of them onto tissue of `slabContinuationDenseHU` or more.
  /// The box's first and last slices have no neighbour beyond them and count no face there.
  private func countZFaces(labels: [Int32], hu: [Int16], size: GridSize, into t: inout [Tally]) {
    let plane = size.sliceCount
    let dense = Int16(clamping: Int(parameters.slabContinuationDenseHU.rounded(.up)))
    labels.withUnsafeBufferPointer { label in
      hu.withUnsafeBufferPointer { values in
        for k in 0..<size.nz {
          let base = k * plane
          for q in 0..<plane where label[base + q] > 0 {
            let p = base + q
            let c = label[p]
            for n in [p - plane, p + plane] where n >= 0 && n < label.count && label[n] != c {
              t[Int(c)].zFaces += 1
              if values[n] >= dense { t[Int(c)].denseZFaces += 1 }
            }
          }
        }
      }
    }
  }
}
