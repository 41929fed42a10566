import CNrrd
import Foundation
import Imaging

/// Reads a NRRD file (`.nrrd`, or a detached `.nhdr`) through teem into the LPS frame.
///
/// `space directions` and `space origin` place the grid; `space` says which world they are in
/// (RAS and LAS are turned into LPS). Without space directions the axis spacings are used with
/// a `no-orientation` warning.
enum NrrdReader {
  private static let spatialDimensions = 3

  /// - Throws: `IngestError` naming the file: `.corrupt` when teem cannot parse it, or
  ///   `.unsupported` for a non-3-D array, an unknown type, space or absurd dimensions.
  static func read(_ path: String) throws -> (Volume, [IngestWarning]) {
    let header = try load(path, headerOnly: true)
    defer { nrrdNuke(header) }
    let size = try checkShape(header, path: path)
    let kind = try voxelKind(header.pointee.type, path: path)
    let nrrd = try load(path, headerOnly: false)
    defer { nrrdNuke(nrrd) }
    guard let data = nrrd.pointee.data, CNrrd_AxisSize(nrrd, 2) == size.nz else {
      throw IngestError.corrupt(path: path, reason: "voxel data is missing")
    }

    var warnings: [IngestWarning] = []
    let geometry = try self.geometry(nrrd, size: size, path: path, warnings: &warnings)
    let (voxels, clamped) = RawVoxels.hounsfield(
      data, kind: kind, count: size.count, slope: 1, intercept: 0)
    if clamped > 0 {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.valuesClamped, file: path,
          message: "\(clamped) voxel(s) outside the Int16 range were clamped"))
    }
    return (Volume(geometry: geometry, voxels: voxels), warnings)
  }

  /// The files holding a detached header's voxels (empty for a `.nrrd` with attached data),
  /// resolved against the header's folder, so provenance can hash what the volume came from.
  /// - Throws: `IngestError.corrupt` when teem cannot read the header.
  static func dataFiles(_ path: String) throws -> [String] {
    guard let list = CNrrd_DataFileNames(path) else {
      throw IngestError.corrupt(path: path, reason: takeError() ?? "teem cannot read it")
    }
    defer { free(list) }

    // Joined as strings, so a relative header path gives relative data paths (provenance
    // records paths as the user gave them).
    let folder = (path as NSString).deletingLastPathComponent
    return String(cString: list).split(separator: "\n").map { name in
      name.hasPrefix("/") || folder.isEmpty
        ? String(name) : (folder as NSString).appendingPathComponent(String(name))
    }
  }

  private static func load(_ path: String, headerOnly: Bool) throws -> UnsafeMutablePointer<Nrrd> {
    guard let nrrd = nrrdNew() else {
      throw IngestError.unreadable(path: path, reason: "teem could not allocate a NRRD")
    }
    guard CNrrd_Load(nrrd, path, headerOnly ? 1 : 0) == 0 else {
      nrrdNuke(nrrd)
      throw IngestError.corrupt(path: path, reason: takeError() ?? "teem cannot read it")
    }
    return nrrd
  }

  /// The last line of teem's accumulated error text, if any.
  private static func takeError() -> String? {
    guard let text = CNrrd_TakeError() else { return nil }
    defer { free(text) }
    return String(cString: text).split(whereSeparator: \.isNewline).last.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  private static func checkShape(_ nrrd: UnsafeMutablePointer<Nrrd>, path: String) throws
    -> GridSize
  {
    guard nrrd.pointee.dim == spatialDimensions else {
      throw IngestError.unsupported(
        path: path, property: "dimension",
        reason: "\(nrrd.pointee.dim)-D array; ctcase reads one 3-D CT volume")
    }
    let axes = (0..<3).map { Int(CNrrd_AxisSize(nrrd, UInt32($0))) }
    let size = GridSize(axes[0], axes[1], axes[2])
    guard axes.allSatisfy({ (1...IngestLimits.maxAxisLength).contains($0) }),
      size.count <= IngestLimits.maxVoxelCount
    else {
      throw IngestError.unsupported(
        path: path, property: "sizes",
        reason: "\(size.nx) x \(size.ny) x \(size.nz) exceeds the limit of "
          + "\(IngestLimits.maxAxisLength) per axis and \(IngestLimits.maxVoxelCount) voxels")
    }
    return size
  }

  private static func voxelKind(_ type: Int32, path: String) throws -> RawVoxels.Kind {
    switch Int(type) {
    case nrrdTypeChar: return .int8
    case nrrdTypeUChar: return .uint8
    case nrrdTypeShort: return .int16
    case nrrdTypeUShort: return .uint16
    case nrrdTypeInt: return .int32
    case nrrdTypeUInt: return .uint32
    case nrrdTypeFloat: return .float32
    case nrrdTypeDouble: return .float64
    default:
      throw IngestError.unsupported(path: path, property: "type", reason: "NRRD type \(type)")
    }
  }

  private static func geometry(
    _ nrrd: UnsafeMutablePointer<Nrrd>, size: GridSize, path: String,
    warnings: inout [IngestWarning]
  ) throws -> Geometry {
    let space = Int(nrrd.pointee.space)
    guard space != nrrdSpaceUnknown, nrrd.pointee.spaceDim == UInt32(spatialDimensions) else {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.noOrientation, file: path,
          message: "no space directions; axes assumed along LPS from the axis spacings"))
      let spacing = (0..<3).map { i -> Double in
        let s = CNrrd_AxisSpacing(nrrd, UInt32(i))
        return s.isFinite && s > 0 ? s : 1
      }
      return Geometry(
        size: size, spacing: Vector3(spacing[0], spacing[1], spacing[2]), origin: .zero)
    }
    let flip = try lpsFlip(space, path: path)
    let toLPS = { (v: Vector3) in Vector3(v.x * flip.x, v.y * flip.y, v.z * flip.z) }
    let steps = (0..<3).map { axis in
      toLPS(
        Vector3(
          CNrrd_SpaceDirection(nrrd, UInt32(axis), 0), CNrrd_SpaceDirection(nrrd, UInt32(axis), 1),
          CNrrd_SpaceDirection(nrrd, UInt32(axis), 2)))
    }
    let originValues = (0..<3).map { CNrrd_SpaceOrigin(nrrd, UInt32($0)) }
    let origin =
      originValues.allSatisfy(\.isFinite)
      ? toLPS(Vector3(originValues[0], originValues[1], originValues[2])) : .zero
    guard steps.allSatisfy({ $0.x.isFinite && $0.y.isFinite && $0.z.isFinite && $0.length > 0 }),
      abs(Matrix3(columns: steps[0], steps[1], steps[2]).determinant) > 0
    else {
      throw IngestError.unsupported(
        path: path, property: "space directions",
        reason: "an axis has no direction, or the axes are coplanar")
    }
    let geometry = Geometry.fromSteps(size: size, steps: steps, origin: origin)
    if !geometry.hasOrthogonalAxes {
      warnings.append(
        IngestWarning(
          code: IngestWarningCode.obliqueAxes, file: path,
          message: "space directions are not perpendicular (sheared grid)"))
    }
    return geometry
  }

  /// Per-axis sign that takes the file's world into LPS.
  private static func lpsFlip(_ space: Int, path: String) throws -> Vector3 {
    switch space {
    case nrrdSpaceLeftPosteriorSuperior, nrrdSpaceScannerXYZ: return Vector3(1, 1, 1)
    case nrrdSpaceRightAnteriorSuperior: return Vector3(-1, -1, 1)
    case nrrdSpaceLeftAnteriorSuperior: return Vector3(1, -1, 1)
    default:
      throw IngestError.unsupported(
        path: path, property: "space", reason: "NRRD space code \(space) is not a patient space")
    }
  }
}
