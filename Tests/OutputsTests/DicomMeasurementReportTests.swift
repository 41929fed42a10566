import Analysis
import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

@Suite("Measurement Report")
struct DicomMeasurementReportTests {
  let folder: URL

  init() throws {
    folder = try TestEnvironment.makeTemporaryDirectory("ctcase-sr")
  }

  static func input(
    source: StudyMetadata = DicomTestFixtures.metadata(), volumeML: Double = 2.345
  ) -> MeasurementReportInput {
    let segmentation = DicomOutputs.segmentationIdentity(
      labels: DicomTestFixtures.labels(), source: source)
    return MeasurementReportInput(
      source: source, segmentation: segmentation, rightLungVolumeML: 2_512.25,
      leftLungVolumeML: 2_190.5, poPercent: 3.4567,
      lesions: [
        .init(
          trackingID: "Lesion 1", side: .right, component: .groundGlass, volumeML: volumeML,
          longestDiameterMM: 21.04, perpendicularDiameterMM: 13.96, meanHU: -612.34),
        .init(
          trackingID: "Lesion 2", side: .left, component: .consolidation, volumeML: 0.8,
          longestDiameterMM: 9.5, perpendicularDiameterMM: 7.25, meanHU: -85.0),
      ])
  }

  @Test(
    "dciodvfy finds no errors and dsrdump shows the measurements with their codes",
    .enabled(if: DicomTools.isInstalled("dciodvfy") && DicomTools.isInstalled("dsrdump")))
  func validatesAndReadsBack() throws {
    let url = folder.appendingPathComponent("sr.dcm")
    let input = Self.input()
    try DicomOutputs.writeMeasurementReport(input, to: url)

    #expect(try DicomTools.validationErrors(url.path) == [])
    let result = try DicomTools.run("dsrdump +U8 +Pc '\(url.path)'")
    #expect(result.status == 0, "\(result.output)")
    let dump = result.output
    for expected in [
      "\"2.35\" (ml,UCUM,\"milliliter\")", "\"21.0\" (mm,UCUM,\"millimeter\")",
      "\"14.0\" (mm,UCUM,\"millimeter\")", "\"-612.3\" ([hnsf'U],UCUM,\"Hounsfield unit\")",
      "\"3.46\" (%,UCUM,\"percent\")", "\"4702.75\" (ml,UCUM,\"milliliter\")",
      "(118565006,SCT,\"Volume\")", "(103339001,SCT,\"Long Axis\")",
      "(1217294009,SCT,\"Ground glass opacity\")", "Lesion 1", "Lesion 2",
      "(121191,DCM,\"Referenced Segment\")=(SG image,,3)",
    ] {
      #expect(dump.contains(expected), "missing \(expected)")
    }
    let elements = try DicomTools.dump(url.path)
    #expect(elements.contains("[\(input.segmentation.sopInstanceUID)]"))
    #expect(elements.contains("[\(input.source.sopInstanceUIDs[3])]"))
  }

  @Test("tracking UIDs stay the same from study to study; the object UID changes")
  func trackingIsStable() throws {
    let first = DicomTestFixtures.metadata(studyDate: "2024-02-03")
    var second = DicomTestFixtures.metadata(studyDate: "2024-02-09")
    second.studyInstanceUID = "1.2.826.0.1.3680043.8.498.2001"
    second.seriesInstanceUID = "1.2.826.0.1.3680043.8.498.2001.2"
    let a = folder.appendingPathComponent("a.dcm")
    let b = folder.appendingPathComponent("b.dcm")
    let idA = try DicomOutputs.writeMeasurementReport(Self.input(source: first), to: a)
    let idB = try DicomOutputs.writeMeasurementReport(
      Self.input(source: second, volumeML: 4.0), to: b)

    #expect(idA.sopInstanceUID != idB.sopInstanceUID)
    let tracking = DicomUID.trackingUID(patient: first.patient, trackingID: "Lesion 1")
    for url in [a, b] {
      let dump = try DicomTools.run("dsrdump '\(url.path)'").output
      #expect(dump.contains(tracking))
    }
  }

  @Test("the same inputs give the same bytes")
  func isReproducible() throws {
    let a = folder.appendingPathComponent("a.dcm")
    let b = folder.appendingPathComponent("b.dcm")
    try DicomOutputs.writeMeasurementReport(Self.input(), to: a)
    try DicomOutputs.writeMeasurementReport(Self.input(), to: b)
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
  }

  @Test("a value that is not finite is refused with its name")
  func refusesNonFinite() throws {
    let url = folder.appendingPathComponent("bad.dcm")
    #expect {
      try DicomOutputs.writeMeasurementReport(Self.input(volumeML: .nan), to: url)
    } throws: { error in
      "\(error)" == "\(url.path): cannot write the DICOM Measurement Report: Lesion 1 volume "
        + "is not a finite number that fits a DICOM decimal"
    }
  }

  @Test("a study without a date is refused: the SR content date would need the clock")
  func refusesMissingDate() throws {
    var source = DicomTestFixtures.metadata()
    source.studyDate = nil
    let url = folder.appendingPathComponent("nodate.dcm")
    #expect {
      try DicomOutputs.writeMeasurementReport(Self.input(source: source), to: url)
    } throws: { error in
      "\(error)" == "\(url.path): cannot write the DICOM Measurement Report: the source study "
        + "has no study date"
    }
  }
}
