import Foundation
import Imaging
import Testing

@testable import Outputs

@Suite("De-identification of plain values")
struct DeidentifierTests {
  let deidentifier = Deidentifier(secret: "teaching-library-2024")
  let patient = DicomTestFixtures.patient

  @Test("the pseudonym is stable per patient and secret, and differs otherwise")
  func pseudonym() {
    let name = deidentifier.pseudonym(for: patient)
    #expect(name == Deidentifier(secret: "teaching-library-2024").pseudonym(for: patient))
    #expect(name.hasPrefix("CASE-") && name.count == 15)
    #expect(name != Deidentifier(secret: "other").pseudonym(for: patient))
    var other = patient
    other.id = "PID-0043"
    #expect(name != deidentifier.pseudonym(for: other))
    var respelled = patient
    respelled.name = "ZHANG^WEI"
    #expect(name == deidentifier.pseudonym(for: respelled))
  }

  @Test("study days 1, 3 and 6 stay 0, 2 and 5 days apart, across a month and a leap day")
  func intervalsKept() {
    let dates = ["2024-02-27", "2024-02-29", "2024-03-03"]
    let shifted = dates.map { deidentifier.shiftDate($0, patient: patient) }
    let days = shifted.map { CalendarDate($0)?.dayNumber ?? .min }
    #expect(days.map { $0 - days[0] } == [0, 2, 5])
    #expect(shifted[0] != dates[0])
    let shift = deidentifier.dateShiftDays(for: patient)
    #expect((-3_650 ... -365).contains(shift))
  }

  @Test(
    "dates keep their format; anything else is dropped",
    arguments: [
      ("20240203", 8), ("2024-02-03", 10), ("2024-02-30", 0), ("2024/02/03", 0), ("", 0),
      ("02032024x", 0),
    ])
  func dateFormats(input: String, length: Int) {
    #expect(deidentifier.shiftDate(input, patient: patient).count == length)
  }

  @Test(
    "metadata loses names, IDs, birth date, descriptions and institution; UIDs map consistently")
  func metadata() {
    let source = DicomTestFixtures.metadata()
    let result = deidentifier.apply(to: source)
    let text = String(decoding: try! JSONEncoder().encode(result), as: UTF8.self)
    for secret in DicomDeidentifiedOutputsTests.identifyingStrings {
      #expect(!text.contains(secret), "\(secret) survived")
    }
    #expect(result.patient.sex == "M")
    #expect(result.patient.age == "063Y")
    #expect(result.sopInstanceUIDs.count == source.sopInstanceUIDs.count)
    #expect(result.sopInstanceUIDs[1] == deidentifier.replaceUID(source.sopInstanceUIDs[1]))
    #expect(result.studyInstanceUID != source.studyInstanceUID)
    #expect(deidentifier.apply(to: source) == result)
  }

  @Test("ages over 89 years are removed")
  func oldAge() {
    var source = DicomTestFixtures.metadata()
    source.patient.age = "093Y"
    #expect(deidentifier.apply(to: source).patient.age == nil)
  }

  @Test("a series with burned-in annotation gives a warning")
  func burnedIn() {
    var source = DicomTestFixtures.metadata()
    #expect(deidentifier.warnings(for: source).isEmpty)
    source.burnedInAnnotation = true
    let warnings = deidentifier.warnings(for: source)
    #expect(warnings.count == 1)
    #expect("\(warnings[0])".contains("burned-in annotation"))
    #expect(!"\(warnings[0])".contains(source.seriesInstanceUID!))
  }

  @Test("file-name stems lose the name, ID and birth date; dates are shifted")
  func fileStems() {
    let stem = "Zhang_Wei_张伟_PID-0042-XYZ_19610715_20240203"
    let result = deidentifier.fileStem(stem, patient: patient)
    for secret in ["Zhang", "Wei", "张伟", "PID-0042", "19610715", "20240203"] {
      #expect(!result.contains(secret), "\(secret) survived in \(result)")
    }
    let pseudonym = deidentifier.pseudonym(for: patient)
    #expect(result.hasPrefix(pseudonym + "_" + pseudonym))
    #expect(result.hasSuffix(deidentifier.shiftDate("20240203", patient: patient)))
  }
}
