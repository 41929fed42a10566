import CNifti
import Foundation
import Imaging

/// Reads a NIfTI-1/2 file (`.nii`, `.nii.gz`) through libnifti2 into the LPS frame.
///
/// The sform is used when its code is set, else the qform, else pixdim alone (with a
/// `no-orientation` warning). NIfTI's RAS+ world becomes LPS by negating x and y.
enum NiftiReader {
  private static let silenced: Void = nifti_set_debug_level(0)

  /// - Throws: `IngestError` naming the file: `.corrupt` when it cannot be parsed or its data is
  ///   short, `.unsupported` for 4-D data, an unknown data type or absurd dimensions.
  static func read(_ path: String) throws -> (Volume, [IngestWarning]) {
    let (volume, warnings, _) = try read(path, hashing: false)
    return (volume, warnings)
  }

  /// Reads the file as `read(_:)` does; with `hashing`, also returns the SHA-256 of the file's
  /// bytes when it could be computed during the same pass (an uncompressed single-file NIfTI
  /// of native-order int16 HU), else nil and the caller hashes the file itself.
  static func read(_ path: String, hashing: Bool) throws -> (Volume, [IngestWarning], String?) {
    _ = silenced
    var message = [CChar](repeating: 0, count: 256)
    guard let image = CNifti_ReadHeader(path, &message, message.count) else {
      let said = String(
        decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw IngestError.corrupt(
        path: path,
        reason: "libnifti2 cannot read the NIfTI header" + (said.isEmpty ? "" : " (\(said))"))
    }
    defer { nifti_image_free(image) }

    let size = GridSize(Int(image.pointee.nx), Int(image.pointee.ny), Int(image.pointee.nz))
    try checkShape(image, size: size, path: path)
    try checkDataOffset(image, path: path)
    let kind = try voxelKind(image.pointee.datatype, path: path)
    var warnings: [IngestWarning] = []
    let geometry = try self.geometry(image, size: size, path: path, warnings: &warnings)
    var slope = image.pointee.scl_slope
    var intercept = image.pointee.scl_inter
    if !slope.isFinite || slope == 0 {
      slope = 1
      intercept = 0
    }
    if hashing, kind == .int16, slope == 1, intercept == 0, let direct = DirectNifti(image) {
      let (voxels, digest) = try direct.readHashed(path: path, count: size.count)
      return (Volume(geometry: geometry, voxels: voxels), warnings, digest)
    }
    guard nifti_image_load(image) == 0, let data = image.pointee.data else {
      throw IngestError.corrupt(path: path, reason: "voxel data is missing or truncated")
    }
    let (voxels, clamped) = RawVoxels.hounsfield(
      data, kind: kind, count: size.count, slope: slope, intercept: intercept)
    if clamped > 0 {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.valuesClamped, file: path,
          message: "\(clamped) voxel(s) outside the Int16 range were clamped"))
    }
    return (Volume(geometry: geometry, voxels: voxels), warnings, nil)
  }

  private static func checkShape(
    _ image: UnsafeMutablePointer<nifti_image>, size: GridSize,
    path: String
  ) throws {
    let extra = (4...7).map { CNifti_Dimension(image, Int32($0)) }
    let dims = CNifti_Dimension(image, 0)
    if dims > 3, extra.prefix(Int(dims) - 3).contains(where: { $0 > 1 }) {
      throw IngestError.unsupported(
        path: path, property: "dim[4...]",
        reason: "\(dims)-D image; ctcase reads one 3-D CT volume")
    }
    let axes = [size.nx, size.ny, size.nz]
    guard axes.allSatisfy({ (1...IngestLimits.maxAxisLength).contains($0) }),
      size.count <= IngestLimits.maxVoxelCount
    else {
      throw IngestError.unsupported(
        path: path, property: "dimensions",
        reason: "\(size.nx) x \(size.ny) x \(size.nz) exceeds the limit of "
          + "\(IngestLimits.maxAxisLength) per axis and \(IngestLimits.maxVoxelCount) voxels")
    }
  }

  /// In a single-file NIfTI the voxels start after the header and its 4 extension bytes
  /// (vox_offset >= 352, NIfTI-2: >= 544); a smaller offset (0 or NaN after a careless edit)
  /// would read the header itself as voxels.
  private static func checkDataOffset(_ image: UnsafeMutablePointer<nifti_image>, path: String)
    throws
  {
    let header = image.pointee
    guard let fname = header.fname, let iname = header.iname, strcmp(fname, iname) == 0 else {
      return
    }
    let minimum = header.nifti_type == NIFTI_FTYPE_NIFTI2_1 ? 544 : 352
    guard header.iname_offset >= minimum else {
      throw IngestError.corrupt(
        path: path,
        reason: "vox_offset puts the voxels at byte \(header.iname_offset), inside the header "
          + "(a .nii file needs at least \(minimum))")
    }
  }

  private static func voxelKind(_ datatype: Int32, path: String) throws -> RawVoxels.Kind {
    switch datatype {
    case Int32(DT_INT8): return .int8
    case Int32(DT_UINT8): return .uint8
    case Int32(DT_INT16): return .int16
    case Int32(DT_UINT16): return .uint16
    case Int32(DT_INT32): return .int32
    case Int32(DT_UINT32): return .uint32
    case Int32(DT_FLOAT32): return .float32
    case Int32(DT_FLOAT64): return .float64
    default:
      throw IngestError.unsupported(
        path: path, property: "datatype", reason: "NIfTI datatype code \(datatype)")
    }
  }

  private static func geometry(
    _ image: UnsafeMutablePointer<nifti_image>, size: GridSize, path: String,
    warnings: inout [IngestWarning]
  ) throws -> Geometry {
    let useSform = image.pointee.sform_code > 0
    guard useSform || image.pointee.qform_code > 0 else {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.noOrientation, file: path,
          message: "neither qform nor sform is set; axes assumed along LPS from pixdim"))
      // Without an affine, pixdim is all there is; a zero or missing one counts as 1 mm.
      let spacing = (1...3).map { index -> Double in
        let d = abs(CNifti_PixelDimension(image, Int32(index)))
        return d.isFinite && d > 0 ? d : 1
      }
      return Geometry(
        size: size, spacing: Vector3(spacing[0], spacing[1], spacing[2]), origin: .zero)
    }
    let m = { (r: Int, c: Int) in CNifti_AffineElement(image, useSform ? 1 : 0, Int32(r), Int32(c))
    }
    // RAS -> LPS: negate the x and y rows of the affine.
    let step = { (c: Int) in Vector3(-m(0, c), -m(1, c), m(2, c)) }
    let steps = [step(0), step(1), step(2)]
    let origin = step(3)
    let finite = (steps + [origin]).allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
    guard finite, steps.allSatisfy({ $0.length > 0 }),
      abs(Matrix3(columns: steps[0], steps[1], steps[2]).determinant) > 0
    else {
      throw IngestError.unsupported(
        path: path, property: useSform ? "sform" : "qform",
        reason: "the affine is singular or not finite")
    }
    let geometry = Geometry.fromSteps(size: size, steps: steps, origin: origin)
    if !geometry.hasOrthogonalAxes {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.obliqueAxes, file: path,
          message: "the \(useSform ? "sform" : "qform") has sheared (non-perpendicular) axes"))
    }
    return geometry
  }
}
