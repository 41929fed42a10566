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
    let sliceSize = GridSize(grid.nx, grid.ny, 1)
    var sumX = 0.0
    var count = 0
    var scratch = [UInt8](repeating: 0, count: grid.plane)
    for k in slices {
      let base = k * grid.plane
      let body = scratch.withUnsafeMutableBufferPointer { flags in
        for p in 0..<grid.plane { flags[p] = hu[base + p] < threshold ? 1 : 0 }
        let air = RunComponents(mask: UnsafeBufferPointer(flags), size: sliceSize)
        markInside(flags, outsideAir: air)
        return RunComponents(mask: UnsafeBufferPointer(flags), size: sliceSize)
      }
      guard let label = largest(body) else { continue }
      for j in 0..<grid.ny {
        for r in Int(body.rowFirst[j])..<Int(body.rowFirst[j + 1]) where body.label[r] == label {
          for i in Int(body.start[r])..<Int(body.end[r]) {
            let p = j * grid.nx + i
            sumX += grid.lpsX(i, j, k)
            count += 1
            if hu[base + p] < threshold { out[base + p] = AirMask.air }
          }
        }
      }
    }
    return (sumX, count)
  }

  /// Turns `flags` into the inside of the body outline: every pixel except the air regions
  /// that reach the image border (4-connected).
  private static func markInside(
    _ flags: UnsafeMutableBufferPointer<UInt8>, outsideAir: RunComponents
  ) {
    let (w, h) = (outsideAir.size.nx, outsideAir.size.ny)
    var outside = [Bool](repeating: false, count: outsideAir.count + 1)
    for y in 0..<h {
      for r in Int(outsideAir.rowFirst[y])..<Int(outsideAir.rowFirst[y + 1]) {
        let edge = y == 0 || y == h - 1 || outsideAir.start[r] == 0 || outsideAir.end[r] == w
        if edge { outside[Int(outsideAir.label[r])] = true }
      }
    }
    for p in 0..<(w * h) { flags[p] = 1 }
    for y in 0..<h {
      for r in Int(outsideAir.rowFirst[y])..<Int(outsideAir.rowFirst[y + 1])
      where outside[Int(outsideAir.label[r])] {
        for x in Int(outsideAir.start[r])..<Int(outsideAir.end[r]) { flags[y * w + x] = 0 }
      }
    }
  }

  /// The body is the largest region on the slice (the first in raster order on a tie); the
  /// table and loose objects are dropped. Nil when the slice has no region.
  private static func largest(_ regions: RunComponents) -> Int32? {
    guard regions.count > 0 else { return nil }
    var best = 1
    for c in 1...regions.count where regions.sizes[c] > regions.sizes[best] { best = c }
    return Int32(best)
  }
}
