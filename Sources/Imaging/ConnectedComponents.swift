/// Connected-component labelling of a binary mask on a 3D grid (6-connected).
///
/// Works on runs (maximal stretches of set voxels along x): each run is joined by union-find to
/// the runs it overlaps on the previous row and on the same row of the previous slice, then
/// components are numbered 1, 2, ... in the raster order of their first voxel (x fastest), so
/// the numbering never depends on threads or timing. A 2D image is a grid with `nz == 1`.
public struct ConnectedComponents: Sendable {
  /// Component number per voxel; 0 where the mask is not set.
  public var labels: [Int32]
  /// Voxel count per component; index 0 is unused (always 0).
  public var sizes: [Int]

  /// The number of components found.
  public var count: Int { sizes.count - 1 }

  /// Labels the voxels where `mask` is non-zero; `threads` share the scan for runs.
  /// - Complexity: O(voxels) to find the runs, almost linear in the number of runs to join them.
  public init(mask: UnsafeBufferPointer<UInt8>, size: GridSize, threads: Int = 1) {
    precondition(mask.count == size.count, "ConnectedComponents: mask does not match grid")
    let runs = RunComponents(mask: mask, size: size, threads: threads)
    sizes = runs.sizes
    labels = runs.labelVolume(threads: threads)
  }

  /// Labels `mask` given as an array.
  public init(mask: [UInt8], size: GridSize, threads: Int = 1) {
    self = mask.withUnsafeBufferPointer {
      ConnectedComponents(mask: $0, size: size, threads: threads)
    }
  }
}
