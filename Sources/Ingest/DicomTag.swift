/// A DICOM attribute tag (group, element) in the form the CDicom shim takes.
struct DicomTag: Hashable, Sendable {
  var group: UInt16
  var element: UInt16

  init(_ group: UInt16, _ element: UInt16) {
    self.group = group
    self.element = element
  }

  /// `(group << 16) | element`, the key CDicom's path functions take.
  var key: UInt32 { UInt32(group) << 16 | UInt32(element) }

  static let specificCharacterSet = DicomTag(0x0008, 0x0005)
  static let imageType = DicomTag(0x0008, 0x0008)
  static let sopClassUID = DicomTag(0x0008, 0x0016)
  static let sopInstanceUID = DicomTag(0x0008, 0x0018)
  static let studyDate = DicomTag(0x0008, 0x0020)
  static let seriesDate = DicomTag(0x0008, 0x0021)
  static let acquisitionDate = DicomTag(0x0008, 0x0022)
  static let studyTime = DicomTag(0x0008, 0x0030)
  static let accessionNumber = DicomTag(0x0008, 0x0050)
  static let modality = DicomTag(0x0008, 0x0060)
  static let manufacturer = DicomTag(0x0008, 0x0070)
  static let institutionName = DicomTag(0x0008, 0x0080)
  static let referringPhysicianName = DicomTag(0x0008, 0x0090)
  static let studyDescription = DicomTag(0x0008, 0x1030)
  static let seriesDescription = DicomTag(0x0008, 0x103E)
  static let patientName = DicomTag(0x0010, 0x0010)
  static let patientID = DicomTag(0x0010, 0x0020)
  static let patientBirthDate = DicomTag(0x0010, 0x0030)
  static let patientSex = DicomTag(0x0010, 0x0040)
  static let patientAge = DicomTag(0x0010, 0x1010)
  static let sliceThickness = DicomTag(0x0018, 0x0050)
  static let gantryTilt = DicomTag(0x0018, 0x1120)
  static let studyInstanceUID = DicomTag(0x0020, 0x000D)
  static let seriesInstanceUID = DicomTag(0x0020, 0x000E)
  static let studyID = DicomTag(0x0020, 0x0010)
  static let instanceNumber = DicomTag(0x0020, 0x0013)
  static let imagePositionPatient = DicomTag(0x0020, 0x0032)
  static let imageOrientationPatient = DicomTag(0x0020, 0x0037)
  static let frameOfReferenceUID = DicomTag(0x0020, 0x0052)
  static let samplesPerPixel = DicomTag(0x0028, 0x0002)
  static let photometricInterpretation = DicomTag(0x0028, 0x0004)
  static let numberOfFrames = DicomTag(0x0028, 0x0008)
  static let rows = DicomTag(0x0028, 0x0010)
  static let columns = DicomTag(0x0028, 0x0011)
  static let pixelSpacing = DicomTag(0x0028, 0x0030)
  static let bitsAllocated = DicomTag(0x0028, 0x0100)
  static let bitsStored = DicomTag(0x0028, 0x0101)
  static let pixelRepresentation = DicomTag(0x0028, 0x0103)
  static let pixelPaddingValue = DicomTag(0x0028, 0x0120)
  static let pixelPaddingRangeLimit = DicomTag(0x0028, 0x0121)
  static let burnedInAnnotation = DicomTag(0x0028, 0x0301)
  static let rescaleIntercept = DicomTag(0x0028, 0x1052)
  static let rescaleSlope = DicomTag(0x0028, 0x1053)

  // Enhanced (multi-frame) CT functional groups.
  static let sharedFunctionalGroups = DicomTag(0x5200, 0x9229)
  static let perFrameFunctionalGroups = DicomTag(0x5200, 0x9230)
  static let planePositionSequence = DicomTag(0x0020, 0x9113)
  static let planeOrientationSequence = DicomTag(0x0020, 0x9116)
  static let pixelMeasuresSequence = DicomTag(0x0028, 0x9110)
  static let pixelValueTransformationSequence = DicomTag(0x0028, 0x9145)
}
