import Imaging

/// De-identification of the values ctcase copies or prints, after the DICOM basic application
/// level confidentiality profile (PS3.15 E.1) for those attributes.
///
/// - Patient name and ID become one pseudonym per patient, `CASE-` and ten base-32 characters
///   of HMAC-SHA-256(secret, "pseudonym" + patient key), where the patient key is the patient
///   ID, or name and birth date when there is no ID (`DicomUID.patientKey`). The same secret
///   and patient always give the same pseudonym; without the secret it can be neither traced
///   back nor recomputed.
/// - Dates move back by a per-patient number of days (365 to 3,650, from the same keyed hash),
///   so intervals between a patient's studies stay exact.
/// - Birth date is removed; age is kept below 90 years (older ages identify) and sex is kept
///   (the profile's Retain Patient Characteristics option).
/// - Free text that could identify (institution, study and series descriptions, and the
///   series-selection sentence, which quotes descriptions) is dropped.
/// - UIDs are replaced by UIDs derived from the secret and the original, so references between
///   objects stay consistent.
/// - A series that says it has burned-in annotation yields a warning (`warnings(for:)`).
public struct Deidentifier: Sendable {
  /// The text written to De-identification Method (0012,0063).
  public static let methodDescription = "ctcase: basic profile, keyed pseudonym, date shift"
  static let pseudonymPrefix = "CASE-"
  static let pseudonymLength = 10
  static let minimumShiftDays = 365
  static let shiftRangeDays = 3_286
  static let oldestKeptAgeYears = 89

  private let key: [UInt8]

  /// A de-identifier keyed by `secret`; keep the secret to reproduce the same pseudonyms.
  public init(secret: String) {
    key = Array(secret.utf8)
  }

  /// The pseudonym that replaces both the name and the ID of `patient`.
  public func pseudonym(for patient: PatientInfo) -> String {
    let digest = keyedHash("pseudonym", patient)
    return Self.pseudonymPrefix + Self.base32(digest).prefix(Self.pseudonymLength)
  }

  /// The number of days this patient's dates move (negative: into the past).
  public func dateShiftDays(for patient: PatientInfo) -> Int {
    let digest = keyedHash("date-shift", patient)
    let value = digest.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    return -(Self.minimumShiftDays + value % Self.shiftRangeDays)
  }

  /// `metadata` with identifying values replaced or dropped as described on the type.
  public func apply(to metadata: StudyMetadata) -> StudyMetadata {
    let patient = metadata.patient
    var result = metadata
    result.patient = PatientInfo(
      name: pseudonym(for: patient), id: pseudonym(for: patient), birthDate: nil,
      sex: patient.sex, age: Self.keptAge(patient.age))
    result.studyDate = metadata.studyDate.map { shiftDate($0, patient: patient) }
    result.studyInstanceUID = metadata.studyInstanceUID.map { replaceUID($0) }
    result.seriesInstanceUID = metadata.seriesInstanceUID.map { replaceUID($0) }
    result.frameOfReferenceUID = metadata.frameOfReferenceUID.map { replaceUID($0) }
    result.sopInstanceUIDs = metadata.sopInstanceUIDs.map { replaceUID($0) }
    result.studyDescription = nil
    result.seriesDescription = nil
    result.institutionName = nil
    result.selectionReason = nil
    result.accessionNumber = nil
    result.studyID = nil
    result.referringPhysicianName = nil
    return result
  }

  /// The UID that stands for `uid` in de-identified outputs (same for the same secret).
  public func replaceUID(_ uid: String) -> String {
    DicomUID.derive(
      kind: "deidentified", [Self.hex(DicomSHA256.hmac(key: key, message: Array(uid.utf8)))])
  }

  /// What the caller should tell the user about `metadata` before publishing it.
  public func warnings(for metadata: StudyMetadata) -> [DeidentificationWarning] {
    guard metadata.burnedInAnnotation else { return [] }
    return [.burnedInAnnotation(seriesInstanceUID: metadata.seriesInstanceUID.map(replaceUID))]
  }

  private func keyedHash(_ purpose: String, _ patient: PatientInfo) -> [UInt8] {
    let message = purpose + "\u{1f}" + DicomUID.patientKey(patient)
    return DicomSHA256.hmac(key: key, message: Array(message.utf8))
  }

  private static func keptAge(_ age: String?) -> String? {
    guard let age, age.hasSuffix("Y"), let years = Int(age.dropLast()) else { return age }
    return years > oldestKeptAgeYears ? nil : age
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0 >> 4, radix: 16) + String($0 & 0x0f, radix: 16) }.joined()
  }

  /// RFC 4648 base-32 letters without padding (digits 2-7 and A-Z; no 0/1/O/I confusion).
  static func base32(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    var result = ""
    var buffer = 0
    var bits = 0
    for byte in bytes {
      buffer = (buffer << 8) | Int(byte)
      bits += 8
      while bits >= 5 {
        bits -= 5
        result.append(alphabet[(buffer >> bits) & 0x1f])
      }
      buffer &= (1 << bits) - 1
    }
    return result
  }
}

/// Something de-identification cannot fix by itself and the user must know.
public enum DeidentificationWarning: Sendable, Equatable, CustomStringConvertible {
  /// The series says its pixels carry burned-in text (Burned In Annotation = YES).
  case burnedInAnnotation(seriesInstanceUID: String?)

  public var description: String {
    switch self {
    case .burnedInAnnotation(let series):
      return "series \(series ?? "(no UID)") says its images carry burned-in annotation; "
        + "text in the pixels is not removed and may identify the patient"
    }
  }
}
