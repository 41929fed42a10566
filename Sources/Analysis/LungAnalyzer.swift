import Imaging

/// Segments the lungs and the lesions in one calibrated chest CT and measures them.
///
/// Steps, each in its own type: `ChestCheck` (refuse what is not a chest CT in HU), `AirMask`
/// (air enclosed by the body), `AirwayTracker` (trachea and main bronchi out), `LungSelector`
/// and `LungSplitter` (lung components, right and left from LPS x), `PleuralEnvelope` (vessels,
/// pleural and mediastinal lesions back in), `LesionDetector` (GGO and consolidation, vessels
/// suppressed, specks dropped), then `LesionStatistics`, `LesionMeasurer` and `StudySummary`.
/// Slices are the grid's k planes. Results do not depend on `threads`: every parallel step
/// writes disjoint slices and every reduction runs in a fixed order.
public struct LungAnalyzer: Sendable {
  public let parameters: AnalysisParameters
  public let threads: Int

  /// - Parameters:
  ///   - parameters: thresholds and sizes; validated when `analyze` runs.
  ///   - threads: worker threads for per-slice steps (at least 1).
  public init(
    parameters: AnalysisParameters = .init(), threads: Int = ParallelSlices.defaultThreadCount
  ) {
    self.parameters = parameters
    self.threads = max(1, threads)
  }

  /// Analyses `volume` (Int16 HU, LPS geometry).
  ///
  /// - Returns: the measurements, the label volume (0 outside, 1 right, 2 left, 3 GGO lesion,
  ///   4 consolidation lesion) and the lesion-id map, all on the volume's grid.
  /// - Throws: `AnalysisError` when the volume is not a chest CT, not in HU, shows no lungs, or
  ///   the parameters are inconsistent.
  public func analyze(_ volume: Volume) throws -> StudyAnalysis {
    try parameters.validate(path: "analysis parameters")
    try ChestCheck.validate(volume)
    let grid = ChestGrid(volume.geometry)
    let sides = try lungSides(volume, grid: grid)

    let lesions = LesionDetector(grid: grid, parameters: parameters, threads: threads)
      .detect(sides: sides, hu: volume.voxels)
    let stats = LesionStatistics(
      sides: sides, hu: volume.voxels, lesions: lesions, grid: grid, parameters: parameters,
      threads: threads)
    let measured = LesionMeasurer(grid: grid, parameters: parameters)
      .measure(stats, lesions: lesions, sides: sides)
    let study = StudySummary.make(
      stats: stats, lesions: measured, grid: grid, parameters: parameters)

    let labels = finalLabels(
      sides: consume sides, lesions: lesions, hu: volume.voxels, grid: grid)
    let box = lesions.box
    let map = LesionMap(
      size: grid.size, columns: box.lo.i..<(box.hi.i + 1), rows: box.lo.j..<(box.hi.j + 1),
      slices: box.lo.k..<(box.hi.k + 1), ids: lesions.ids)
    return StudyAnalysis(
      measurements: study, labels: LabelVolume(geometry: volume.geometry, labels: labels),
      lesionMap: map)
  }

  /// Right (1) and left (2) lung per voxel, airways out, envelope in.
  func lungSides(_ volume: Volume, grid: ChestGrid) throws -> [UInt8] {
    var air = AirMask(
      volume: volume, grid: grid, thresholdHU: parameters.lungThresholdHU, threads: threads)
    let tracker = AirwayTracker(grid: grid, parameters: parameters, midlineX: air.midlineX)
    _ = tracker.mark(mask: &air.mask, hu: volume.voxels)
    let selector = LungSelector(
      grid: grid, parameters: parameters, midlineX: air.midlineX, threads: threads)
    var sides = try selector.labelSides(airMask: air.mask)
    PleuralEnvelope(grid: grid, parameters: parameters, threads: threads, midlineX: air.midlineX)
      .apply(sides: &sides, airMask: air.mask, hu: volume.voxels)
    return sides
  }

  /// The label volume, built in `sides`' storage (which is consumed): lesion voxels become
  /// ground glass or consolidation. Slices are written on `threads` threads.
  private func finalLabels(
    sides: consuming [UInt8], lesions: LesionComponents, hu: [Int16], grid: ChestGrid
  ) -> [UInt8] {
    var labels = consume sides
    let dense = Int16(clamping: Int(parameters.consolidationMinHU.rounded(.up)))
    labels.withUnsafeMutableBufferPointer { l in
      hu.withUnsafeBufferPointer { h in
        lesions.ids.withUnsafeBufferPointer { ids in
          let target = SendablePointer(l)
          let source = (hu: SendableConstPointer(h), ids: SendableConstPointer(ids))
          _ = ParallelSlices.map(count: grid.nz, threads: threads) { _, slices in
            for k in slices {
              Self.writeLesions(
                k, box: lesions.box, grid: grid, dense: dense, source: source, labels: target)
            }
          }
        }
      }
    }
    return labels
  }

  /// Lesion labels of full-grid slice `k` (nothing outside the lesions' box).
  private static func writeLesions(
    _ k: Int, box: VoxelBox, grid: ChestGrid, dense: Int16,
    source: (hu: SendableConstPointer<Int16>, ids: SendableConstPointer<UInt16>),
    labels: SendablePointer<UInt8>
  ) {
    let bs = box.size
    let localK = k - box.lo.k
    guard localK >= 0, localK < bs.nz else { return }
    for j in 0..<bs.ny {
      let row = box.fullOffset(0, j, localK, grid: grid)
      let local = (localK * bs.ny + j) * bs.nx
      for i in 0..<bs.nx {
        let id = source.ids[local + i]
        guard id > 0 else { continue }
        labels[row + i] =
          source.hu[row + i] >= dense ? LungLabel.consolidation : LungLabel.groundGlass
      }
    }
  }
}
