import Foundation

/// DICOM DA values (YYYYMMDD) checked and turned into ISO `YYYY-MM-DD`.
enum DicomDate {
  private static let digitCount = 8
  private static let monthsPerYear = 12

  /// `YYYY-MM-DD` for a valid calendar date with a plausible year, else nil. Accepts the old
  /// `YYYY.MM.DD` form too.
  static func isoDate(_ text: String?) -> String? {
    guard let text else { return nil }
    let digits = text.filter { $0 != "." }
    guard digits.count == digitCount, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
      let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
      let day = Int(digits.suffix(2)), IngestLimits.plausibleYears.contains(year),
      (1...monthsPerYear).contains(month), (1...daysIn(month: month, year: year)).contains(day)
    else { return nil }
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
