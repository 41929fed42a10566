import Imaging

/// Deterministic DICOM UIDs: the same inputs always give the same UID, so re-running ctcase
/// writes byte-identical objects, and the clock is never read.
///
/// A UID is `2.25.` followed by the decimal value of a 128-bit number (DICOM PS3.5 B.2, UUID
/// derived). The number is the first 16 bytes of SHA-256 over the parts that identify the thing
/// named, joined with a separator that cannot occur in them, with the UUID version (8, custom)
/// and variant bits set as RFC 9562 asks so the number is also a valid UUID.
public enum DicomUID {
  /// The prefix of UUID-derived UIDs.
  static let uuidRoot = "2.25."
  private static let partSeparator: UInt8 = 0x1f
  private static let uuidBytes = 16
  private static let versionByte = 6
  private static let variantByte = 8
  private static let customVersion: UInt8 = 0x80
  private static let rfcVariant: UInt8 = 0x80

  /// The UID for the thing identified by `parts` (in order); `kind` says what is named
  /// ("series.pdf", "instance.seg", ...) so different objects of the same input never share a
  /// UID.
  public static func derive(kind: String, _ parts: [String]) -> String {
    var message = Array("ctcase.uid".utf8)
    for part in [kind] + parts {
      message.append(partSeparator)
      message += Array(part.utf8)
    }
    var bytes = Array(DicomSHA256.digest(message).prefix(uuidBytes))
    bytes[versionByte] = (bytes[versionByte] & 0x0f) | customVersion
    bytes[variantByte] = (bytes[variantByte] & 0x3f) | rfcVariant
    return uuidRoot + decimal(bytes)
  }

  /// The tracking UID of a lesion: stable across every study of one patient for one tracking
  /// identifier, so a PACS can follow the lesion from study to study.
  public static func trackingUID(patient: PatientInfo, trackingID: String) -> String {
    derive(kind: "tracking", [patientKey(patient), trackingID])
  }

  /// What identifies a patient across studies: the patient ID when there is one (names are
  /// spelled differently from study to study more often than IDs change), else name and birth
  /// date.
  public static func patientKey(_ patient: PatientInfo) -> String {
    if let id = patient.id, !id.isEmpty { return "id:" + id }
    return "name:" + (patient.name ?? "") + "\u{1f}" + (patient.birthDate ?? "")
  }

  /// The big-endian bytes as an unsigned decimal number without leading zeros.
  static func decimal(_ bytes: [UInt8]) -> String {
    var digits: [UInt8] = []
    var number = bytes
    while number.contains(where: { $0 != 0 }) {
      var remainder = 0
      for i in number.indices {
        let value = remainder * 256 + Int(number[i])
        number[i] = UInt8(value / 10)
        remainder = value % 10
      }
      digits.append(UInt8(remainder))
    }
    guard !digits.isEmpty else { return "0" }
    return String(digits.reversed().map { Character(String($0)) })
  }
}
