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
}
