/// Connected-component labelling of a binary mask on a 3D grid (6-connected).
///
/// Two-pass union-find: the first pass links each set voxel to its already-visited neighbours
/// (-x, -y, -z), the second resolves roots and numbers components 1, 2, ... in the raster order
/// of their first voxel (x fastest), so the numbering never depends on threads or timing.
/// A 2D image is a grid with `nz == 1`.
public struct ConnectedComponents: Sendable {
  /// Component number per voxel; 0 where the mask is not set.
  public var labels: [Int32]
  /// Voxel count per component; index 0 is unused (always 0).
  public var sizes: [Int]

  /// The number of components found.
  public var count: Int { sizes.count - 1 }

  /// Labels the voxels where `mask` is non-zero.
  /// - Complexity: O(voxels), almost linear in the number of set voxels.
  public init(mask: UnsafeBufferPointer<UInt8>, size: GridSize) {
    precondition(mask.count == size.count, "ConnectedComponents: mask does not match grid")
    var parent = [Int32](repeating: 0, count: size.count)
    parent.withUnsafeMutableBufferPointer {
      ConnectedComponents.link(mask: mask, size: size, parent: $0)
    }
    (labels, sizes) = ConnectedComponents.resolve(parent: &parent, mask: mask)
  }

  /// Labels `mask` given as an array.
  public init(mask: [UInt8], size: GridSize) {
    self = mask.withUnsafeBufferPointer { ConnectedComponents(mask: $0, size: size) }
  }

  private static func find(_ parent: UnsafeMutableBufferPointer<Int32>, _ x: Int32) -> Int32 {
    var r = x
    while parent[Int(r)] != r { r = parent[Int(r)] }
    var c = x
    while parent[Int(c)] != r {
      let next = parent[Int(c)]
      parent[Int(c)] = r
      c = next
    }
    return r
  }

  /// Joins two trees, keeping the smaller index as root so roots are first-in-raster voxels.
  @inline(__always)
  private static func union(_ parent: UnsafeMutableBufferPointer<Int32>, _ a: Int32, _ b: Int32) {
    let ra = find(parent, a)
    let rb = find(parent, b)
    if ra < rb { parent[Int(rb)] = ra } else if rb < ra { parent[Int(ra)] = rb }
  }

  private static func link(
    mask: UnsafeBufferPointer<UInt8>, size: GridSize, parent: UnsafeMutableBufferPointer<Int32>
  ) {
    let nx = size.nx
    let plane = size.sliceCount
    var p = 0
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<nx {
          defer { p += 1 }
          guard mask[p] != 0 else { continue }
          let me = Int32(p)
          parent[p] = me
          if i > 0, mask[p - 1] != 0 { ConnectedComponents.union(parent, me, Int32(p - 1)) }
          if j > 0, mask[p - nx] != 0 { ConnectedComponents.union(parent, me, Int32(p - nx)) }
          if k > 0, mask[p - plane] != 0 {
            ConnectedComponents.union(parent, me, Int32(p - plane))
          }
        }
      }
    }
  }

  /// Turns the forest into consecutive labels, reusing `parent`'s storage for the result.
  private static func resolve(parent: inout [Int32], mask: UnsafeBufferPointer<UInt8>)
    -> ([Int32], [Int])
  {
    var sizes = [0]
    parent.withUnsafeMutableBufferPointer { par in
      for p in 0..<par.count {
        guard mask[p] != 0 else {
          par[p] = 0
          continue
        }
        let root = Int(par[p])
        if root == p {
          sizes.append(1)
          par[p] = -Int32(sizes.count - 1)
        } else {
          // Roots precede their members and already hold their negated label.
          let label = -par[root]
          par[p] = -label
          sizes[Int(label)] += 1
        }
      }
      for p in 0..<par.count { par[p] = -par[p] }
    }
    return (parent, sizes)
  }
}
