import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

/// `make bench-dicom-outputs`: times the three writers on the real 255-slice RICORD grid and
/// prints a table. It runs only when CTCASE_BENCH is set (release builds); it asserts no time.
@Suite("DICOM outputs benchmark")
struct DicomOutputsBenchmark {
  static let enabled = ProcessInfo.processInfo.environment["CTCASE_BENCH"] != nil
  static let repeats = 3

  @Test(
    "write SEG, SR and PDF for a 512x512x255 series",
    .enabled(if: enabled, "set CTCASE_BENCH=1 (make bench-dicom-outputs)"),
    .enabled(
      if: TestEnvironment.hasSharedData(DicomRealSeriesTests.dataSet),
      TestEnvironment.skipReason(DicomRealSeriesTests.dataSet)))
  func writers() throws {
    let python = try #require(TestEnvironment.python, "no fixture python: run make py-deps")
    let data = TestEnvironment.sharedDataSet(DicomRealSeriesTests.dataSet)!
      .appendingPathComponent("dicom")
    let read = try TestEnvironment.run(
      python, ["-c", DicomRealSeriesTests.headerScript, data.path])
    try #require(read.status == 0, "\(read.stderr)")
    let header = try JSONDecoder().decode(
      DicomRealSeriesTests.Header.self, from: Data(read.stdout.utf8))
    let (source, labels, _) = DicomRealSeriesTests.inputs(header)
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-bench")
    let pdf = Data(DicomTestFixtures.pdf() + Data(repeating: 0x20, count: 1_000_000))
    let deidentifier = Deidentifier(secret: "bench")

    var rows: [(String, Double)] = []
    func time(_ name: String, _ body: () throws -> Void) rethrows {
      var seconds: [Double] = []
      for _ in 0..<Self.repeats {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        seconds.append(
          Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
      }
      rows.append((name, seconds.sorted()[Self.repeats / 2]))
    }

    var identity: DicomObjectIdentity?
    try time("SEG (4 segments, 255 slices)") {
      identity = try DicomOutputs.writeSegmentation(
        labels: labels, source: source, to: folder.appendingPathComponent("seg.dcm"))
    }
    let lesions = DicomRealSeriesTests.lesionSegments(labels)
    try time("SEG + 2 lesion segments") {
      try DicomOutputs.writeSegmentation(
        labels: labels, source: source, to: folder.appendingPathComponent("seg-l.dcm"),
        lesions: lesions)
    }
    try time("SEG, de-identified") {
      try DicomOutputs.writeSegmentation(
        labels: labels, source: source, to: folder.appendingPathComponent("seg-d.dcm"),
        deidentifier: deidentifier)
    }
    var input = DicomMeasurementReportTests.input(source: source)
    input.segmentation = identity!
    try time("SR (2 lesions, 255 images)") {
      try DicomOutputs.writeMeasurementReport(input, to: folder.appendingPathComponent("sr.dcm"))
    }
    try time("Encapsulated PDF (1 MB)") {
      try DicomOutputs.writeEncapsulatedPDF(
        pdf: pdf, source: source, title: "Report", to: folder.appendingPathComponent("pdf.dcm"))
    }

    var table = "| object | median of \(Self.repeats) (s) |\n|---|---|\n"
    for (name, seconds) in rows {
      table += "| \(name) | \((seconds * 1000).rounded() / 1000) |\n"
    }
    FileHandle.standardOutput.write(Data(("\n" + table).utf8))
  }
}
