import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Reproducible DICOM bytes")
struct DicomReproducibilityTests {
  /// Writes the three objects into `folder`.
  static func writeAll(into folder: URL) throws -> [URL] {
    let source = DicomTestFixtures.metadata()
    let urls = ["pdf.dcm", "seg.dcm", "sr.dcm"].map { folder.appendingPathComponent($0) }
    try DicomOutputs.writeEncapsulatedPDF(
      pdf: DicomTestFixtures.pdf(), source: source, title: "Report", to: urls[0])
    var input = DicomMeasurementReportTests.input(source: source)
    input.segmentation = try DicomOutputs.writeSegmentation(
      labels: DicomTestFixtures.labels(), source: source, to: urls[1])
    try DicomOutputs.writeMeasurementReport(input, to: urls[2])
    return urls
  }

  @Test("bytes do not depend on the clock or the time zone, and no temporary file is left")
  func clockAndTimeZone() throws {
    let first = try TestEnvironment.makeTemporaryDirectory("ctcase-repro")
    let second = try TestEnvironment.makeTemporaryDirectory("ctcase-repro")
    let a = try Self.writeAll(into: first)
    // DCMTK stamps creation dates and times from the clock; a later second in another zone
    // must not show in the files.
    Thread.sleep(forTimeInterval: 1.2)
    let zone = ProcessInfo.processInfo.environment["TZ"]
    setenv("TZ", "Pacific/Kiritimati", 1)
    tzset()
    defer {
      if let zone { setenv("TZ", zone, 1) } else { unsetenv("TZ") }
      tzset()
    }
    let b = try Self.writeAll(into: second)

    for (x, y) in zip(a, b) {
      #expect(try Data(contentsOf: x) == Data(contentsOf: y), "\(x.lastPathComponent)")
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: first.path)
    #expect(left.sorted() == ["pdf.dcm", "seg.dcm", "sr.dcm"])
  }
}
