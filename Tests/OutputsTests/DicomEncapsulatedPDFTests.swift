import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

@Suite("Encapsulated PDF")
struct DicomEncapsulatedPDFTests {
  let folder: URL

  init() throws {
    folder = try TestEnvironment.makeTemporaryDirectory("ctcase-pdf")
  }

  @Test(
    "dciodvfy finds no errors and dcm2pdf gives back the same bytes",
    .enabled(if: DicomTools.isInstalled("dciodvfy") && DicomTools.isInstalled("dcm2pdf")),
    arguments: ["2024-02-03", nil])
  func validatesAndRoundTrips(studyDate: String?) throws {
    let pdf = DicomTestFixtures.pdf()
    #expect(pdf.count % 2 == 1)
    var source = DicomTestFixtures.metadata()
    source.studyDate = studyDate
    let url = folder.appendingPathComponent("report.dcm")
    try DicomOutputs.writeEncapsulatedPDF(
      pdf: pdf, source: source, title: "Chest CT course report", to: url)

    #expect(try DicomTools.validationErrors(url.path) == [])
    let extracted = folder.appendingPathComponent("extracted.pdf")
    let result = try DicomTools.run("dcm2pdf '\(url.path)' '\(extracted.path)'")
    #expect(result.status == 0, "\(result.output)")
    #expect(try Data(contentsOf: extracted) == pdf)
  }

  @Test("patient and study are copied, the series is new, the file is reproducible")
  func copiesPatientAndStudy() throws {
    let source = DicomTestFixtures.metadata()
    let first = folder.appendingPathComponent("a.dcm")
    let second = folder.appendingPathComponent("b.dcm")
    let identity = try DicomOutputs.writeEncapsulatedPDF(
      pdf: DicomTestFixtures.pdf(), source: source, title: "Report", to: first)
    try DicomOutputs.writeEncapsulatedPDF(
      pdf: DicomTestFixtures.pdf(), source: source, title: "Report", to: second)

    #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    let dump = try DicomTools.dump(first.path)
    #expect(dump.contains(DicomTestFixtures.chineseName))
    #expect(dump.contains("[\(source.studyInstanceUID!)]"))
    #expect(dump.contains("[20240203]"))
    #expect(identity.seriesInstanceUID.hasPrefix("2.25."))
    #expect(identity.seriesInstanceUID != source.seriesInstanceUID)
    #expect(dump.contains("[\(identity.sopInstanceUID)]"))
    #expect(dump.contains("[\(source.sopInstanceUIDs[3])]"))
  }

  @Test("bytes that are not a PDF are refused with the file named")
  func refusesNonPDF() throws {
    let url = folder.appendingPathComponent("bad.dcm")
    #expect {
      try DicomOutputs.writeEncapsulatedPDF(
        pdf: Data("hello".utf8), source: DicomTestFixtures.metadata(), title: "x", to: url)
    } throws: { error in
      "\(error)" == "\(url.path): cannot write the DICOM Encapsulated PDF: "
        + "the document does not start with %PDF-"
    }
    #expect(!FileManager.default.fileExists(atPath: url.path))
  }
}
