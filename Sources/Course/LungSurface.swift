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
  /// - Complexity: one pass over the grid.
  public init(labels: LabelVolume, cellMM: Double) {
    let g = labels.geometry
    let size = g.size
    var cells: [SIMD3<Int>: (sum: Vector3, normal: Vector3, count: Int)] = [:]
    var sum = Vector3.zero
    var count = 0
    labels.labels.withUnsafeBufferPointer { m in
      func flag(_ b: Bool) -> Double { b ? 1 : 0 }
      func inside(_ i: Int, _ j: Int, _ k: Int) -> Bool {
        size.contains(i, j, k) && m[size.offset(i, j, k)] != 0
      }
      for k in 0..<size.nz {
        for j in 0..<size.ny {
          for i in 0..<size.nx where m[size.offset(i, j, k)] != 0 {
            let p = g.point(Double(i), Double(j), Double(k))
            sum = sum + p
            count += 1
            let boundary =
              !inside(i - 1, j, k) || !inside(i + 1, j, k) || !inside(i, j - 1, k)
              || !inside(i, j + 1, k) || !inside(i, j, k - 1) || !inside(i, j, k + 1)
            guard boundary else { continue }
            let key = SIMD3(
              Int((p.x / cellMM).rounded(.down)), Int((p.y / cellMM).rounded(.down)),
              Int((p.z / cellMM).rounded(.down)))
            // The mask's outward direction: towards the neighbours that are outside.
            let outward = Vector3(
              flag(!inside(i + 1, j, k)) - flag(!inside(i - 1, j, k)),
              flag(!inside(i, j + 1, k)) - flag(!inside(i, j - 1, k)),
              flag(!inside(i, j, k + 1)) - flag(!inside(i, j, k - 1)))
            let normal =
              g.direction
              * Vector3(
                outward.x / g.spacing.x, outward.y / g.spacing.y, outward.z / g.spacing.z)
            let old = cells[key] ?? (Vector3.zero, Vector3.zero, 0)
            cells[key] = (old.sum + p, old.normal + normal, old.count + 1)
          }
        }
      }
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
