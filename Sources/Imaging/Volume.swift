/// A calibrated CT volume: signed 16-bit Hounsfield units on a grid placed in patient space.
///
/// Voxels are stored with x (i) fastest, then y (j), then z (k). Voxels where the scanner gave no
/// data (pixel padding, outside the reconstruction circle) hold `Volume.noData`.
public struct Volume: Sendable {
  /// The value stored where the source had no data (pixel padding, outside the field of view).
  public static let noData: Int16 = -3024

  public var geometry: Geometry
  public var voxels: [Int16]

  /// - Precondition: `voxels.count == geometry.size.count`.
  public init(geometry: Geometry, voxels: [Int16]) {
    precondition(voxels.count == geometry.size.count, "Volume: voxel count does not match grid")
    self.geometry = geometry
    self.voxels = voxels
  }

  /// A volume filled with one value.
  public init(geometry: Geometry, filledWith value: Int16) {
    self.geometry = geometry
    self.voxels = [Int16](repeating: value, count: geometry.size.count)
  }

  public var size: GridSize { geometry.size }

  @inline(__always)
  public subscript(i: Int, j: Int, k: Int) -> Int16 {
    get { voxels[geometry.size.offset(i, j, k)] }
    set { voxels[geometry.size.offset(i, j, k)] = newValue }
  }
}

/// A per-voxel label on a volume's grid (0 = background). Used for lung and lesion masks.
public struct LabelVolume: Sendable {
  public var geometry: Geometry
  public var labels: [UInt8]

  public init(geometry: Geometry, labels: [UInt8]) {
    precondition(
      labels.count == geometry.size.count, "LabelVolume: label count does not match grid")
    self.geometry = geometry
    self.labels = labels
  }

  public init(geometry: Geometry) {
    self.geometry = geometry
    self.labels = [UInt8](repeating: 0, count: geometry.size.count)
  }

  public var size: GridSize { geometry.size }

  @inline(__always)
  public subscript(i: Int, j: Int, k: Int) -> UInt8 {
    get { labels[geometry.size.offset(i, j, k)] }
    set { labels[geometry.size.offset(i, j, k)] = newValue }
  }
}
