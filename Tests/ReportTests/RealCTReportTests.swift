import Analysis
import Foundation
import Imaging
import Report
import TestSupport
import Testing

/// The real RICORD COVID-19 CT as a one-study case. A Python stand-in for ingest and analysis
/// (Scripts/fixtures/ricord_stand_in.py) gives HU voxels, a crude ground-glass lesion map and
/// its measurements; the report draws thumbnails with outlines from them.
@Suite struct RealCTReportTests {
  static let dataSet = "covid-ricord-1a-419639-000082"

  struct StandIn: Decodable {
    struct GeometryJSON: Decodable {
      var size: [Int]
      var spacing: [Double]
      var origin: [Double]
      var direction: [[Double]]
    }
    var geometry: GeometryJSON
    var date: String
    var measurements: StudyMeasurements
  }

  static func readRaw<T>(_ url: URL, as type: T.Type) throws -> [T] {
    let data = try Data(contentsOf: url)
    return data.withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
  }

  @Test(
    .enabled(if: TestEnvironment.hasSharedData(dataSet), TestEnvironment.skipReason(dataSet)),
    .timeLimit(.minutes(10)))
  func ricordReportOutlinesGroundGlassOnThumbnails() throws {
    let python = try #require(TestEnvironment.python, "set CTCASE_PYTHON or run make py-deps")
    let dicom = try #require(TestEnvironment.sharedDataSet(Self.dataSet))
      .appendingPathComponent("dicom")
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-ricord")
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = TestEnvironment.packageRoot.appendingPathComponent(
      "Scripts/fixtures/ricord_stand_in.py")
    let run = try TestEnvironment.run(python, [script.path, dicom.path, folder.path])
    try #require(run.status == 0, "stand-in failed: \(run.stderr)")

    let standIn = try JSONDecoder().decode(
      StandIn.self, from: Data(contentsOf: folder.appendingPathComponent("study.json")))
    let g = standIn.geometry
    let geometry = Geometry(
      size: GridSize(g.size[0], g.size[1], g.size[2]),
      spacing: Vector3(g.spacing[0], g.spacing[1], g.spacing[2]),
      origin: Vector3(g.origin[0], g.origin[1], g.origin[2]),
      direction: Matrix3(
        columns: Vector3(g.direction[0][0], g.direction[0][1], g.direction[0][2]),
        Vector3(g.direction[1][0], g.direction[1][1], g.direction[1][2]),
        Vector3(g.direction[2][0], g.direction[2][1], g.direction[2][2])))
    let volume = Volume(
      geometry: geometry,
      voxels: try Self.readRaw(folder.appendingPathComponent("volume.raw"), as: Int16.self))
    let map = try Self.readRaw(folder.appendingPathComponent("lesions.raw"), as: UInt16.self)
    let thumbnails = ThumbnailBuilder(volume: volume, lesionMap: map, tracks: [:]).build()

    // Each axial thumbnail shows at least one outlined lesion; the largest lesion is on one.
    let axial = thumbnails.filter { $0.kind == .axial }
    #expect(!axial.isEmpty && axial.allSatisfy { !$0.outlines.isEmpty })
    #expect(axial.contains { $0.outlines.contains { $0.lesionID == 1 } })
    #expect(axial.first.map { [$0.leftLetter, $0.rightLetter] } == ["R", "L"])

    let study = ReportStudy(
      label: "CT 1", date: standIn.date, dayFromOnset: nil, ctStage: nil,
      measurements: standIn.measurements,
      series: ReportSeries(
        description: "ROUTINE CHEST NON-CON", sliceThicknessMM: 1.25, imageCount: g.size[2],
        selectionReason: "only series in the folder"),
      warnings: ["lesions from a crude threshold stand-in, not the analysis stage"],
      thumbnails: thumbnails)
    let input = ReportInput(
      title: "RICORD 1a COVID-19 CT (one study)", synthetic: false,
      patient: ReportPatient(sex: "F", age: "085Y", deidentified: true), onsetDate: nil,
      studies: [study], tracks: [], decisions: [], events: [],
      provenance: ReportProvenance(
        toolVersion: ToolVersion.string, parameters: standIn.measurements.parameters,
        reproduceCommand: "swift test --filter RealCTReportTests"))
    let url = folder.appendingPathComponent("ricord.pdf")
    let template = try ReportTemplate.load(
      "standard", directory: TestEnvironment.packageRoot.appendingPathComponent("Templates/report"))
    try CaseReport.writePDF(input, template: template, fonts: try FontSet(), to: url)
    if let keep = ProcessInfo.processInfo.environment["CTCASE_KEEP_REPORT"], !keep.isEmpty {
      try? FileManager.default.removeItem(atPath: keep)
      try FileManager.default.copyItem(atPath: url.path, toPath: keep)
    }

    let text = try ReportPDFTests.tool("pdftotext", ["-layout", url.path, "-"])
    let largest = try #require(standIn.measurements.lesions.first)
    #expect(text.contains(NumberFormat.fixed(largest.volumeML, 2)))
    #expect(text.contains(NumberFormat.fixed(standIn.measurements.lungVolumeML, 1) + " mL"))
    #expect(try ReportPDFTests.tool("qpdf", ["--check", url.path]).contains("No syntax"))
  }
}
