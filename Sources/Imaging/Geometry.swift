/// The number of voxels along each grid axis.
public struct GridSize: Sendable, Hashable, Codable {
  public var nx: Int
  public var ny: Int
  public var nz: Int

  public init(_ nx: Int, _ ny: Int, _ nz: Int) {
    self.nx = nx
    self.ny = ny
    self.nz = nz
  }

  public var count: Int { nx * ny * nz }
  public var sliceCount: Int { nx * ny }

  /// The linear offset of voxel (i, j, k); x runs fastest, then y, then z.
  @inline(__always)
  public func offset(_ i: Int, _ j: Int, _ k: Int) -> Int { (k * ny + j) * nx + i }

  @inline(__always)
  public func contains(_ i: Int, _ j: Int, _ k: Int) -> Bool {
    i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz
  }
}

/// Where a voxel grid sits in patient space.
///
/// `origin` is the LPS position (mm) of the centre of voxel (0, 0, 0); `direction` holds the unit
/// LPS directions of the i, j and k axes as its columns; `spacing` is the voxel pitch (mm) along
/// each of those axes. This is the DICOM/ITK convention; NIfTI affines are converted at the edge.
public struct Geometry: Sendable, Hashable, Codable {
  public var size: GridSize
  public var spacing: Vector3
  public var origin: Vector3
  public var direction: Matrix3

  public init(size: GridSize, spacing: Vector3, origin: Vector3, direction: Matrix3 = .identity) {
    self.size = size
    self.spacing = spacing
    self.origin = origin
    self.direction = direction
  }

  /// How far |det(direction)| may stray from 1 and still count as orthonormal (rounding in
  /// stored direction cosines), so ordinary grids keep the exact product of their spacings.
  static let orthonormalTolerance = 1e-6

  /// The volume of one voxel in millilitres: |det(indexToPhysical)|. On a sheared grid (gantry
  /// tilt: the k axis leans off the slice normal) that is the spacings' product times the
  /// cosine of the lean, the true volume each voxel stands for.
  public var voxelVolumeML: Double {
    let lean = abs(direction.determinant)
    let shear = abs(lean - 1) <= Self.orthonormalTolerance ? 1 : lean
    return spacing.x * spacing.y * spacing.z * shear / 1000
  }

  /// The 3x3 matrix mapping index steps to LPS millimetres (direction times spacing).
  public var indexToPhysical: Matrix3 {
    Matrix3(columns: direction.c0 * spacing.x, direction.c1 * spacing.y, direction.c2 * spacing.z)
  }

  /// The LPS position (mm) of a continuous voxel index.
  public func point(_ i: Double, _ j: Double, _ k: Double) -> Vector3 {
    origin + indexToPhysical * Vector3(i, j, k)
  }

  /// The continuous voxel index of an LPS position (mm).
  public func continuousIndex(of p: Vector3) -> Vector3 {
    indexToPhysical.inverse * (p - origin)
  }

  /// The grid index axis that points most nearly along the patient's superior direction.
  public var superiorAxis: Int {
    let zs = [abs(direction.c0.z), abs(direction.c1.z), abs(direction.c2.z)]
    return zs.firstIndex(of: zs.max()!)!  // three elements, never empty
  }
}
