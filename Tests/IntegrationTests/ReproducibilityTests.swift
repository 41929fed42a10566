import Foundation
import Imaging
import Ingest
import Outputs
import Report
import TestSupport
import Testing

/// Issue 7 and 8 end to end, with the release binary on a small phantom case (5 mm slices):
/// byte-identical outputs across time zones, locales, thread counts and output names; verify;
/// the methods page against provenance.json; de-identified outputs free of identity.
@Suite(
  .serialized, .enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason)
)
struct ReproducibilityTests {
  /// A fictional patient whose identity must not survive de-identification.
  static let identity = ["Zhang^Wei", "张伟", "PID-0042", "1961-07-15", "19610715"]

  /// Generates the thick-slice phantom case once and writes a manifest naming the patient.
  static let caseFolder: URL = {
    let folder = try! TestEnvironment.makeTemporaryDirectory("ctcase-repro")  // test set-up
    let result = try! ctcase([
      "-q", "phantom", "--preset", "thick", "--seed", "7", "--out", folder.path,
    ])
    precondition(result.status == 0, "phantom failed: \(result.stderr)")
    let manifestURL = folder.appendingPathComponent("case.json")
    var manifest =
      try! JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as! [String: Any]
    manifest["patient"] = [
      "name": "Zhang^Wei 张伟", "id": "PID-0042", "birth_date": "1961-07-15", "sex": "M",
    ]
    manifest["title"] = "Case of Zhang Wei 张伟"
    try! JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
      .write(to: manifestURL)
    return folder
  }()

  static func ctcase(_ args: [String], environment: [String: String] = [:]) throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { _, new in new }
    return try TestEnvironment.run(TestEnvironment.releaseBinary!, args, environment: env)
  }

  static func sha(_ url: URL) throws -> String { try FileHash.sha256(of: url) }

  @Test func renderTwice_differentZoneLocaleThreadsAndNames_givesIdenticalBytes() throws {
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-repro-out")
    let manifest = Self.caseFolder.appendingPathComponent("case.json").path

    let one = try Self.ctcase(
      [
        "-q", "report", manifest, "-o", out.appendingPathComponent("one.pdf").path, "--threads",
        "1",
        "--dicom", out.appendingPathComponent("dicom-one").path,
      ],
      environment: ["TZ": "Asia/Shanghai", "LANG": "zh_CN.UTF-8"])
    let two = try Self.ctcase(
      [
        "-q", "report", manifest, "-o", out.appendingPathComponent("second.pdf").path, "--threads",
        "2",
        "--dicom", out.appendingPathComponent("dicom-two").path,
      ],
      environment: ["TZ": "UTC", "LANG": "C"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(two.status == 0, "\(two.stderr)")

    #expect(
      try Self.sha(out.appendingPathComponent("one.pdf"))
        == Self.sha(out.appendingPathComponent("second.pdf")))
    #expect(
      try Self.sha(out.appendingPathComponent("one.provenance.json"))
        == Self.sha(out.appendingPathComponent("second.provenance.json")))
    let names = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("dicom-one").path
    ).sorted()
    #expect(names.count == 7)  // SEG and SR per study (3), Encapsulated PDF
    for name in names {
      let check = try TestEnvironment.run(
        URL(fileURLWithPath: "/usr/bin/dciodvfy"),
        [out.appendingPathComponent("dicom-one/\(name)").path])
      let errors = (check.stdout + check.stderr).split(separator: "\n").filter {
        $0.hasPrefix("Error")
      }
      #expect(errors.isEmpty, "dciodvfy \(name): \(errors.prefix(3))")
      #expect(
        try Self.sha(out.appendingPathComponent("dicom-one/\(name)"))
          == Self.sha(out.appendingPathComponent("dicom-two/\(name)")), "\(name)")
    }
  }

  /// A malformed template is refused before any study is read or analysed, naming the field,
  /// and no report is left behind.
  @Test func malformedTemplate_isRefusedBeforeAnalysis() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-bad-template")
    let shipped = TestEnvironment.packageRoot.appendingPathComponent(
      "Templates/report/standard.json")
    let text = try String(contentsOf: shipped, encoding: .utf8)
      .replacingOccurrences(of: "\"page_size\": \"A4\"", with: "\"page_size\": \"A5\"")
    let template = folder.appendingPathComponent("mine.json")
    try text.write(to: template, atomically: true, encoding: .utf8)
    let report = folder.appendingPathComponent("report.pdf")

    let run = try Self.ctcase([
      "report", Self.caseFolder.appendingPathComponent("case.json").path, "--template",
      template.path, "-o", report.path,
    ])

    #expect(run.status == 1)
    #expect(
      run.stderr.contains("mine.json: page_size: \"A5\" is not A4 or Letter"), "\(run.stderr)")
    #expect(!run.stderr.contains("course: study"), "analysis ran first: \(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: report.path))
  }

  @Test func verify_identicalThenChangedInputThenOlderVersion() throws {
    let copy = try TestEnvironment.makeTemporaryDirectory("ctcase-verify")
    let caseCopy = copy.appendingPathComponent("case")
    try FileManager.default.copyItem(at: Self.caseFolder, to: caseCopy)
    let report = copy.appendingPathComponent("report.pdf")
    let made = try Self.ctcase([
      "-q", "report", caseCopy.appendingPathComponent("case.json").path, "-o", report.path,
    ])
    #expect(made.status == 0, "\(made.stderr)")

    let untouched = try Self.ctcase(["-q", "verify", report.path])
    #expect(untouched.status == 0, "\(untouched.stdout) \(untouched.stderr)")
    #expect(untouched.stdout.hasPrefix("identical"))

    let study = try FileManager.default.contentsOfDirectory(atPath: caseCopy.path).sorted().first {
      $0.hasPrefix("ct-")
    }!
    let victim = caseCopy.appendingPathComponent("\(study)/CT0020.dcm")
    var bytes = try Data(contentsOf: victim)
    bytes[bytes.count - 100] ^= 0x01
    try bytes.write(to: victim)
    let changed = try Self.ctcase(["-q", "verify", report.path])
    #expect(changed.status == 1)
    #expect(changed.stdout.contains("input file changed: \(study)/CT0020.dcm"), "\(changed.stdout)")

    bytes[bytes.count - 100] ^= 0x01
    try bytes.write(to: victim)
    let recordURL = copy.appendingPathComponent("report.provenance.json")
    let record = try String(contentsOf: recordURL, encoding: .utf8)
      .replacingOccurrences(
        of: "\"version\" : \"\(ToolVersion.string)\"", with: "\"version\" : \"0.0.9\"")
    try record.write(to: recordURL, atomically: true, encoding: .utf8)
    let older = try Self.ctcase(["-q", "verify", report.path])
    #expect(older.status == 1)
    #expect(
      older.stdout.contains("made by an older or different version: ctcase 0.0.9"),
      "\(older.stdout)")
  }

  @Test func methodsPage_listsTheProvenanceParametersAndInputHashes() throws {
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-methods")
    let report = out.appendingPathComponent("r.pdf")
    let made = try Self.ctcase([
      "-q", "report", Self.caseFolder.appendingPathComponent("case.json").path, "-o", report.path,
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let record = try JSONDecoder().decode(
      Provenance.self, from: Data(contentsOf: out.appendingPathComponent("r.provenance.json")))
    let text = try TestEnvironment.run(
      URL(fileURLWithPath: "/usr/bin/pdftotext"), [report.path, "-"]
    ).stdout

    #expect(record.inputs.count > 100)
    for input in record.inputs {
      #expect(text.contains(input.sha256), "\(input.path)")
      #expect(text.contains(input.path), "\(input.path)")
    }
    #expect(text.contains(record.template.sha256))
    #expect(text.contains(record.rules.sha256))
    #expect(record.parameters["ggo_min_hu"] == .number(-750))
    #expect(text.contains("-750"))
  }

  @Test func provenance_recordsTheByteCountsOfManifestAndFonts() throws {
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-provenance-bytes")
    let manifest = Self.caseFolder.appendingPathComponent("case.json")
    let made = try Self.ctcase([
      "-q", "report", manifest.path, "-o", out.appendingPathComponent("r.pdf").path,
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let record = try JSONDecoder().decode(
      Provenance.self, from: Data(contentsOf: out.appendingPathComponent("r.provenance.json")))

    #expect(record.caseManifest.bytes == (try Data(contentsOf: manifest)).count)
    let sizes = try Dictionary(
      uniqueKeysWithValues: FontSet.defaultFontPaths.map {
        (
          URL(fileURLWithPath: $0).lastPathComponent,
          try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int
        )
      })
    #expect(!record.fonts.isEmpty)
    for font in record.fonts {
      #expect(font.bytes == sizes[font.path], "\(font.path)")
    }
  }

  @Test func deidentifiedOutputs_carryNoIdentity() throws {
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-deid")
    let report = out.appendingPathComponent("report.pdf")
    let made = try Self.ctcase([
      "-q", "report", Self.caseFolder.appendingPathComponent("case.json").path, "-o", report.path,
      "--deidentify", "--dicom", out.appendingPathComponent("dicom").path,
      "--summary", out.appendingPathComponent("summary.json").path,
    ])
    #expect(made.status == 0, "\(made.stderr)")

    var texts: [String: String] = [:]
    texts["pdftotext"] = try TestEnvironment.run(
      URL(fileURLWithPath: "/usr/bin/pdftotext"), [report.path, "-"]
    ).stdout
    texts["pdfinfo"] = try TestEnvironment.run(
      URL(fileURLWithPath: "/usr/bin/pdfinfo"), [report.path]
    ).stdout
    texts["provenance"] = try String(
      contentsOf: out.appendingPathComponent("report.provenance.json"), encoding: .utf8)
    texts["summary"] = try String(
      contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
    let dicom = out.appendingPathComponent("dicom")
    for name in try FileManager.default.contentsOfDirectory(atPath: dicom.path) {
      texts["dcmdump \(name)"] = try TestEnvironment.run(
        URL(fileURLWithPath: "/usr/bin/dcmdump"), ["+U8", dicom.appendingPathComponent(name).path]
      ).stdout
    }
    let files = FileManager.default.enumerator(atPath: out.path)!.compactMap { $0 as? String }
    texts["file names"] = files.joined(separator: "\n")

    // The phantom's own DICOM identity and the study dates must go too.
    let forbidden =
      Self.identity + ["Synthetic^Thick", "SYN-7", "Zhang Wei", "2020-01-21", "20200121"]
    for (source, text) in texts {
      for word in forbidden {
        #expect(!text.contains(word), "\(source) contains \(word)")
      }
    }
    #expect(texts["pdftotext"]!.contains("CASE-"))
  }
}
