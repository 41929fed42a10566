import Foundation

/// A calendar day (proleptic Gregorian), with no time and no time zone: the one date type of
/// every stage (manifest dates, the phantom's study dates, timeline axes, de-identifying date
/// shifts).
///
/// Day arithmetic is done on a day number computed from the date alone, so results never depend
/// on the machine's clock, calendar settings or time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// - Returns: nil when the numbers do not name a real day.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysInMonth(year, month)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` exactly; returns nil for anything else or for a day that does not exist.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The date `dayNumber` days after 1970-01-01 (before it when negative), by the
  /// days-to-civil inversion in eras of 400 years (146 097 days). Years outside 1...9999 are
  /// clamped to its ends, which no study date reaches.
  public init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.year = min(max(year, 1), 9999)
    self.month = month
    self.day = day
  }

  /// Parses the DICOM DA form `YYYYMMDD`.
  public init?(dicom text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard t.count == 8 else { return nil }
    let chars = Array(t)
    self.init(String(chars[0..<4]) + "-" + String(chars[4..<6]) + "-" + String(chars[6..<8]))
  }

  public var description: String {
    let y = String(year).leftPadded(4)
    return "\(y)-\(String(month).leftPadded(2))-\(String(day).leftPadded(2))"
  }

  /// Days since 1970-01-01 (negative before), by the civil-from-days inversion.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = (month + 9) % 12
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Whole days from `other` to this date (positive when this date is later).
  public func days(since other: CalendarDate) -> Int { dayNumber - other.dayNumber }

  /// The date `days` later (earlier when negative).
  public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

  /// `MM-DD`, for axis labels.
  public var monthDay: String {
    "\(String(month).leftPadded(2))-\(String(day).leftPadded(2))"
  }

  /// The DICOM DA form `YYYYMMDD`.
  public var dicom: String { description.replacingOccurrences(of: "-", with: "") }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

  static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...12).contains(month) ? lengths[month - 1] : 0
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    guard let d = CalendarDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "\"\(text)\" is not a valid date (YYYY-MM-DD)")
    }
    self = d
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
