/// What ingest learned about a study besides its voxels: who, when, which series, and why.
///
/// Identifying fields (`patient`) travel only to outputs that the user asked to carry them; the
/// de-identification step in Outputs replaces them before anything is written.
public struct StudyMetadata: Sendable, Codable, Equatable {
  public var patient: PatientInfo
  /// Study date as `YYYY-MM-DD` (from StudyDate, else SeriesDate/AcquisitionDate), if known.
  public var studyDate: String?
  public var studyInstanceUID: String?
  public var seriesInstanceUID: String?
  public var frameOfReferenceUID: String?
  public var studyDescription: String?
  public var seriesDescription: String?
  public var institutionName: String?
  public var manufacturer: String?
  public var modality: String?
  public var sliceThicknessMM: Double?
  public var transferSyntax: String?
  /// Why this series was chosen for lung analysis, in words (English).
  public var selectionReason: String?
  /// The same choice as facts, for reports in other languages.
  public var seriesChoice: SeriesChoice?
  /// SOP Instance UIDs of the source images, in slice order (for SR/SEG references).
  public var sopInstanceUIDs: [String]
  public var sopClassUID: String?
  public var burnedInAnnotation: Bool
  /// Study Time (0008,0030) as DICOM TM text (`HHMMSS` with optional fraction), if given.
  public var studyTime: String?
  /// Study ID (0020,0010), the scanner's or RIS's short study number, if given.
  public var studyID: String?
  /// Accession Number (0008,0050), the order number a RIS/PACS files the study under.
  public var accessionNumber: String?
  /// Referring Physician's Name (0008,0090) as decoded PN text (`Family^Given`), if given.
  public var referringPhysicianName: String?

  public init(
    patient: PatientInfo = PatientInfo(), studyDate: String? = nil, studyInstanceUID: String? = nil,
    seriesInstanceUID: String? = nil, frameOfReferenceUID: String? = nil,
    studyDescription: String? = nil, seriesDescription: String? = nil,
    institutionName: String? = nil, manufacturer: String? = nil, modality: String? = nil,
    sliceThicknessMM: Double? = nil, transferSyntax: String? = nil, selectionReason: String? = nil,
    sopInstanceUIDs: [String] = [], sopClassUID: String? = nil, burnedInAnnotation: Bool = false,
    studyTime: String? = nil, studyID: String? = nil, accessionNumber: String? = nil,
    referringPhysicianName: String? = nil
  ) {
    self.patient = patient
    self.studyDate = studyDate
    self.studyInstanceUID = studyInstanceUID
    self.seriesInstanceUID = seriesInstanceUID
    self.frameOfReferenceUID = frameOfReferenceUID
    self.studyDescription = studyDescription
    self.seriesDescription = seriesDescription
    self.institutionName = institutionName
    self.manufacturer = manufacturer
    self.modality = modality
    self.sliceThicknessMM = sliceThicknessMM
    self.transferSyntax = transferSyntax
    self.selectionReason = selectionReason
    self.sopInstanceUIDs = sopInstanceUIDs
    self.sopClassUID = sopClassUID
    self.burnedInAnnotation = burnedInAnnotation
    self.seriesChoice = nil
    self.studyTime = studyTime
    self.studyID = studyID
    self.accessionNumber = accessionNumber
    self.referringPhysicianName = referringPhysicianName
  }
}

/// Patient attributes as decoded from DICOM (character set applied) or given in a manifest.
public struct PatientInfo: Sendable, Codable, Equatable {
  public var name: String?
  public var id: String?
  /// `YYYY-MM-DD` when known.
  public var birthDate: String?
  /// "M", "F" or "O" as in DICOM.
  public var sex: String?
  /// DICOM age string such as "045Y", when present.
  public var age: String?

  public init(
    name: String? = nil, id: String? = nil, birthDate: String? = nil, sex: String? = nil,
    age: String? = nil
  ) {
    self.name = name
    self.id = id
    self.birthDate = birthDate
    self.sex = sex
    self.age = age
  }
}

/// A problem with input that ingest handled (the volume is still right) and wants the user to
/// know about. `file` is the path the user gave (or one inside it); never patient data.
public struct IngestWarning: Sendable, Codable, Equatable, CustomStringConvertible {
  public var code: String
  public var file: String
  public var message: String

  public init(code: String, file: String, message: String) {
    self.code = code
    self.file = file
    self.message = message
  }

  public var description: String { "\(file): \(message) [\(code)]" }
}
