import Imaging

/// The patient, study, series, equipment and SOP Common attributes every ctcase object carries,
/// copied from the source CT study (patient and study) or made for the new series.
///
/// Dates come from the source study date (never the clock); the new series' own times are
/// midnight, as the input has no time. Study Time, Study ID, Accession Number and Referring
/// Physician's Name are the source study's (emptied by de-identification); values that are not
/// known stay empty, which these type 2 attributes allow.
enum DicomCommonAttributes {
  /// UTF-8, so Chinese and Latin names both round-trip.
  static let characterSet = "ISO_IR 192"
  static let manufacturer = "ctcase"
  static let midnight = "000000"
  /// Longest TM and SH values (PS3.5 Table 6.2-1).
  static let maxTimeLength = 14
  static let maxTimeFractionDigits = 6
  static let maxShortStringLength = 16
  /// The basic application confidentiality profile (PS3.15 Table CID 7050).
  static let basicProfileCode = DicomCode(
    "113100", "DCM", "Basic Application Confidentiality Profile")
  /// The profile options ctcase follows: dates shifted with intervals and times kept, and
  /// sex and age kept (PS3.15 Table CID 7050).
  static let profileOptionCodes = [
    DicomCode("113107", "DCM", "Retain Longitudinal Temporal Information Modified Dates Option"),
    DicomCode("113108", "DCM", "Retain Patient Characteristics Option"),
  ]

  /// Builds the attribute set for an object of `kind` with the given identity.
  static func make(
    source: StudyMetadata, kind: DicomObjectKind, identity: DicomObjectIdentity,
    deidentified: Bool
  ) throws -> DicomAttributes {
    let attributes = DicomAttributes()
    try attributes.set(.specificCharacterSet, characterSet)
    try setPatient(source.patient, on: attributes)
    try setStudy(source, identity: identity, on: attributes)
    try setSeries(kind: kind, identity: identity, date: dicomDate(source.studyDate), on: attributes)
    if deidentified { try setDeidentification(on: attributes) }
    return attributes
  }

  /// `YYYY-MM-DD` or `YYYYMMDD` as DICOM DA (`YYYYMMDD`); empty when absent or malformed.
  static func dicomDate(_ date: String?) -> String {
    guard let date else { return "" }
    let digits = date.filter { $0 != "-" }
    guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return "" }
    return digits
  }

  /// DICOM TM text (`HH`, `HHMM`, `HHMMSS` or `HHMMSS.F` with 1-6 fraction digits) as
  /// given; empty when absent or malformed, so a bad source value never makes a bad object.
  static func dicomTime(_ time: String?) -> String {
    guard let time, time.count <= maxTimeLength else { return "" }
    let parts = time.split(separator: ".", omittingEmptySubsequences: false)
    let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
    guard parts.count <= 2, [2, 4, 6].contains(parts[0].count), digits(parts[0]) else { return "" }
    if parts.count == 2
      && (parts[0].count != 6 || !(1...maxTimeFractionDigits).contains(parts[1].count)
        || !digits(parts[1]))
    {
      return ""
    }
    return time
  }

  /// An SH value (Study ID, Accession Number) as given; empty when absent or too long.
  static func shortString(_ value: String?) -> String {
    guard let value, value.count <= maxShortStringLength, !value.contains("\\") else {
      return ""
    }
    return value
  }

  private static func setPatient(_ patient: PatientInfo, on attributes: DicomAttributes) throws {
    try attributes.set(.patientName, patient.name ?? "")
    try attributes.set(.patientID, patient.id ?? "")
    try attributes.set(.patientBirthDate, dicomDate(patient.birthDate))
    try attributes.set(.patientSex, patient.sex ?? "")
    if let age = patient.age { try attributes.set(.patientAge, age) }
  }

  private static func setStudy(
    _ source: StudyMetadata, identity: DicomObjectIdentity, on attributes: DicomAttributes
  ) throws {
    let date = dicomDate(source.studyDate)
    try attributes.set(.studyInstanceUID, identity.studyInstanceUID)
    try attributes.set(.studyDate, date)
    try attributes.set(.studyTime, dicomTime(source.studyTime))
    try attributes.set(.referringPhysicianName, source.referringPhysicianName ?? "")
    try attributes.set(.studyID, shortString(source.studyID))
    try attributes.set(.accessionNumber, shortString(source.accessionNumber))
    if let description = source.studyDescription {
      try attributes.set(.studyDescription, description)
    }
  }

  private static func setSeries(
    kind: DicomObjectKind, identity: DicomObjectIdentity, date: String,
    on attributes: DicomAttributes
  ) throws {
    let time = date.isEmpty ? "" : midnight
    try attributes.set(.modality, kind.modality)
    try attributes.set(.seriesInstanceUID, identity.seriesInstanceUID)
    try attributes.set(.seriesNumber, kind.seriesNumber)
    try attributes.set(.seriesDescription, kind.seriesDescription)
    try attributes.set(.seriesDate, date)
    try attributes.set(.seriesTime, time)
    try attributes.set(.sopClassUID, identity.sopClassUID)
    try attributes.set(.sopInstanceUID, identity.sopInstanceUID)
    try attributes.set(.instanceNumber, "1")
    try attributes.set(.contentDate, date)
    try attributes.set(.contentTime, time)
    try attributes.set(.instanceCreationDate, date)
    try attributes.set(.instanceCreationTime, time)
    try attributes.set(.manufacturer, manufacturer)
    try attributes.set(.manufacturerModelName, manufacturer)
    try attributes.set(.softwareVersions, ToolVersion.string)
  }

  private static func setDeidentification(on attributes: DicomAttributes) throws {
    try attributes.set(.patientIdentityRemoved, "YES")
    try attributes.set(.deidentificationMethod, Deidentifier.methodDescription)
    for (item, code) in ([basicProfileCode] + profileOptionCodes).enumerated() {
      try attributes.set(code, inItem: item, of: .deidentificationMethodCodeSequence)
    }
    try attributes.set(.longitudinalTemporalInformationModified, "MODIFIED")
  }
}
