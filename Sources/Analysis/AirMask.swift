import Imaging

/// Step one of lung segmentation: air inside the body.
///
/// On every slice, voxels below the lung threshold that cannot reach the image border through
/// other such voxels are air enclosed by the body: lungs, airways, gut gas. Voxels without data
/// (outside the reconstruction circle) count as outside air.
struct AirMask {
  /// Mask codes used through segmentation.
  static let outside: UInt8 = 0
  static let air: UInt8 = 1
  static let airway: UInt8 = 2

  /// `air` where enclosed air was found, otherwise `outside`.
  var mask: [UInt8]
  /// Mean LPS x (mm) of everything inside the body outline: the patient's midline.
  var midlineX: Double
  /// Number of voxels inside the body outline.
  var bodyVoxels: Int

  init(volume: Volume, grid: ChestGrid, thresholdHU: Double, threads: Int) {
    var mask = [UInt8](repeating: 0, count: grid.size.count)
    let threshold = Int16(clamping: Int(thresholdHU.rounded(.down)))
    let sums = mask.withUnsafeMutableBufferPointer { m in
      volume.voxels.withUnsafeBufferPointer { v in
        let out = SendablePointer(m)
        let hu = SendableConstPointer(v)
        return ParallelSlices.map(count: grid.nz, threads: threads) { _, slices in
          AirMask.fill(slices, hu: hu, out: out, grid: grid, threshold: threshold)
        }
      }
    }
    var sumX = 0.0
    var count = 0
    for s in sums {
      sumX += s.sumX
      count += s.count
    }
    self.mask = mask
    self.bodyVoxels = count
    self.midlineX = count > 0 ? sumX / Double(count) : grid.lpsX(grid.nx / 2, grid.ny / 2, 0)
  }

  private static func fill(
    _ slices: Range<Int>, hu: SendableConstPointer<Int16>, out: SendablePointer<UInt8>,
    grid: ChestGrid, threshold: Int16
  ) -> (sumX: Double, count: Int) {
    var morph = SliceMorphology(
      width: grid.nx, height: grid.ny, spacingX: grid.spacingX, spacingY: grid.spacingY)
    var sumX = 0.0
    var count = 0
    var inside = [UInt8](repeating: 0, count: grid.plane)
    for k in slices {
      let base = k * grid.plane
      let outsideAir = morph.floodFromBorder { hu[base + $0] < threshold }
      for p in 0..<grid.plane { inside[p] = outsideAir[p] == 0 ? 1 : 0 }
      let body = largestComponent(of: inside, grid: grid)
      guard body.label > 0 else { continue }
      for j in 0..<grid.ny {
        for i in 0..<grid.nx {
          let p = j * grid.nx + i
          guard body.labels[p] == body.label else { continue }
          sumX += grid.lpsX(i, j, k)
          count += 1
          if hu[base + p] < threshold { out[base + p] = AirMask.air }
        }
      }
    }
    return (sumX, count)
  }

  /// The body is the largest region on the slice; the table and loose objects are dropped.
  private static func largestComponent(of inside: [UInt8], grid: ChestGrid)
    -> (labels: [Int32], label: Int32)
  {
    let cc = ConnectedComponents(mask: inside, size: GridSize(grid.nx, grid.ny, 1))
    guard cc.count > 0 else { return (cc.labels, 0) }
    var best = 1
    for c in 1...cc.count where cc.sizes[c] > cc.sizes[best] { best = c }
    return (cc.labels, Int32(best))
  }
}
