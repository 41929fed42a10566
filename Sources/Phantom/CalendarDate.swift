/// Proleptic Gregorian date arithmetic on `YYYY-MM-DD` strings, without any clock or time zone.
enum CalendarDate {
  /// The date `days` after `date`. - Precondition: `date` is a valid `YYYY-MM-DD`.
  static func adding(days: Int, to date: String) -> String {
    let parts = date.split(separator: "-").compactMap { Int($0) }
    precondition(parts.count == 3, "CalendarDate: '\(date)' is not YYYY-MM-DD")
    return civil(fromDays: daysFromCivil(parts[0], parts[1], parts[2]) + days)
  }

  /// Whole days from 1970-01-01 (Howard Hinnant's days-from-civil algorithm).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  /// The `YYYY-MM-DD` of a day count from 1970-01-01.
  static func civil(fromDays days: Int) -> String {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
