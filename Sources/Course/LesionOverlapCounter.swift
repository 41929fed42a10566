import Imaging

/// The lesion map of one study with its placement, as overlap counting needs it.
public struct LesionMapSnapshot: Sendable {
  public var geometry: Geometry
  /// Lesion id per voxel (0 = none), x fastest.
  public var lesionMap: [UInt16]
  /// Maps this study's LPS into the reference frame.
  public var alignment: RigidTransform

  public init(geometry: Geometry, lesionMap: [UInt16], alignment: RigidTransform) {
    precondition(lesionMap.count == geometry.size.count, "lesion map does not match its grid")
    self.geometry = geometry
    self.lesionMap = lesionMap
    self.alignment = alignment
  }
}

/// Counts how much of each current lesion falls on each previous lesion once both studies are
/// in the reference frame (nearest-voxel lookup of every current lesion voxel).
public enum LesionOverlapCounter {
  /// - Returns: one entry per overlapping pair, sorted by (previous id, current id); volumes in
  ///   mL of the current study's voxels.
  /// - Complexity: one pass over the current grid, one lookup per current lesion voxel.
  public static func overlaps(
    previous: LesionMapSnapshot, current: LesionMapSnapshot
  ) -> [LesionOverlap] {
    let toPrevious = current.alignment.then(previous.alignment.inverse)
    let cg = current.geometry
    let pg = previous.geometry
    let toPreviousIndex = pg.indexToPhysical.inverse
    var counts: [SIMD2<Int>: Int] = [:]
    current.lesionMap.withUnsafeBytes { bytes in
      // The map is mostly zeros: four voxels at a time are passed over while they all are.
      let nx = cg.size.nx
      for k in 0..<cg.size.nz {
        for j in 0..<cg.size.ny {
          let row = cg.size.offset(0, j, k)
          var next = 0
          while next < nx {
            if next + 4 <= nx,
              bytes.loadUnaligned(fromByteOffset: (row + next) * 2, as: UInt64.self) == 0
            {
              next += 4
              continue
            }
            let i = next
            next += 1
            let id = current.lesionMap[row + i]
            guard id != 0 else { continue }
            let p = toPrevious.apply(cg.point(Double(i), Double(j), Double(k)))
            let c = toPreviousIndex * (p - pg.origin)
            let (pi, pj, pk) = (Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded()))
            guard pg.size.contains(pi, pj, pk) else { continue }
            let previousID = previous.lesionMap[pg.size.offset(pi, pj, pk)]
            guard previousID != 0 else { continue }
            counts[SIMD2(Int(previousID), Int(id)), default: 0] += 1
          }
        }
      }
    }
    return counts.map {
      LesionOverlap(
        previousLesionID: $0.key.x, currentLesionID: $0.key.y,
        overlapML: Double($0.value) * cg.voxelVolumeML)
    }.sorted {
      ($0.previousLesionID, $0.currentLesionID) < ($1.previousLesionID, $1.currentLesionID)
    }
  }
}
