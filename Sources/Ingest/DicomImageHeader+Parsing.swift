import Imaging

extension DicomImageHeader {
  private static let defaultBitsAllocated = 16

  /// Reads the header of a DICOM file.
  /// - Throws: `IngestError` naming the file when it is not DICOM or cannot be parsed.
  static func read(path: String, byteCount: Int) throws -> DicomImageHeader {
    let file = try DicomFile(path: path, headerOnly: true)
    return DicomImageHeader(file: file, byteCount: byteCount)
  }

  init(file: DicomFile, byteCount: Int) {
    let bitsAllocated = file.int(.bitsAllocated) ?? Self.defaultBitsAllocated
    self.init(
      path: file.path, byteCount: byteCount, transferSyntaxUID: file.transferSyntaxUID,
      sopClassUID: file.string(.sopClassUID), sopInstanceUID: file.string(.sopInstanceUID),
      studyInstanceUID: file.string(.studyInstanceUID),
      seriesInstanceUID: file.string(.seriesInstanceUID),
      frameOfReferenceUID: file.string(.frameOfReferenceUID),
      modality: file.string(.modality)?.uppercased(), imageType: file.strings(.imageType),
      instanceNumber: file.int(.instanceNumber), rows: file.int(.rows) ?? 0,
      columns: file.int(.columns) ?? 0, bitsAllocated: bitsAllocated,
      bitsStored: file.int(.bitsStored) ?? bitsAllocated,
      isSigned: file.int(.pixelRepresentation) == 1,
      samplesPerPixel: file.int(.samplesPerPixel) ?? 1,
      photometricInterpretation: file.string(.photometricInterpretation),
      pixelSpacing: Self.sharedOrTop(file, .pixelSpacing, group: .pixelMeasuresSequence),
      sliceThicknessMM: Self.sharedOrTop(file, .sliceThickness, group: .pixelMeasuresSequence)?
        .first,
      gantryTiltDegrees: file.double(.gantryTilt), paddingValue: file.int(.pixelPaddingValue),
      paddingRangeLimit: file.int(.pixelPaddingRangeLimit),
      burnedInAnnotation: file.string(.burnedInAnnotation)?.uppercased() == "YES",
      frames: Self.frames(of: file), declaredFrameCount: max(1, file.int(.numberOfFrames) ?? 1),
      studyDateText: file.string(.studyDate),
      seriesDateText: file.string(.seriesDate),
      acquisitionDateText: file.string(.acquisitionDate),
      studyDescription: file.string(.studyDescription),
      seriesDescription: file.string(.seriesDescription),
      institutionName: file.string(.institutionName), studyTime: file.string(.studyTime),
      studyID: file.string(.studyID), accessionNumber: file.string(.accessionNumber),
      referringPhysicianName: file.string(.referringPhysicianName),
      manufacturer: file.string(.manufacturer),
      patient: PatientInfo(
        name: file.string(.patientName), id: file.string(.patientID),
        birthDate: DicomDate.isoDate(file.string(.patientBirthDate)),
        sex: file.string(.patientSex), age: file.string(.patientAge)),
      specificCharacterSet: file.string(.specificCharacterSet),
      charsetConverted: file.charsetConverted)
  }

  /// A value from the top level, else from the shared functional groups (enhanced images).
  private static func sharedOrTop(_ file: DicomFile, _ tag: DicomTag, group: DicomTag)
    -> [Double]?
  {
    file.doubles(tag) ?? file.doubles(tag, in: [(.sharedFunctionalGroups, 0), (group, 0)])
  }

  /// One frame per image for classic images; per-frame functional groups for enhanced ones.
  private static func frames(of file: DicomFile) -> [DicomFrame] {
    let frameCount = max(1, file.int(.numberOfFrames) ?? 1)
    let perFrame = file.sequenceCount(.perFrameFunctionalGroups)
    guard perFrame > 0 else {
      guard frameCount == 1 else { return [] }
      return [
        DicomFrame(
          index: 0, position: vector(file.doubles(.imagePositionPatient)),
          orientation: file.doubles(.imageOrientationPatient),
          rescaleSlope: rescale(file, .rescaleSlope, absent: 1),
          rescaleIntercept: rescale(file, .rescaleIntercept, absent: 0))
      ]
    }
    return (0..<min(frameCount, perFrame)).map { enhancedFrame(file, $0) }
  }

  /// A rescale value; `absent` when the element is missing, NaN when it is there but is not a
  /// finite number (the decoder refuses such a frame rather than read it as 1 or 0).
  private static func rescale(_ file: DicomFile, _ tag: DicomTag, absent: Double) -> Double {
    guard !file.strings(tag).isEmpty else { return absent }
    return file.double(tag) ?? .nan
  }

  private static func enhancedFrame(_ file: DicomFile, _ index: Int) -> DicomFrame {
    func value(_ tag: DicomTag, _ group: DicomTag) -> [Double]? {
      file.doubles(tag, in: [(.perFrameFunctionalGroups, index), (group, 0)])
        ?? file.doubles(tag, in: [(.sharedFunctionalGroups, 0), (group, 0)]) ?? file.doubles(tag)
    }
    return DicomFrame(
      index: index, position: vector(value(.imagePositionPatient, .planePositionSequence)),
      orientation: value(.imageOrientationPatient, .planeOrientationSequence),
      rescaleSlope: value(.rescaleSlope, .pixelValueTransformationSequence)?.first ?? 1,
      rescaleIntercept: value(.rescaleIntercept, .pixelValueTransformationSequence)?.first ?? 0)
  }

  private static func vector(_ values: [Double]?) -> Vector3? {
    guard let values, values.count == 3 else { return nil }
    return Vector3(values[0], values[1], values[2])
  }
}
