/// Whole-volume passes over a component label volume, shared out by slices.
///
/// Both visit every voxel of a box of tens of millions; done on one thread they were a serial
/// stretch of the lesion analysis. Results do not depend on `threads`: counts are integers
/// added chunk by chunk, and every voxel is written by exactly one chunk.
extension ConnectedComponents {
  /// The voxel count of each label 1...count in `labels` (a `size` grid, x fastest); index 0
  /// is 0.
  /// - Precondition: every label is in 0...count.
  public static func sizes(of labels: [Int32], count: Int, size: GridSize, threads: Int)
    -> [Int]
  {
    precondition(labels.count == size.count, "ConnectedComponents: labels do not match grid")
    let parts = labels.withUnsafeBufferPointer { buffer -> [[Int]] in
      guard !buffer.isEmpty else { return [] }
      let shared = SendableConstPointer(buffer)
      return ParallelSlices.map(count: size.nz, threads: threads) { _, slices in
        var sizes = [Int](repeating: 0, count: count + 1)
        for p in (slices.lowerBound * size.sliceCount)..<(slices.upperBound * size.sliceCount) {
          let c = Int(shared[p])
          if c > 0 { sizes[c] += 1 }
        }
        return sizes
      }
    }
    var sizes = [Int](repeating: 0, count: count + 1)
    for part in parts {
      for c in 1..<(count + 1) { sizes[c] += part[c] }
    }
    return sizes
  }

  /// `table[label]` for every voxel of `labels` (a `size` grid, x fastest).
  /// - Precondition: every label is a valid index of `table`.
  public static func relabel(
    _ labels: [Int32], through table: [UInt16], size: GridSize, threads: Int
  ) -> [UInt16] {
    precondition(labels.count == size.count, "ConnectedComponents: labels do not match grid")
    return [UInt16](unsafeUninitializedCapacity: labels.count) { out, initialized in
      labels.withUnsafeBufferPointer { source in
        guard !source.isEmpty else { return }
        let input = SendableConstPointer(source)
        let target = SendablePointer(out)
        _ = ParallelSlices.map(count: size.nz, threads: threads) { _, slices in
          let voxels = (slices.lowerBound * size.sliceCount)..<(slices.upperBound * size.sliceCount)
          for p in voxels { (target.base + p).initialize(to: table[Int(input[p])]) }
        }
      }
      initialized = labels.count
    }
  }
}
