import CDicom

/// An owned DCMTK TID 1500 Measurement Report under construction (`CDicomObjects_Report*`).
/// Not `Sendable`: one owner builds and writes it.
final class DicomReportBuilder {
  private let handle: OpaquePointer

  /// An Imaging Measurement Report in English observed by the ctcase device.
  init(deviceObserverUID: String, procedure: DicomCode) throws {
    var created: OpaquePointer?
    try DicomShim.withCode(procedure) { code in
      try DicomShim.check { error, size in
        created = CDicomObjects_ReportCreate(
          deviceObserverUID, DicomCommonAttributes.manufacturer, code, error, size)
        return created == nil ? 1 : 0
      }
    }
    // check() throws when creation returned nil, so created is set here.
    handle = created!
  }

  deinit { CDicomObjects_ReportFree(handle) }

  /// Adds a source image to the image library.
  func addImage(sopClassUID: String, sopInstanceUID: String, modality: String) throws {
    try DicomShim.check { error, size in
      CDicomObjects_ReportAddImage(handle, sopClassUID, sopInstanceUID, modality, error, size)
    }
  }

  /// Starts a TID 1411 group about one segment of `segmentation`.
  func addSegmentGroup(
    trackingID: String, trackingUID: String, finding: DicomCode, site: DicomCode,
    laterality: DicomCode?, segmentation: DicomObjectIdentity, segment: UInt16,
    sourceSeriesUID: String
  ) throws {
    try DicomShim.withCode(finding) { finding in
      try DicomShim.withCode(site) { site in
        try DicomShim.withOptionalCode(laterality) { laterality in
          try DicomShim.check { error, size in
            CDicomObjects_ReportAddGroup(
              handle, trackingID, trackingUID, finding, site, laterality,
              segmentation.sopClassUID, segmentation.sopInstanceUID, segment, sourceSeriesUID,
              error, size)
          }
        }
      }
    }
  }

  /// Adds a numeric measurement to the current segment group.
  func addMeasurement(
    _ concept: DicomCode, value: String, unit: DicomCode, derivation: DicomCode? = nil
  ) throws {
    try DicomShim.withCode(concept) { concept in
      try DicomShim.withCode(unit) { unit in
        try DicomShim.withOptionalCode(derivation) { derivation in
          try DicomShim.check { error, size in
            CDicomObjects_ReportAddMeasurement(
              handle, concept, value, unit, derivation, error, size)
          }
        }
      }
    }
  }

  /// Starts a TID 1501 group for whole-study figures.
  func addStudyGroup(
    trackingID: String, trackingUID: String, finding: DicomCode, site: DicomCode
  ) throws {
    try DicomShim.withCode(finding) { finding in
      try DicomShim.withCode(site) { site in
        try DicomShim.check { error, size in
          CDicomObjects_ReportAddStudyGroup(
            handle, trackingID, trackingUID, finding, site, error, size)
        }
      }
    }
  }

  /// Adds a numeric measurement to the current study group.
  func addStudyMeasurement(_ concept: DicomCode, value: String, unit: DicomCode) throws {
    try DicomShim.withCode(concept) { concept in
      try DicomShim.withCode(unit) { unit in
        try DicomShim.check { error, size in
          CDicomObjects_ReportAddStudyMeasurement(handle, concept, value, unit, error, size)
        }
      }
    }
  }

  /// Writes the report to `path` with `common` replacing DCMTK's generated attributes.
  func write(common: DicomAttributes, to path: String) throws {
    try DicomShim.check { error, size in
      CDicomObjects_ReportWriteFile(handle, common.handle, path, error, size)
    }
  }
}
