import Imaging

/// Lesion voxels connected into lesions, on the lungs' bounding box.
struct LesionComponents: Sendable {
  /// The block of the grid the lesion ids cover.
  var box: VoxelBox
  /// Lesion id per box voxel (0 none), 1 for the largest lesion, then by decreasing size.
  var ids: [UInt16]
  /// Voxel count per id; index 0 unused.
  var sizes: [Int]

  var count: Int { sizes.count - 1 }
}

/// Finds ground-glass and consolidation lesions inside the lungs.
///
/// Candidates are lung voxels from `ggoMinHU` to `lesionMaxHU`. Vessels and airway walls are
/// as dense as lesions but thin: an in-plane opening with a disk of half `vesselMaxDiameterMM`
/// removes every structure whose cross-section is narrower than that diameter, in whatever
/// direction it runs, and so does the partial-volume rim along the pleura. What remains is
/// connected in 3D (6-connected) and lesions below `minLesionVolumeML` are dropped as specks;
/// `LesionShapeFilter` drops fissure sheets and dense vessel segments.
struct LesionDetector {
  /// At most this many lesions get ids (the map is 16-bit); smaller ones beyond are dropped.
  static let maxLesions = Int(UInt16.max)
  /// How far (in pixels) lesion edges shaved by the opening are restored.
  static let edgeRestorePixels = 1.5

  let grid: ChestGrid
  let parameters: AnalysisParameters
  let threads: Int

  func detect(sides: [UInt8], hu: [Int16]) -> LesionComponents {
    guard let lungBox = VoxelBox.enclosing(sides, where: { $0 != 0 }, grid: grid) else {
      return LesionComponents(box: VoxelBox(lo: (0, 0, 0), hi: (0, 0, 0)), ids: [0], sizes: [0])
    }
    let box = lungBox
    let lo = Int16(clamping: Int(parameters.ggoMinHU.rounded(.up)))
    let dense = Int16(clamping: Int(parameters.consolidationMinHU.rounded(.up)))
    let hi = Int16(clamping: Int(parameters.lesionMaxHU.rounded(.down)))
    let bs = box.size
    var candidate = [UInt8](repeating: 0, count: bs.count)
    var ggo = candidate
    var solid = candidate
    var p = 0
    for k in 0..<bs.nz {
      for j in 0..<bs.ny {
        let row = box.fullOffset(0, j, k, grid: grid)
        for i in 0..<bs.nx {
          let v = hu[row + i]
          if sides[row + i] != 0, v >= lo, v <= hi {
            candidate[p] = 1
            if v >= dense { solid[p] = 1 } else { ggo[p] = 1 }
          }
          p += 1
        }
      }
    }
    // Vessels are as dense as consolidation: dense voxels need a wider cross-section to count.
    let openedGGO = openSlices(ggo, size: bs, radiusMM: parameters.vesselMaxDiameterMM / 2)
    var openedSolid = openSlices(
      solid, size: bs, radiusMM: parameters.denseVesselMaxDiameterMM / 2)
    DenseVesselFilter(grid: grid, parameters: parameters).filter(&openedSolid, size: bs)
    let opened = zip(openedGGO, openedSolid).map { $0 | $1 }
    candidate = restoreEdges(opened, candidate: candidate, size: bs)
    return components(
      of: candidate, box: box, hu: box.crop(hu, grid: grid) { $0 },
      lung: box.crop(sides, grid: grid) { $0 })
  }

  /// The candidates with every in-plane structure narrower than the vessel diameter removed.
  private func openSlices(_ candidate: [UInt8], size: GridSize, radiusMM radius: Double)
    -> [UInt8]
  {
    var mask = candidate
    let (sx, sy) = (grid.spacingX, grid.spacingY)
    mask.withUnsafeMutableBufferPointer { m in
      let shared = SendablePointer(m)
      _ = ParallelSlices.map(count: size.nz, threads: threads) { _, slices in
        var morph = SliceMorphology(width: size.nx, height: size.ny, spacingX: sx, spacingY: sy)
        for k in slices {
          let slice = UnsafeMutableBufferPointer(
            start: shared.base + k * size.sliceCount, count: size.sliceCount)
          morph.open(slice, radiusMM: radius)
        }
      }
    }
    return mask
  }

  /// Candidates within about one pixel of what survived the opening: a digital disk cannot
  /// sweep the corners of a rasterised outline, so the opening alone shaves lesion edges
  /// (about 7 % of a 12 mm nodule); vessels removed entirely do not come back, and a vessel
  /// touching a lesion comes back only for that pixel.
  private func restoreEdges(_ opened: [UInt8], candidate: [UInt8], size: GridSize) -> [UInt8] {
    var grown = opened
    let radius = min(
      parameters.vesselMaxDiameterMM / 2,
      Self.edgeRestorePixels * max(grid.spacingX, grid.spacingY))
    let (sx, sy) = (grid.spacingX, grid.spacingY)
    grown.withUnsafeMutableBufferPointer { m in
      let shared = SendablePointer(m)
      _ = ParallelSlices.map(count: size.nz, threads: threads) { _, slices in
        var morph = SliceMorphology(width: size.nx, height: size.ny, spacingX: sx, spacingY: sy)
        for k in slices {
          let slice = UnsafeMutableBufferPointer(
            start: shared.base + k * size.sliceCount, count: size.sliceCount)
          morph.dilate(slice, radiusMM: radius)
        }
      }
    }
    for p in 0..<grown.count where candidate[p] == 0 { grown[p] = 0 }
    return grown
  }

  private func components(of mask: [UInt8], box: VoxelBox, hu: [Int16], lung: [UInt8])
    -> LesionComponents
  {
    var cc = ConnectedComponents(mask: mask, size: box.size)
    SolidNoduleTrim(grid: grid, parameters: parameters)
      .trim(labels: &cc.labels, count: cc.count, hu: hu, box: box)
    cc.sizes = [Int](repeating: 0, count: cc.count + 1)
    for c in cc.labels where c > 0 { cc.sizes[Int(c)] += 1 }
    let shapeKeeps = LesionShapeFilter(grid: grid, parameters: parameters)
      .keep(labels: cc.labels, count: cc.count, hu: hu, lung: lung, box: box)
    let minVoxels = parameters.minLesionVolumeML / grid.voxelML
    let kept = (0..<cc.count).map { $0 + 1 }
      .filter { Double(cc.sizes[$0]) >= minVoxels && shapeKeeps[$0] }
      .sorted { cc.sizes[$0] > cc.sizes[$1] || (cc.sizes[$0] == cc.sizes[$1] && $0 < $1) }
      .prefix(Self.maxLesions)
    var idOf = [UInt16](repeating: 0, count: cc.count + 1)
    var sizes = [0]
    for (n, c) in kept.enumerated() {
      idOf[c] = UInt16(n + 1)
      sizes.append(cc.sizes[c])
    }
    return LesionComponents(box: box, ids: cc.labels.map { idOf[Int($0)] }, sizes: sizes)
  }
}
