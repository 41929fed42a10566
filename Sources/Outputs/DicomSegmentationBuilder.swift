import CDicom
import Imaging

/// An owned DCMTK binary Segmentation under construction (`CDicomObjects_Segmentation*`).
/// Not `Sendable`: one owner builds and writes it.
final class DicomSegmentationBuilder {
  private let handle: OpaquePointer

  /// Creates an empty segmentation with frames of `rows` x `columns` pixels.
  init(rows: Int, columns: Int, label: String, description: String) throws {
    var created: OpaquePointer?
    try DicomShim.check { error, size in
      created = CDicomObjects_SegmentationCreate(
        UInt16(rows), UInt16(columns), DicomCommonAttributes.manufacturer,
        DicomCommonAttributes.manufacturer, ToolVersion.string, label, description, error, size)
      return created == nil ? 1 : 0
    }
    // check() throws when creation returned nil, so created is set here.
    handle = created!
  }

  deinit { CDicomObjects_SegmentationFree(handle) }

  /// Shared pixel measures and orientation from the label grid (LPS mm).
  func setGeometry(_ geometry: Geometry, sliceThicknessMM: Double) throws {
    let direction = geometry.direction
    let orientation = direction.c0.array + direction.c1.array
    try DicomShim.check { error, size in
      CDicomObjects_SegmentationSetGeometry(
        handle, geometry.spacing.y, geometry.spacing.x, sliceThicknessMM, geometry.spacing.z,
        orientation, error, size)
    }
  }

  /// Adds a segment and returns its number.
  func addSegment(_ segment: DicomSegmentDefinition, trackingUID: String) throws -> UInt16 {
    var number: UInt16 = 0
    try DicomShim.withCode(segment.category) { category in
      try DicomShim.withCode(segment.type) { type in
        try DicomShim.withOptionalCode(segment.modifier) { modifier in
          try DicomShim.check { error, size in
            CDicomObjects_SegmentationAddSegment(
              handle, segment.label, category, type, modifier, segment.label, trackingUID,
              &number, error, size)
          }
        }
      }
    }
    return number
  }

  /// Adds one frame of `segment` at `positionLPS` derived from one source image.
  func addFrame(
    segment: UInt16, mask: [UInt8], positionLPS: Vector3, stackPosition: Int,
    sourceSOPClassUID: String, sourceSOPInstanceUID: String
  ) throws {
    try DicomShim.check { error, size in
      CDicomObjects_SegmentationAddFrame(
        handle, segment, mask, positionLPS.array, UInt32(stackPosition), sourceSOPClassUID,
        sourceSOPInstanceUID, error, size)
    }
  }

  /// Writes the object to `path` with `common` replacing DCMTK's generated attributes.
  func write(common: DicomAttributes, dimensionOrganizationUID: String, to path: String) throws {
    try DicomShim.check { error, size in
      CDicomObjects_SegmentationWriteFile(
        handle, common.handle, dimensionOrganizationUID, path, error, size)
    }
  }
}

/// What one segment is: its label value in the label volume and its coded meaning.
struct DicomSegmentDefinition: Sendable {
  var labelValue: UInt8
  var label: String
  var category: DicomCode
  var type: DicomCode
  var modifier: DicomCode?

  /// The segment of one lesion: labelled with its tracking identifier, typed by its component.
  init(lesion: DicomLesionSegments.Lesion) {
    labelValue = 0
    label = lesion.trackingID
    category = .morphologicallyAlteredStructure
    type = lesion.component == .groundGlass ? .groundGlassOpacity : .consolidation
    modifier = nil
  }

  init(
    labelValue: UInt8, label: String, category: DicomCode, type: DicomCode, modifier: DicomCode?
  ) {
    self.labelValue = labelValue
    self.label = label
    self.category = category
    self.type = type
    self.modifier = modifier
  }

  /// The four segments of `Analysis.StudyAnalysis.labels`, in label order (segment n = label n).
  static let lungAndLesions: [DicomSegmentDefinition] = [
    DicomSegmentDefinition(
      labelValue: 1, label: "Right lung", category: .anatomicalStructure, type: .lung,
      modifier: .right),
    DicomSegmentDefinition(
      labelValue: 2, label: "Left lung", category: .anatomicalStructure, type: .lung,
      modifier: .left),
    DicomSegmentDefinition(
      labelValue: 3, label: "Ground glass opacity", category: .morphologicallyAlteredStructure,
      type: .groundGlassOpacity, modifier: nil),
    DicomSegmentDefinition(
      labelValue: 4, label: "Consolidation", category: .morphologicallyAlteredStructure,
      type: .consolidation, modifier: nil),
  ]
}
