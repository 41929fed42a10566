/// A `YYYY-MM-DD` calendar date as a day count, for day arithmetic without the clock or a
/// time zone (proleptic Gregorian calendar; day 0 is 1970-01-01).
public struct CivilDate: Sendable, Comparable, Hashable {
  public var dayNumber: Int

  /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.utf8.count == 10, parts.count == 3, let year = Int(parts[0]),
      let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    dayNumber = CivilDate.days(year: year, month: month, day: day)
  }

  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

  /// Year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    // Inverse of `days(year:month:day:)`: eras of 400 years of 146097 days.
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `MM-DD`, for axis labels.
  public var monthDay: String {
    let c = components
    return CivilDate.twoDigits(c.month) + "-" + CivilDate.twoDigits(c.day)
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  private static func daysIn(month: Int, year: Int) -> Int {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  private static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
