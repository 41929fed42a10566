import Imaging

/// Points on the boundary of the lung mask, thinned to about one per cell of a regular grid.
///
/// The lung surface (pleura, diaphragm, mediastinal border) is what alignment fits; lesions and
/// vessels inside the lung do not change it much, so it is a stable landmark between dates.
public struct LungSurface: Sendable {
  /// Surface points in the study's LPS frame (mm), in a fixed order.
  public var pointsMM: [Vector3]
  /// The outward unit normal of the surface at each point (LPS).
  public var normals: [Vector3]
  /// The centroid of the lung mask's voxels (mm), not of the surface points.
  public var centroidMM: Vector3
  /// The lung mask volume (mL).
  public var volumeML: Double

  /// Extracts the surface of every non-zero label (lungs and lesions inside them).
  ///
  /// A voxel is on the surface when it is in the mask and one of its six neighbours is not (or
  /// lies off the grid). Surface voxels are averaged per `cellMM` cube so the point density does
  /// not depend on the voxel size.
  /// - Complexity: one pass over the grid; runs of eight empty voxels are skipped at once (most
  ///   of a chest grid is outside the lungs, and the voxel-by-voxel scan was most of the time).
  public init(labels: LabelVolume, cellMM: Double) {
    let g = labels.geometry
    let size = g.size
    typealias Cell = (sum: Vector3, normal: Vector3, count: Int)
    let (cells, sum, count) = labels.labels.withUnsafeBufferPointer {
      m -> ([SIMD3<Int>: Cell], Vector3, Int) in
      var cells: [SIMD3<Int>: Cell] = [:]
      var sum = Vector3.zero
      var count = 0
      guard let start = m.baseAddress else { return (cells, sum, count) }
      let raw = UnsafeRawPointer(start)
      func flag(_ b: Bool) -> Double { b ? 1 : 0 }
      // g.point(i, j, k) term by term in its own order, origin + ((c0 i + c1 j) + c2 k), with
      // each row's j and k terms taken once: the same bits without a call per lung voxel.
      let toPhysical = g.indexToPhysical
      let plane = size.sliceCount
      for k in 0..<size.nz {
        let zTerm = toPhysical.c2 * Double(k)
        for j in 0..<size.ny {
          let yTerm = toPhysical.c1 * Double(j)
          let row = size.offset(0, j, k)
          var next = 0
          while next < size.nx {
            if next + 8 <= size.nx,
              raw.loadUnaligned(fromByteOffset: row + next, as: UInt64.self) == 0
            {
              next += 8
              continue
            }
            let i = next
            let q = row + i
            next += 1
            guard m[q] != 0 else { continue }
            let p = g.origin + (toPhysical.c0 * Double(i) + yTerm + zTerm)
            sum = sum + p
            count += 1
            // Which of the six neighbours are in the mask (off the grid counts as outside).
            let left = i > 0 && m[q - 1] != 0
            let right = i < size.nx - 1 && m[q + 1] != 0
            let front = j > 0 && m[q - size.nx] != 0
            let back = j < size.ny - 1 && m[q + size.nx] != 0
            let below = k > 0 && m[q - plane] != 0
            let above = k < size.nz - 1 && m[q + plane] != 0
            guard !(left && right && front && back && below && above) else { continue }
            let key = SIMD3(
              Int((p.x / cellMM).rounded(.down)), Int((p.y / cellMM).rounded(.down)),
              Int((p.z / cellMM).rounded(.down)))
            // The mask's outward direction: towards the neighbours that are outside.
            let outward = Vector3(
              flag(!right) - flag(!left), flag(!back) - flag(!front),
              flag(!above) - flag(!below))
            let normal =
              g.direction
              * Vector3(
                outward.x / g.spacing.x, outward.y / g.spacing.y, outward.z / g.spacing.z)
            let old = cells[key] ?? (Vector3.zero, Vector3.zero, 0)
            cells[key] = (old.sum + p, old.normal + normal, old.count + 1)
          }
        }
      }
      return (cells, sum, count)
    }
    // Dictionary order is random per process; sort the cells so the points come out the same.
    let keys = cells.keys.sorted { ($0.z, $0.y, $0.x) < ($1.z, $1.y, $1.x) }
    var points: [Vector3] = []
    var normals: [Vector3] = []
    for key in keys {
      let c = cells[key]!  // key comes from the dictionary itself
      // Thin sheets have opposite normals that cancel; such cells carry no direction.
      guard c.normal.length > 0 else { continue }
      points.append(c.sum / Double(c.count))
      normals.append(c.normal.normalized)
    }
    pointsMM = points
    self.normals = normals
    centroidMM = count > 0 ? sum / Double(count) : .zero
    volumeML = Double(count) * g.voxelVolumeML
  }
}

extension LungSurface {
  /// The surface without the points whose outward normal's z (superior) component is below
  /// `lowestNormalZ`; the centroid and volume are kept.
  func excludingDiaphragm(lowestNormalZ: Double) -> LungSurface {
    var copy = self
    let keep = normals.indices.filter { normals[$0].z >= lowestNormalZ }
    copy.pointsMM = keep.map { pointsMM[$0] }
    copy.normals = keep.map { normals[$0] }
    return copy
  }
}
