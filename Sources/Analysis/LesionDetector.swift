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
/// connected in 3D (6-connected) and lesions below `minLesionVolumeML` are dropped as specks.
/// Vessels wider than the openings survive them; `DenseVesselFilter` drops opened
/// consolidation components shaped like branching trees (judged in 3-D, between the two
/// per-slice passes), and `LesionShapeFilter` drops fissure sheets, dense vessel segments and
/// partial-volume caps at the lung's top and bottom.
struct LesionDetector {
  /// At most this many lesions get ids (the map is 16-bit); smaller ones beyond are dropped.
  static let maxLesions = Int(UInt16.max)
  /// How far (in pixels) lesion edges shaved by the opening are restored.
  static let edgeRestorePixels = 1.5

  let grid: ChestGrid
  let parameters: AnalysisParameters
  let threads: Int

  func detect(sides: [UInt8], hu: [Int16]) -> LesionComponents {
    guard
      let lungBox = VoxelBox.enclosing(sides, in: 1...UInt8.max, grid: grid, threads: threads)
    else {
      return LesionComponents(box: VoxelBox(lo: (0, 0, 0), hi: (0, 0, 0)), ids: [0], sizes: [0])
    }
    let box = lungBox
    let bs = box.size

    // Pass 1, slice by slice: candidates and what survives each vessel opening, as bits.
    var layers = [UInt8](repeating: 0, count: bs.count)
    layers.withUnsafeMutableBufferPointer { c in
      sides.withUnsafeBufferPointer { s in
        hu.withUnsafeBufferPointer { h in
          let out = SendablePointer(c)
          let (lungs, values) = (SendableConstPointer(s), SendableConstPointer(h))
          _ = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
            var work = SliceWork(grid: grid, size: bs)
            for k in slices {
              openSlice(k, box: box, sides: lungs, hu: values, work: &work, out: out)
            }
          }
        }
      }
    }

    // Dense vessel trees are told apart in 3-D, by whole opened consolidation components.
    var solid = layers.map { $0 & Layer.solid != 0 ? UInt8(1) : 0 }
    DenseVesselFilter(grid: grid, parameters: parameters).filter(&solid, size: bs)

    // Pass 2, slice by slice: vessel crossings and edges restored, candidates kept; then the
    // cap slices the in-plane openings took.
    layers.withUnsafeMutableBufferPointer { c in
      solid.withUnsafeBufferPointer { d in
        let shared = SendablePointer(c)
        let dense = SendableConstPointer(d)
        _ = ParallelSlices.map(count: bs.nz, threads: threads) { _, slices in
          var work = SliceWork(grid: grid, size: bs)
          for k in slices { restoreSlice(k, size: bs, solid: dense, work: &work, layers: shared) }
        }
      }
    }
    _ = consume solid
    let mask = LesionCapRestore.restore(
      consume layers, size: bs,
      restoringCaps: LesionCapRestore.applies(spacingZ: grid.spacingZ, parameters: parameters))

    // The pass buffers are gone (consumed above) before labelling, the analysis's memory peak.
    return components(
      of: mask, box: box, hu: box.crop(hu, grid: grid, threads: threads),
      lung: box.crop(sides, grid: grid, threads: threads))
  }

  /// Bits of the per-voxel layers between the two passes (pass 2 leaves `LesionCapRestore`'s).
  private enum Layer {
    static let candidate: UInt8 = 1
    static let ggo: UInt8 = 2
    static let solid: UInt8 = 4
    static let groundGlass: UInt8 = 8
  }

  /// Per-thread scratch for one box slice.
  private struct SliceWork {
    var ggo: [UInt8]
    var solid: [UInt8]
    var kept: [UInt8]
    var morph: SliceMorphology

    init(grid: ChestGrid, size: GridSize) {
      ggo = [UInt8](repeating: 0, count: size.sliceCount)
      solid = ggo
      kept = ggo
      morph = SliceMorphology(
        width: size.nx, height: size.ny, spacingX: grid.spacingX, spacingY: grid.spacingY)
    }
  }

  /// Box slice `k` as layer bits in `out`: lung voxels in the lesion HU range (candidate), and
  /// the ground-glass and consolidation voxels that survive their vessel openings.
  private func openSlice(
    _ k: Int, box: VoxelBox, sides: SendableConstPointer<UInt8>,
    hu: SendableConstPointer<Int16>, work: inout SliceWork, out: SendablePointer<UInt8>
  ) {
    let lo = Int16(clamping: Int(parameters.ggoMinHU.rounded(.up)))
    let dense = Int16(clamping: Int(parameters.consolidationMinHU.rounded(.up)))
    let hi = Int16(clamping: Int(parameters.lesionMaxHU.rounded(.down)))
    let bs = box.size
    let base = k * bs.sliceCount
    // Through buffer pointers: a write into an array held in `work` checks its uniqueness.
    work.solid.withUnsafeMutableBufferPointer { solid in
      work.ggo.withUnsafeMutableBufferPointer { ggo in
        var p = 0
        for j in 0..<bs.ny {
          let row = box.fullOffset(0, j, k, grid: grid)
          for i in 0..<bs.nx {
            let v = hu[row + i]
            let isCandidate = sides[row + i] != 0 && v >= lo && v <= hi
            solid[p] = isCandidate && v >= dense ? 1 : 0
            ggo[p] = isCandidate && v < dense ? 1 : 0
            out[base + p] =
              (isCandidate ? Layer.candidate : 0) | (ggo[p] != 0 ? Layer.groundGlass : 0)
            p += 1
          }
        }
      }
    }

    // Vessels are as dense as consolidation: dense voxels need a wider cross-section to count.
    work.ggo.withUnsafeMutableBufferPointer {
      work.morph.open($0, radiusMM: parameters.vesselMaxDiameterMM / 2)
    }
    work.solid.withUnsafeMutableBufferPointer {
      work.morph.open($0, radiusMM: parameters.denseVesselMaxDiameterMM / 2)
    }
    for q in 0..<bs.sliceCount {
      out[base + q] |= (work.ggo[q] != 0 ? Layer.ggo : 0) | (work.solid[q] != 0 ? Layer.solid : 0)
    }
  }

  /// Box slice `k` of `layers` becomes the final candidate mask (0 or 1): opened ground glass
  /// and the consolidation the vessel filter kept (`solid`), vessel crossings and edges
  /// restored, within candidates.
  private func restoreSlice(
    _ k: Int, size bs: GridSize, solid: SendableConstPointer<UInt8>, work: inout SliceWork,
    layers: SendablePointer<UInt8>
  ) {
    let base = k * bs.sliceCount
    work.ggo.withUnsafeMutableBufferPointer { ggo in
      for q in 0..<bs.sliceCount {
        ggo[q] = (layers[base + q] & Layer.ggo != 0 || solid[base + q] != 0) ? 1 : 0
      }
    }
    if VesselCrossingRestore.applies(spacingZ: grid.spacingZ, parameters: parameters) {
      work.ggo.withUnsafeMutableBufferPointer {
        VesselCrossingRestore.close(
          $0, morph: &work.morph, parameters: parameters, kept: &work.kept)
      }
    }
    restoreEdges(&work)
    for q in 0..<bs.sliceCount {
      let bits = layers[base + q]
      let lesion = work.ggo[q] != 0 && bits & Layer.candidate != 0
      let groundGlass = bits & Layer.groundGlass != 0
      layers[base + q] =
        (lesion ? LesionCapRestore.lesion : 0) | (groundGlass ? LesionCapRestore.groundGlass : 0)
    }
  }

  /// Candidates within about one pixel of what survived the opening (`work.ggo` on entry): a
  /// digital disk cannot sweep the corners of a rasterised outline, so the opening alone
  /// shaves lesion edges (about 7 % of a 12 mm nodule); vessels removed entirely do not come
  /// back, and a vessel touching a lesion comes back only for that pixel. The caller keeps
  /// only candidates of the grown mask.
  private func restoreEdges(_ work: inout SliceWork) {
    let radius = min(
      parameters.vesselMaxDiameterMM / 2,
      Self.edgeRestorePixels * max(grid.spacingX, grid.spacingY))
    work.ggo.withUnsafeMutableBufferPointer { work.morph.dilate($0, radiusMM: radius) }
  }

  private func components(of mask: [UInt8], box: VoxelBox, hu: [Int16], lung: [UInt8])
    -> LesionComponents
  {
    var cc = ConnectedComponents(mask: mask, size: box.size, threads: threads)
    let keptWhole = SolidNoduleTrim(grid: grid, parameters: parameters, threads: threads)
      .trim(labels: &cc.labels, count: cc.count, hu: hu, box: box)
    let minVoxels = parameters.minLesionVolumeML / grid.voxelML
    if LesionHullFill.applies(spacingZ: grid.spacingZ, parameters: parameters) {
      let eligible = keptWhole.indices.map { c in
        c > 0 && keptWhole[c] && Double(cc.sizes[c]) >= minVoxels
      }
      LesionHullFill(grid: grid, parameters: parameters, threads: threads)
        .fill(labels: &cc.labels, eligible: eligible, hu: hu, lung: lung, box: box)
    }
    cc.sizes = ConnectedComponents.sizes(
      of: cc.labels, count: cc.count, size: box.size, threads: threads)
    let shapeKeeps = LesionShapeFilter(grid: grid, parameters: parameters)
      .keep(labels: cc.labels, count: cc.count, hu: hu, lung: lung, box: box)
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
    let ids = ConnectedComponents.relabel(
      cc.labels, through: idOf, size: box.size, threads: threads)
    return LesionComponents(box: box, ids: ids, sizes: sizes)
  }
}
