import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

@Suite("De-identified DICOM outputs")
struct DicomDeidentifiedOutputsTests {
  /// Everything identifying in the fixture, in every form an output could carry it.
  static let identifyingStrings = [
    "Zhang", "Wei", DicomTestFixtures.chineseName, DicomTestFixtures.patientID, "PID-0042",
    "19610715", "1961-07-15", "Riverside", "Mueller", "B70f", "20240203", "2024-02-03",
    "1.2.826.0.1.3680043.8.498.1001", DicomTestFixtures.studyID,
    DicomTestFixtures.accessionNumber, "Hans", "穆勒",
  ]

  @Test(
    "no name, ID, birth date, institution, date or source UID survives in any object",
    .enabled(if: DicomTools.isInstalled("dcmdump") && DicomTools.isInstalled("dciodvfy")))
  func nothingSurvives() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-deid")
    let deidentifier = Deidentifier(secret: "library-secret")
    let source = DicomTestFixtures.metadata()
    let labels = DicomTestFixtures.labels()
    let pdf = folder.appendingPathComponent("report.dcm")
    let seg = folder.appendingPathComponent("seg.dcm")
    let sr = folder.appendingPathComponent("sr.dcm")

    try DicomOutputs.writeEncapsulatedPDF(
      pdf: DicomTestFixtures.pdf(), source: source, title: "Case report", to: pdf,
      deidentifier: deidentifier)
    let segmentation = try DicomOutputs.writeSegmentation(
      labels: labels, source: source, to: seg, deidentifier: deidentifier)
    var input = DicomMeasurementReportTests.input(source: source)
    input.segmentation = segmentation
    try DicomOutputs.writeMeasurementReport(input, to: sr, deidentifier: deidentifier)

    for url in [pdf, seg, sr] {
      #expect(try DicomTools.validationErrors(url.path) == [], "\(url.lastPathComponent)")
      let dump = try DicomTools.dump(url.path)
      for secret in Self.identifyingStrings {
        #expect(!dump.contains(secret), "\(secret) survived in \(url.lastPathComponent)")
      }
      let pseudonym = deidentifier.pseudonym(for: source.patient)
      #expect(dump.contains("(0010,0010) PN [\(pseudonym)]"))
      #expect(dump.contains("(0012,0062) CS [YES]"))
      let shifted = deidentifier.shiftDate("20240203", patient: source.patient)
      #expect(dump.contains("(0008,0020) DA [\(shifted)]"))
    }
  }
}
