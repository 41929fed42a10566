import Foundation
import Imaging

extension Deidentifier {
  /// A file-name stem with nothing of `patient` left in it: the patient's ID and name parts
  /// become the pseudonym, dates (`YYYYMMDD` or `YYYY-MM-DD`) are shifted like every other
  /// date (the birth date is removed), and characters other than ASCII letters, digits, `-`,
  /// `_` and `.` are dropped, which also removes names in other scripts.
  ///
  /// Example: "zhang_wei_PID-0042_20240203" -> "CASE-XXXXXXXXXX_CASE-XXXXXXXXXX_CASE-..._2019..."
  public func fileStem(_ stem: String, patient: PatientInfo) -> String {
    var text = stem
    let birth = [patient.birthDate, patient.birthDate.map { $0.filter { $0 != "-" } }]
    for date in birth.compactMap({ $0 }) where !date.isEmpty {
      text = text.replacingOccurrences(of: date, with: "")
    }
    for token in identifyingTokens(patient) {
      text = text.replacingOccurrences(
        of: token, with: pseudonym(for: patient), options: .caseInsensitive)
    }
    text = shiftingDates(in: text, patient: patient)
    return String(text.unicodeScalars.filter(Self.isFileNameScalar).map(Character.init))
  }

  /// The ID and each name part (split at `^`, `=` and spaces), longest first so a part
  /// inside a longer one does not break it up; parts shorter than two letters are skipped.
  private func identifyingTokens(_ patient: PatientInfo) -> [String] {
    let separators = CharacterSet(charactersIn: "^= ")
    let parts = (patient.name ?? "").components(separatedBy: separators)
    let tokens = Set(([patient.id ?? ""] + parts).filter { $0.count >= 2 })
    return tokens.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
  }

  /// Every run of eight digits or `dddd-dd-dd` that is a valid date, shifted.
  private func shiftingDates(in text: String, patient: PatientInfo) -> String {
    var result = ""
    var rest = Substring(text)
    while !rest.isEmpty {
      if let length = [10, 8].first(where: { isDate(rest.prefix($0)) }) {
        result += shiftDate(String(rest.prefix(length)), patient: patient)
        rest = rest.dropFirst(length)
      } else {
        result.append(rest.removeFirst())
      }
    }
    return result
  }

  private func isDate(_ candidate: Substring) -> Bool {
    (candidate.count == 8 || candidate.count == 10)
      && !shiftDate(String(candidate), patient: PatientInfo()).isEmpty
  }

  private static func isFileNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
  }
}
