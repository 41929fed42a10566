import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

/// Study Time, Study ID, Accession Number and Referring Physician's Name travel from the
/// source study into all three objects, and de-identification empties all but the time.
@Suite("DICOM study attributes")
struct DicomStudyAttributesTests {
  /// Writes the Encapsulated PDF, SEG and SR for `source`; returns their paths.
  static func writeAll(_ source: StudyMetadata, deidentifier: Deidentifier?, in folder: URL)
    throws -> [URL]
  {
    let pdf = folder.appendingPathComponent("report.dcm")
    let seg = folder.appendingPathComponent("seg.dcm")
    let sr = folder.appendingPathComponent("sr.dcm")
    try DicomOutputs.writeEncapsulatedPDF(
      pdf: DicomTestFixtures.pdf(), source: source, title: "Case report", to: pdf,
      deidentifier: deidentifier)
    let segmentation = try DicomOutputs.writeSegmentation(
      labels: DicomTestFixtures.labels(), source: source, to: seg, deidentifier: deidentifier)
    var input = DicomMeasurementReportTests.input(source: source)
    input.segmentation = segmentation
    try DicomOutputs.writeMeasurementReport(input, to: sr, deidentifier: deidentifier)
    return [pdf, seg, sr]
  }

  @Test(
    "the source study's time, ID, accession number and referring physician are copied",
    .enabled(if: DicomTools.isInstalled("dcmdump") && DicomTools.isInstalled("dciodvfy")))
  func copiedIntoEveryObject() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-study-attributes")
    for url in try Self.writeAll(DicomTestFixtures.metadata(), deidentifier: nil, in: folder) {
      let dump = try DicomTools.dump(url.path)
      let name = url.lastPathComponent
      #expect(dump.contains("(0008,0030) TM [\(DicomTestFixtures.studyTime)]"), "\(name)")
      #expect(dump.contains("(0020,0010) SH [\(DicomTestFixtures.studyID)]"), "\(name)")
      #expect(dump.contains("(0008,0050) SH [\(DicomTestFixtures.accessionNumber)]"), "\(name)")
      #expect(dump.contains("(0008,0090) PN [\(DicomTestFixtures.referringPhysician)]"), "\(name)")
      #expect(try DicomTools.validationErrors(url.path) == [], "\(name)")
    }
  }

  @Test(
    "de-identification empties study ID, accession number and referring physician, keeps time",
    .enabled(if: DicomTools.isInstalled("dcmdump") && DicomTools.isInstalled("dciodvfy")))
  func deidentifiedEmptiesIdentifiers() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-study-attributes-deid")
    let deidentifier = Deidentifier(secret: "attributes-secret")
    let urls = try Self.writeAll(
      DicomTestFixtures.metadata(), deidentifier: deidentifier, in: folder)
    for url in urls {
      let dump = try DicomTools.dump(url.path)
      let name = url.lastPathComponent
      #expect(dump.contains("(0008,0030) TM [\(DicomTestFixtures.studyTime)]"), "\(name)")
      for code in ["113100", "113107", "113108"] {
        #expect(dump.contains("(0008,0100) SH [\(code)]"), "\(name): profile code \(code)")
      }
      #expect(dump.contains("(0028,0303) CS [MODIFIED]"), "\(name)")
      for tag in ["(0020,0010) SH", "(0008,0050) SH", "(0008,0090) PN"] {
        let line = dump.split(separator: "\n").first { $0.hasPrefix(tag) }
        #expect(line?.contains("(no value available)") == true, "\(name): \(line ?? "absent")")
      }
      for secret in [
        DicomTestFixtures.studyID, DicomTestFixtures.accessionNumber, "Mueller", "穆勒",
      ] {
        #expect(!dump.contains(secret), "\(secret) survived in \(name)")
      }
      #expect(try DicomTools.validationErrors(url.path) == [], "\(name)")
    }
  }

  @Test(
    "malformed source values become empty rather than invalid attributes",
    arguments: [
      ("101530", "101530"), ("1015", "1015"), ("10", "10"), ("101530.25", "101530.25"),
      ("10:15:30", ""), ("1015301", ""), ("101530.", ""), ("1015.5", ""),
      ("101530.1234567", ""),
    ])
  func timeValidation(given: String, written: String) {
    #expect(DicomCommonAttributes.dicomTime(given) == written)
  }

  @Test(
    "short strings longer than 16 characters or holding a backslash are dropped",
    arguments: [
      ("ACC-1", "ACC-1"), ("1234567890123456", "1234567890123456"),
      ("12345678901234567", ""), ("A\\B", ""),
    ])
  func shortStringValidation(given: String, written: String) {
    #expect(DicomCommonAttributes.shortString(given) == written)
    #expect(DicomCommonAttributes.shortString(nil) == "")
  }

  @Test("de-identified metadata keeps the study time and drops the other three")
  func deidentifierApply() {
    let result = Deidentifier(secret: "s").apply(to: DicomTestFixtures.metadata())
    #expect(result.studyTime == DicomTestFixtures.studyTime)
    #expect(result.studyID == nil)
    #expect(result.accessionNumber == nil)
    #expect(result.referringPhysicianName == nil)
  }
}
