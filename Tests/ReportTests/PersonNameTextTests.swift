import Testing

@testable import Report

@Test(arguments: [
  ("Synthetic^Seed Course", "Synthetic, Seed Course"),
  ("Zhang^Wei=张^伟", "Zhang, Wei (张伟)"),
  ("张^伟", "张伟"),
  ("=张^伟", "张伟"),
  ("Doe^John^Quincy^Dr^Jr", "Dr Doe, John Quincy, Jr"),
  ("Doe", "Doe"),
  ("Wei Zhang", "Wei Zhang"),
  ("^Anonymous", "Anonymous"),
  ("^^^^", ""),
])
func personNameReadsAsWritten(raw: String, expected: String) {
  #expect(PersonNameText.display(raw) == expected)
}
