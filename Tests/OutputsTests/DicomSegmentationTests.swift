import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

@Suite("Segmentation")
struct DicomSegmentationTests {
  let folder: URL

  init() throws {
    folder = try TestEnvironment.makeTemporaryDirectory("ctcase-seg")
  }

  @Test(
    "dciodvfy finds no errors and the frames hold the labels",
    .enabled(if: DicomTools.isInstalled("dciodvfy") && DicomTools.isInstalled("dcmdump")))
  func validatesAndHoldsLabels() throws {
    let url = folder.appendingPathComponent("seg.dcm")
    let source = DicomTestFixtures.metadata()
    try DicomOutputs.writeSegmentation(labels: DicomTestFixtures.labels(), source: source, to: url)

    #expect(try DicomTools.validationErrors(url.path) == [])
    let dump = try DicomTools.dump(url.path)
    #expect(dump.contains("[\(source.frameOfReferenceUID!)]"))
    #expect(dump.contains("[\(source.sopInstanceUIDs[2])]"))
    for label in ["Right lung", "Left lung", "Ground glass opacity", "Consolidation"] {
      #expect(dump.contains("[\(label)]"))
    }
    // Right and left lung on 4 slices each, GGO on 2, consolidation on 1.
    #expect(dump.contains("(0028,0008) IS [11]"))
  }

  @Test("the same inputs give the same bytes")
  func isReproducible() throws {
    let first = folder.appendingPathComponent("a.dcm")
    let second = folder.appendingPathComponent("b.dcm")
    for url in [first, second] {
      try DicomOutputs.writeSegmentation(
        labels: DicomTestFixtures.labels(), source: DicomTestFixtures.metadata(), to: url)
    }
    #expect(try Data(contentsOf: first) == Data(contentsOf: second))
  }

  @Test("a slice count that differs from the source instances is refused")
  func refusesMismatchedSlices() throws {
    var source = DicomTestFixtures.metadata()
    source.sopInstanceUIDs.removeLast()
    let url = folder.appendingPathComponent("bad.dcm")
    #expect {
      try DicomOutputs.writeSegmentation(
        labels: DicomTestFixtures.labels(), source: source, to: url)
    } throws: { error in
      "\(error)" == "\(url.path): cannot write the DICOM Segmentation: the labels have 4 "
        + "slices but the source series has 3 instances"
    }
  }

  /// Lesion 7 (two GGO voxels), lesion 9 (one consolidation voxel), lesion 11 absent.
  static func lesionSegments() -> DicomLesionSegments {
    let labels = DicomTestFixtures.labels()
    var map = [UInt16](repeating: 0, count: labels.size.count)
    map[labels.size.offset(1, 2, 1)] = 7
    map[labels.size.offset(1, 2, 2)] = 7
    map[labels.size.offset(4, 2, 2)] = 9
    return DicomLesionSegments(
      lesionMap: map,
      lesions: [
        .init(mapValue: 7, trackingID: "Lesion 1", component: .groundGlass),
        .init(mapValue: 9, trackingID: "Lesion 2", component: .consolidation),
        .init(mapValue: 11, trackingID: "Lesion 3", component: .groundGlass),
      ])
  }

  @Test(
    "lesions get segments of their own that the SR refers to, with shared tracking UIDs",
    .enabled(if: DicomTools.isInstalled("dciodvfy") && DicomTools.isInstalled("dsrdump")))
  func lesionSegmentsValidate() throws {
    let source = DicomTestFixtures.metadata()
    let seg = folder.appendingPathComponent("lesions.dcm")
    let identity = try DicomOutputs.writeSegmentation(
      labels: DicomTestFixtures.labels(), source: source, to: seg,
      lesions: Self.lesionSegments())

    #expect(try DicomTools.validationErrors(seg.path) == [])
    let dump = try DicomTools.dump(seg.path)
    // 11 class frames, then lesion 1 on slices 1 and 2, lesion 2 on slice 2, lesion 3 empty.
    #expect(dump.contains("(0028,0008) IS [15]"))
    #expect(dump.contains("(0062,0004) US 5"))
    #expect(dump.contains("(0062,0004) US 7"))
    let tracking = DicomUID.trackingUID(patient: source.patient, trackingID: "Lesion 1")
    #expect(dump.contains("[\(tracking)]"))

    var input = DicomMeasurementReportTests.input(source: source)
    input.segmentation = identity
    input.lesions[0].segmentNumber = DicomLesionSegments.segmentNumber(at: 0)
    let sr = folder.appendingPathComponent("sr.dcm")
    try DicomOutputs.writeMeasurementReport(input, to: sr)
    #expect(try DicomTools.validationErrors(sr.path) == [])
    let report = try DicomTools.run("dsrdump +Pc '\(sr.path)'").output
    #expect(report.contains("(121191,DCM,\"Referenced Segment\")=(SG image,,5)"))
    #expect(report.contains(tracking))
  }

  @Test("a lesion map of the wrong size is refused")
  func refusesWrongLesionMap() throws {
    var lesions = Self.lesionSegments()
    lesions.lesionMap.removeLast()
    let url = folder.appendingPathComponent("bad.dcm")
    #expect {
      try DicomOutputs.writeSegmentation(
        labels: DicomTestFixtures.labels(), source: DicomTestFixtures.metadata(), to: url,
        lesions: lesions)
    } throws: { error in
      "\(error)" == "\(url.path): cannot write the DICOM Segmentation: the lesion map has 119 "
        + "voxels, the labels 120"
    }
  }
}
