import Imaging

/// The voxel grid of one study seen as a stack of axial slices, with the patient-space
/// quantities the analysis needs (LPS x for the patient's left, LPS z for height).
///
/// Slices are the planes of constant k; LPS coordinates come from the full direction matrix,
/// so a tilted (oblique) stack still measures left, right and height in patient space.
struct ChestGrid: Sendable {
  let size: GridSize
  let geometry: Geometry
  let nx: Int
  let ny: Int
  let nz: Int
  let spacingX: Double
  let spacingY: Double
  let spacingZ: Double
  private let step: Matrix3

  init(_ geometry: Geometry) {
    self.geometry = geometry
    size = geometry.size
    nx = size.nx
    ny = size.ny
    nz = size.nz
    spacingX = geometry.spacing.x
    spacingY = geometry.spacing.y
    spacingZ = geometry.spacing.z
    step = geometry.indexToPhysical
  }

  var plane: Int { nx * ny }
  var voxelML: Double { geometry.voxelVolumeML }
  var pixelAreaMM2: Double { spacingX * spacingY }

  /// LPS x (mm) of voxel (i, j, k): larger is further to the patient's left.
  @inline(__always)
  func lpsX(_ i: Int, _ j: Int, _ k: Int) -> Double {
    geometry.origin.x + step.c0.x * Double(i) + step.c1.x * Double(j) + step.c2.x * Double(k)
  }

  /// The in-plane direction, in mm along the slice's i and j axes (not normalised), in which
  /// LPS x grows: towards the patient's left.
  var towardsPatientLeft: (x: Double, y: Double) {
    (step.c0.x / spacingX, step.c1.x / spacingY)
  }

  /// LPS z (mm) of voxel (i, j, k): larger is further superior.
  @inline(__always)
  func lpsZ(_ i: Int, _ j: Int, _ k: Int) -> Double {
    geometry.origin.z + step.c0.z * Double(i) + step.c1.z * Double(j) + step.c2.z * Double(k)
  }

  /// Slice indices ordered from the most superior slice to the most inferior one.
  var slicesTopDown: [Int] {
    step.c2.z >= 0 ? Array((0..<nz).reversed()) : Array(0..<nz)
  }

  /// The craniocaudal distance (mm) between neighbouring slices.
  var sliceStepZMM: Double { abs(step.c2.z) }
}
