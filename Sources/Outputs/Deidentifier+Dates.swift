import Imaging

extension Deidentifier {
  /// `date` moved by this patient's shift (`dateShiftDays(for:)`), in the format it came in:
  /// `YYYYMMDD` (DICOM DA) or `YYYY-MM-DD`. Returns an empty string for anything else, since a
  /// value that cannot be shifted must not pass through unchanged.
  public func shiftDate(_ date: String, patient: PatientInfo) -> String {
    let dashed = date.count == 10
    let digits = dashed ? date.filter { $0 != "-" } : date
    guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      !dashed || (date.dropFirst(4).first == "-" && date.dropFirst(7).first == "-"),
      let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
      let day = Int(digits.suffix(2)), CivilDate.isValid(year, month, day)
    else { return "" }

    let shifted = CivilDate.fromDays(
      CivilDate.days(year, month, day) + dateShiftDays(for: patient))
    let text = CivilDate.format(shifted, separator: dashed ? "-" : "")
    return text
  }
}

/// Proleptic Gregorian dates as day counts (days since 1970-01-01), without the calendar or
/// time zone machinery of Foundation, so shifting never depends on the machine's settings.
enum CivilDate {
  static func isValid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }

  /// Days since 1970-01-01 of a valid date (era-based algorithm, exact for all years).
  static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` after 1970-01-01.
  static func fromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func format(_ date: (year: Int, month: Int, day: Int), separator: String) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return [pad(date.year, 4), pad(date.month, 2), pad(date.day, 2)].joined(separator: separator)
  }
}
