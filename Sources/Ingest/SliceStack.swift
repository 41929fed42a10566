import Foundation
import Imaging

/// How one output slice (k) of the volume is made from the ordered source slices.
enum SlicePlan: Sendable, Equatable {
  /// Copy source slice `index`.
  case source(Int)
  /// Linear blend: (1 - weight) * source `lower` + weight * source `upper`.
  case blend(lower: Int, upper: Int, weight: Double)
  /// No source slice here (a gap): filled with `Volume.noData`.
  case missing
}

/// The slices of a series ordered along their normal, and the regular grid they fill.
struct SliceStack: Sendable {
  var geometry: Geometry
  /// Distinct source slices in order along the slice axis.
  var ordered: [SliceSource]
  /// LPS positions (mm) of the ordered slices.
  var positions: [Vector3] = []
  /// One entry per output slice k.
  var plan: [SlicePlan]
  var warnings: [IngestWarning]
}

extension SliceStack {
  private static let radiansToDegrees = 180 / Double.pi
  private static let orthogonalityTolerance = 1e-3

  /// Orders the group's slices by position along the slice normal (never by instance number or
  /// file name), removes duplicates, and plans a regular grid over gaps or irregular spacing.
  /// - Throws: `IngestError.inconsistentGeometry` or `.unsupported` naming the file and the
  ///   attribute when the slices cannot make one volume.
  static func build(_ group: SeriesGroup) throws -> SliceStack {
    let first = group.first
    let (rowAxis, columnAxis) = try inPlaneAxes(group)
    guard let pixel = first.pixelSpacing, pixel.count == 2, pixel.allSatisfy({ $0 > 0 }) else {
      throw IngestError.unsupported(
        path: first.path, property: "Pixel Spacing (0028,0030)", reason: "missing or not > 0")
    }
    let normal = rowAxis.cross(columnAxis).normalized
    var stack = SliceStack(
      geometry: Geometry(
        size: GridSize(first.columns, first.rows, 1), spacing: Vector3(pixel[1], pixel[0], 1),
        origin: .zero, direction: Matrix3(columns: rowAxis, columnAxis, normal)),
      ordered: [], positions: [], plan: [], warnings: [])
    try stack.order(group, normal: normal)
    try stack.planSlices(group)
    try stack.checkLimits(first.path)
    return stack
  }

  private static func inPlaneAxes(_ group: SeriesGroup) throws -> (Vector3, Vector3) {
    guard let source = group.slices.first, let o = group.frame(source).orientation,
      o.count == 6
    else {
      throw IngestError.inconsistentGeometry(
        path: group.first.path, property: "Image Orientation (Patient) (0020,0037)",
        reason: "missing")
    }
    let row = Vector3(o[0], o[1], o[2])
    let column = Vector3(o[3], o[4], o[5])
    guard row.length > 0.5, column.length > 0.5,
      abs(row.normalized.dot(column.normalized)) < orthogonalityTolerance
    else {
      throw IngestError.inconsistentGeometry(
        path: group.first.path, property: "Image Orientation (Patient) (0020,0037)",
        reason: "row and column directions are not unit and perpendicular")
    }
    return (row.normalized, column.normalized)
  }

  /// Sorts by distance along the normal (ties by file path and frame), drops duplicates and
  /// detects gantry tilt.
  private mutating func order(_ group: SeriesGroup, normal: Vector3) throws {
    var located: [(SliceSource, Vector3)] = []
    for source in group.slices {
      guard let p = group.frame(source).position else {
        guard group.slices.count == 1 else {
          throw IngestError.inconsistentGeometry(
            path: group.headers[source.header].path,
            property: "Image Position (Patient) (0020,0032)", reason: "missing on this slice")
        }
        located.append((source, .zero))
        warnings.append(
          IngestWarning(
            code: IngestWarningCode.noOrientation, file: group.headers[source.header].path,
            message: "no Image Position (Patient); origin set to 0"))
        continue
      }
      located.append((source, p))
    }
    located.sort { a, b in
      let (da, db) = (a.1.dot(normal), b.1.dot(normal))
      if da != db { return da < db }
      let (pa, pb) = (group.headers[a.0.header].path, group.headers[b.0.header].path)
      return pa != pb ? pa < pb : a.0.frame < b.0.frame
    }

    var kept: [(SliceSource, Vector3)] = []
    for item in located {
      if let last = kept.last,
        abs(item.1.dot(normal) - last.1.dot(normal)) < IngestLimits.duplicateToleranceMM
      {
        warnings.append(
          IngestWarning(
            code: IngestWarningCode.duplicateSlice, file: group.headers[item.0.header].path,
            message: "duplicate slice at the same position as "
              + "\(group.headers[last.0.header].path); the first by path was kept"))
        continue
      }
      kept.append(item)
    }
    ordered = kept.map(\.0)
    positions = kept.map(\.1)
    geometry.origin = kept[0].1
    try applyTilt(group, normal: normal)
  }
}
