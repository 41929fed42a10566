import Imaging
import Testing

/// The one date type every stage uses: day numbers, arithmetic across month ends and leap
/// days, and the text forms (ISO, DICOM DA, axis labels).
@Suite struct CalendarDateTests {
  @Test(arguments: [
    (1970, 1, 1, 0), (2000, 3, 1, 11_017), (1969, 12, 31, -1), (2020, 1, 20, 18_281),
  ])
  func dayNumbersMatchKnownDates(year: Int, month: Int, day: Int, number: Int) throws {
    let date = try #require(CalendarDate(year: year, month: month, day: day))
    #expect(date.dayNumber == number)
    #expect(CalendarDate(dayNumber: number) == date)
  }

  @Test(arguments: [
    ("2020-01-20", 6, "2020-01-26"), ("2020-01-30", 3, "2020-02-02"),
    ("2020-02-27", 3, "2020-03-01"), ("2019-12-30", 2, "2020-01-01"),
    ("2020-01-20", -4, "2020-01-16"), ("2021-02-28", 1, "2021-03-01"),
  ])
  func addingDaysCrossesMonthsYearsAndLeapDays(start: String, days: Int, expected: String) throws {
    let date = try #require(CalendarDate(start))
    let later = date.adding(days: days)
    #expect(later.description == expected)
    #expect(later.days(since: date) == days)
    #expect(later.monthDay == String(expected.suffix(5)))
    #expect(later.dicom == expected.replacingOccurrences(of: "-", with: ""))
  }

  @Test(arguments: ["2020-13-01", "2020-02-30", "2023-02-29", "20-01-01", "2020/01/01", ""])
  func impossibleOrMalformedDatesAreRejected(text: String) {
    #expect(CalendarDate(text) == nil)
  }

  @Test func dicomDatesParse() {
    #expect(CalendarDate(dicom: "20000229")?.description == "2000-02-29")
    #expect(CalendarDate(dicom: "20230229") == nil)
    #expect(CalendarDate(dicom: "2023-02-01") == nil)
  }
}
