import Foundation
import Imaging

extension DicomOutputs {
  static let ctImageStorage = "1.2.840.10008.5.1.4.1.1.2"

  /// Writes `labels` as a binary Segmentation Storage object (PS3.3 A.51) at `url`.
  ///
  /// Segments 1-4 are right lung, left lung, ground-glass lesion and consolidation lesion,
  /// matching the label values of `Analysis.StudyAnalysis.labels`. Slice k of the label grid
  /// lies on, and derives from, source instance k (`source.sopInstanceUIDs` in slice order); the
  /// object shares the source's Frame of Reference. Empty slices are left out; a segment that
  /// is empty everywhere keeps one empty frame (on slice 0) so its number stays its label value.
  /// With `lesions`, each lesion also gets a segment of its own (5, 6, ...; see
  /// `DicomLesionSegments`) that the SR's lesion groups can refer to.
  /// - Returns: the UIDs of the object written (the SR refers to them).
  /// - Throws: `DicomOutputsError.invalidInput` when the source has no Frame of Reference UID,
  ///   Series Instance UID or study date, or its instance count differs from the slice count;
  ///   `.encodingFailed`, `.fileSystem` as for the other writers.
  @discardableResult
  public static func writeSegmentation(
    labels: LabelVolume, source: StudyMetadata, to url: URL, deidentifier: Deidentifier? = nil,
    lesions: DicomLesionSegments? = nil
  ) throws -> DicomObjectIdentity {
    let kind = DicomObjectKind.segmentation
    let metadata = prepared(source, deidentifier)
    try checkSegmentationInput(labels: labels, source: metadata, url: url)
    try lesions?.check(voxelCount: labels.size.count, url: url)
    try requireStudyDate(metadata, kind: kind, url: url)

    let identity = segmentationIdentity(labels: labels, source: metadata, lesions: lesions)
    try DicomFileWriter.write(to: url, kind: kind) { path in
      let builder = try DicomSegmentationBuilder(
        rows: labels.size.ny, columns: labels.size.nx, label: "LUNGS",
        description: "Lungs and lung lesions")
      try builder.setGeometry(
        labels.geometry, sliceThicknessMM: metadata.sliceThicknessMM ?? labels.geometry.spacing.z)
      try addSegments(labels: labels, source: metadata, to: builder)
      if let lesions {
        try addLesionSegments(lesions, geometry: labels.geometry, source: metadata, to: builder)
      }

      let common = try DicomCommonAttributes.make(
        source: metadata, kind: kind, identity: identity, deidentified: deidentifier != nil)
      // Frame of Reference and Series Instance UIDs are checked above.
      try common.set(.frameOfReferenceUID, metadata.frameOfReferenceUID!)
      try common.set(.positionReferenceIndicator, "")
      try common.setReferencedSeries(
        seriesInstanceUID: metadata.seriesInstanceUID!,
        sopClassUID: metadata.sopClassUID ?? ctImageStorage,
        instanceUIDs: metadata.sopInstanceUIDs)
      let dimensionUID = DicomUID.derive(kind: "dimensions.seg", [identity.sopInstanceUID])
      try builder.write(common: common, dimensionOrganizationUID: dimensionUID, to: path)
    }
    return identity
  }

  /// The identity `writeSegmentation` gives the object for these inputs (already
  /// de-identified `source` when the object is), without writing it.
  public static func segmentationIdentity(
    labels: LabelVolume, source: StudyMetadata, lesions: DicomLesionSegments? = nil
  ) -> DicomObjectIdentity {
    let geometry = labels.geometry
    let description = [
      geometry.origin.array, geometry.spacing.array, geometry.direction.c0.array,
      geometry.direction.c1.array, geometry.direction.c2.array,
    ].flatMap { $0 }.map { String($0) }.joined(separator: ",")
    var content = runLengths(labels.labels) + Array(description.utf8)
    if let lesions {
      content += runLengths(lesions.lesionMap)
      content += Array(lesions.lesions.map(\.description).joined(separator: "\n").utf8)
    }
    let digest = DicomSHA256.hex(content)
    return DicomObjectIdentity(kind: .segmentation, source: source, contentDigest: digest)
  }

  /// The labels as (value, run length as 4 bytes) runs: the same information as the voxels
  /// in far fewer bytes, so hashing it stays quick even in debug builds.
  static func runLengths<Value: FixedWidthInteger>(_ values: [Value]) -> [UInt8] {
    var runs: [UInt8] = []
    values.withUnsafeBufferPointer { voxels in
      var start = 0
      while start < voxels.count {
        let value = voxels[start]
        var end = start + 1
        while end < voxels.count && voxels[end] == value { end += 1 }
        let length = UInt32(truncatingIfNeeded: end - start)
        for shift in stride(from: Value.bitWidth - 8, through: 0, by: -8) {
          runs.append(UInt8(truncatingIfNeeded: value >> shift))
        }
        for shift in stride(from: 24, through: 0, by: -8) {
          runs.append(UInt8(truncatingIfNeeded: length >> UInt32(shift)))
        }
        start = end
      }
    }
    return runs
  }

  private static func checkSegmentationInput(
    labels: LabelVolume, source: StudyMetadata, url: URL
  ) throws {
    let noun = DicomObjectKind.segmentation.noun
    guard source.frameOfReferenceUID != nil, source.seriesInstanceUID != nil else {
      throw DicomOutputsError.invalidInput(
        path: url.path, object: noun,
        problem: "the source series has no Frame of Reference UID or Series Instance UID")
    }
    guard source.sopInstanceUIDs.count == labels.size.nz else {
      throw DicomOutputsError.invalidInput(
        path: url.path, object: noun,
        problem: "the labels have \(labels.size.nz) slices but the source series has "
          + "\(source.sopInstanceUIDs.count) instances")
    }
    guard labels.size.count > 0 else {
      throw DicomOutputsError.invalidInput(
        path: url.path, object: noun, problem: "the label volume has no voxels")
    }
    guard labels.size.nx <= UInt16.max, labels.size.ny <= UInt16.max else {
      throw DicomOutputsError.invalidInput(
        path: url.path, object: noun, problem: "the slices are larger than DICOM allows")
    }
  }

  private static func addSegments(
    labels: LabelVolume, source: StudyMetadata, to builder: DicomSegmentationBuilder
  ) throws {
    let sopClass = source.sopClassUID ?? ctImageStorage
    let present = labelsPresent(labels)
    for definition in DicomSegmentDefinition.lungAndLesions {
      let trackingUID = DicomUID.trackingUID(patient: source.patient, trackingID: definition.label)
      let number = try builder.addSegment(definition, trackingUID: trackingUID)
      let bit = UInt64(1) << UInt64(definition.labelValue)
      var slices = present.indices.filter { present[$0] & bit != 0 }
      if slices.isEmpty { slices = [0] }
      for k in slices {
        try builder.addFrame(
          segment: number,
          mask: sliceMask(
            labels.labels, sliceCount: labels.size.sliceCount, k: k,
            value: definition.labelValue),
          positionLPS: labels.geometry.point(0, 0, Double(k)), stackPosition: k + 1,
          sourceSOPClassUID: sopClass, sourceSOPInstanceUID: source.sopInstanceUIDs[k])
      }
    }
  }

  /// Which segment label values (below 64) occur on each slice, as bit sets, in one pass.
  private static func labelsPresent(_ labels: LabelVolume) -> [UInt64] {
    let count = labels.size.sliceCount
    let bits = UInt8(UInt64.bitWidth)
    return labels.labels.withUnsafeBufferPointer { all in
      (0..<labels.size.nz).map { k in
        var present: UInt64 = 0
        // baseAddress is non-nil: the volume has count * nz > 0 labels here.
        let slice = all.baseAddress! + k * count
        for index in 0..<count where slice[index] < bits {
          present |= 1 << UInt64(slice[index])
        }
        return present
      }
    }
  }

  /// The 0/1 mask of `value` on slice k, rows (j) of columns (i).
  static func sliceMask<Value: FixedWidthInteger>(
    _ values: [Value], sliceCount count: Int, k: Int, value: Value
  ) -> [UInt8] {
    values.withUnsafeBufferPointer { all in
      [UInt8](unsafeUninitializedCapacity: count) { mask, initialized in
        let slice = all.baseAddress! + k * count
        // baseAddress is non-nil: the volume has count * nz > 0 labels when called.
        for index in 0..<count { mask[index] = slice[index] == value ? 1 : 0 }
        initialized = count
      }
    }
  }
}

extension DicomOutputs {
  /// Adds one segment per lesion with a frame on each slice it touches.
  fileprivate static func addLesionSegments(
    _ lesions: DicomLesionSegments, geometry: Geometry, source: StudyMetadata,
    to builder: DicomSegmentationBuilder
  ) throws {
    let sopClass = source.sopClassUID ?? ctImageStorage
    let sliceCount = geometry.size.sliceCount
    let ranges = lesions.sliceRanges(sliceCount: sliceCount)
    for lesion in lesions.lesions {
      let definition = DicomSegmentDefinition(lesion: lesion)
      let trackingUID = DicomUID.trackingUID(patient: source.patient, trackingID: lesion.trackingID)
      let number = try builder.addSegment(definition, trackingUID: trackingUID)
      for k in ranges[lesion.mapValue].map(Array.init) ?? [0] {
        let mask = sliceMask(
          lesions.lesionMap, sliceCount: sliceCount, k: k, value: lesion.mapValue)
        guard mask.contains(1) || ranges[lesion.mapValue] == nil else { continue }
        try builder.addFrame(
          segment: number, mask: mask, positionLPS: geometry.point(0, 0, Double(k)),
          stackPosition: k + 1, sourceSOPClassUID: sopClass,
          sourceSOPInstanceUID: source.sopInstanceUIDs[k])
      }
    }
  }
}
