import Imaging

/// The lesion map of one study with its placement, as overlap counting needs it.
public struct LesionMapSnapshot: Sendable {
  public var geometry: Geometry
  /// Lesion id per voxel (0 = none).
  public var lesionMap: LesionMap
  /// Maps this study's LPS into the reference frame.
  public var alignment: RigidTransform

  public init(geometry: Geometry, lesionMap: LesionMap, alignment: RigidTransform) {
    precondition(lesionMap.size == geometry.size, "lesion map does not match its grid")
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
  /// - Complexity: one pass over the block of the current grid that holds lesions, one lookup
  ///   per current lesion voxel.
  public static func overlaps(
    previous: LesionMapSnapshot, current: LesionMapSnapshot
  ) -> [LesionOverlap] {
    let toPrevious = current.alignment.then(previous.alignment.inverse)
    let cg = current.geometry
    let pg = previous.geometry
    let toPreviousIndex = pg.indexToPhysical.inverse
    let map = current.lesionMap
    var counts: [SIMD2<Int>: Int] = [:]
    map.ids.withUnsafeBytes { bytes in
      // The block is still mostly zeros: four voxels at a time are passed over while they all
      // are.
      let width = map.columns.count
      for k in map.slices {
        for j in map.rows {
          let row = map.blockOffset(map.columns.lowerBound, j, k)
          var next = 0
          while next < width {
            if next + 4 <= width,
              bytes.loadUnaligned(fromByteOffset: (row + next) * 2, as: UInt64.self) == 0
            {
              next += 4
              continue
            }
            let id = map.ids[row + next]
            let i = map.columns.lowerBound + next
            next += 1
            guard id != 0 else { continue }
            let p = toPrevious.apply(cg.point(Double(i), Double(j), Double(k)))
            let c = toPreviousIndex * (p - pg.origin)
            let (pi, pj, pk) = (Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded()))
            let previousID = previous.lesionMap[pi, pj, pk]
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
