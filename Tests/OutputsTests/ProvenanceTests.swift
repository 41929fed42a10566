import Foundation
import Imaging
import Testing

@testable import Outputs

@Suite struct ProvenanceTests {
  static func record(inputSHA: String = "aa", version: String = "0.1.0", pdfSHA: String = "p1")
    -> Provenance
  {
    Provenance(
      tool: ToolRecord(version: version, buildCommit: "c1"),
      libraries: ["cairo": "1.16.0"],
      caseManifest: FileRecord(path: "case.json", sha256: "m1", bytes: 10),
      template: NamedRecord(name: "standard", sha256: "t1"),
      rules: NamedRecord(name: "covid-alerts", sha256: "r1"),
      parameters: ["ggo_min_hu": .number(-750), "version": .string("ctcase.params/1")],
      options: ["page": "a4"],
      fonts: [FileRecord(path: "NotoSans-Regular.ttf", sha256: "f1", bytes: 1)],
      inputs: [
        FileRecord(path: "ct2/b.dcm", sha256: "bb", bytes: 2),
        FileRecord(path: "ct1/a.dcm", sha256: inputSHA, bytes: 2),
      ],
      outputs: [OutputRecord(role: "report_pdf", sha256: pdfSHA, bytes: 5)])
  }

  @Test func identicalRecords_haveNoDifferences() {
    #expect(
      ProvenanceComparison.differences(recorded: Self.record(), current: Self.record()).isEmpty)
  }

  @Test func changedInput_isNamedByPath() {
    let diffs = ProvenanceComparison.differences(
      recorded: Self.record(), current: Self.record(inputSHA: "zz", pdfSHA: "p2"))
    #expect(diffs == [.inputChanged(path: "ct1/a.dcm"), .outputDiffers(role: "report_pdf")])
    #expect(diffs[0].description == "input file changed: ct1/a.dcm")
  }

  @Test func olderVersion_isReportedFirst() {
    let diffs = ProvenanceComparison.differences(
      recorded: Self.record(version: "0.0.9"), current: Self.record())
    #expect(diffs.first == .toolVersion(recorded: "0.0.9", current: "0.1.0"))
    #expect(diffs.first?.description.contains("older or different version: ctcase 0.0.9") == true)
  }

  @Test func encoding_isSortedAndIndependentOfInputOrder() throws {
    let a = try CanonicalJSON.encode(Self.record())
    var reordered = Self.record()
    reordered.inputs.reverse()
    let b = try CanonicalJSON.encode(
      Provenance(
        tool: reordered.tool, libraries: reordered.libraries, caseManifest: reordered.caseManifest,
        template: reordered.template, rules: reordered.rules, parameters: reordered.parameters,
        options: reordered.options, fonts: reordered.fonts, inputs: reordered.inputs,
        outputs: reordered.outputs))
    #expect(a == b)
    let text = String(decoding: a, as: UTF8.self)
    let first = try #require(text.range(of: "ct1/a.dcm"))
    let second = try #require(text.range(of: "ct2/b.dcm"))
    #expect(first.lowerBound < second.lowerBound)
    #expect(text.contains("\"ggo_min_hu\" : -750"))
  }

  @Test func libraryVersions_areReadFromTheLinkedLibraries() {
    let v = LibraryVersions.current
    #expect(v["cairo"]?.hasPrefix("1.") == true)
    #expect(v["dcmtk"]?.split(separator: ".").count == 3)
    #expect(v["teem"]?.isEmpty == false)
  }
}
