import Foundation
import TestSupport
import Testing

/// Real serial COVID-19 CT cut down to one slice per series (COVID-19-NY-SBU, 10 patients, two
/// dates each, axial/coronal/sagittal): every series is too thin to be a chest volume, and each
/// plane folder mixes the patient's two studies. Analysis must refuse each one in one line that
/// names the folder, warn about the mixed studies, and write no output file.
private let nySBU = "covid-ny-sbu-serial-slices"

@Suite(
  .enabled(if: TestEnvironment.hasSharedData(nySBU), TestEnvironment.skipReason(nySBU)))
struct SingleSliceSeriesTests {
  static let dataSet = nySBU
  static let patients = [
    "A002304", "A027284", "A046441", "A048383", "A056642", "A058062", "A062055", "A067967",
    "A072894", "A098752",
  ]

  @Test(arguments: patients)
  func analyzeRefusesTheSingleSliceNamingTheFolder(patient: String) throws {
    let root = try #require(TestEnvironment.sharedDataSet(Self.dataSet))
    let folder = root.appendingPathComponent("\(patient)/axial").path
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-single-slice")
    let json = out.appendingPathComponent("m.json")

    let (code, stdout, errors) = IngestRealDataTests.ctcase([
      "analyze", folder, "--json", json.path, "--mask", out.appendingPathComponent("m.nii").path,
    ])

    #expect(code == 1)
    #expect(stdout.isEmpty)
    let last = try #require(errors.last)
    #expect(
      last.hasPrefix("ctcase: error: \(folder): volume is not a chest CT: 1 slice(s)"), "\(last)")
    #expect(errors.contains { $0.hasSuffix("[too-few-slices]") && $0.contains(folder) })
    #expect(errors.contains { $0.hasSuffix("[mixed-studies]") && $0.contains("2 studies") })
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  /// `inspect` lists all six series of a patient's folder (two studies, three planes) and still
  /// succeeds: it reports, it does not judge.
  @Test func inspectListsBothStudiesAndAllPlanes() throws {
    let root = try #require(TestEnvironment.sharedDataSet(Self.dataSet))
    let folder = root.appendingPathComponent("A067967").path

    let (code, stdout, errors) = IngestRealDataTests.ctcase(["inspect", folder])

    #expect(code == 0, "\(errors)")
    let studies = stdout.split(separator: "\n").filter { $0.hasPrefix("study ") }
    let series = stdout.split(separator: "\n").filter { $0.hasPrefix("  series ") }
    #expect(studies.count == 2)
    #expect(series.count == 6)
    #expect(stdout.contains("matrix 616 x 616"), "the Toshiba reformats are not 512 wide")
    #expect(stdout.contains("[mixed-studies]"))
  }
}
