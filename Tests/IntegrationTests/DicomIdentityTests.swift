import Foundation
import TestSupport
import Testing

/// A patient identity carried by the DICOM files themselves (not by the manifest), written in
/// GB18030 as Chinese scanners and PACS do: issue 6 (the Chinese name renders in the Chinese
/// template) and issue 8 (de-identified outputs carry none of it). Release binary, thick-slice
/// phantom, identity set with pydicom (`Scripts/fixtures/set_patient_identity.py`).
@Suite(
  .serialized,
  .enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason),
  .enabled(if: TestEnvironment.python != nil, "no python with pydicom: set CTCASE_PYTHON")
)
struct DicomIdentityTests {
  static let personName = "Zhang^Wei=张^伟"
  static let institution = "Peking Union 北京协和医院"
  /// Every piece of the identity, in every spelling an output might use.
  static let secrets = [
    "Zhang", "张", "伟", "PID-0042", "19610715", "1961-07-15", "Peking Union", "协和",
  ]

  /// The phantom case with the identity in its DICOM and no patient in its manifest, in a
  /// folder named after the patient as people do (the name must not reach de-identified
  /// outputs through the case path either).
  static let caseFolder: URL = {
    let folder = try! TestEnvironment.makeTemporaryDirectory("Zhang_Wei_19610715")  // set-up
    let made = try! TestEnvironment.run(
      TestEnvironment.releaseBinary!,
      ["-q", "phantom", "--preset", "thick", "--seed", "11", "--out", folder.path])
    precondition(made.status == 0, "phantom failed: \(made.stderr)")
    let script = TestEnvironment.packageRoot
      .appendingPathComponent("Scripts/fixtures/set_patient_identity.py")
    let set = try! TestEnvironment.run(
      TestEnvironment.python!,
      [
        script.path, folder.path, "--name", personName, "--id", "PID-0042", "--birth-date",
        "19610715", "--institution", institution, "--charset", "GB18030",
      ])
    precondition(set.status == 0, "set_patient_identity failed: \(set.stderr)")

    let manifestURL = folder.appendingPathComponent("case.json")
    var manifest =
      try! JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as! [String: Any]
    manifest.removeValue(forKey: "patient")
    // Free text that names the patient, as clinicians write it: it must not reach de-identified
    // outputs either.
    var events = manifest["events"] as? [[String: Any]] ?? []
    events.append([
      "date": manifest["onset_date"] as? String ?? "2020-01-20", "kind": "contact",
      "text": "Contact: Zhang Wei's brother, ward of 北京协和医院",
    ])
    manifest["events"] = events
    try! JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
      .write(to: manifestURL)
    return folder
  }()

  static func tool(_ name: String, _ arguments: [String]) throws -> String {
    try TestEnvironment.run(URL(fileURLWithPath: "/usr/bin/\(name)"), arguments).stdout
  }

  @Test func chineseTemplate_rendersTheNameDecodedFromGB18030() throws {
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-gb18030-report")
    let report = out.appendingPathComponent("report.pdf")

    let made = try TestEnvironment.run(
      TestEnvironment.releaseBinary!,
      [
        "-q", "report", Self.caseFolder.appendingPathComponent("case.json").path, "-o",
        report.path, "--template", "zh-CN",
      ])

    #expect(made.status == 0, "\(made.stderr)")
    let text = try Self.tool("pdftotext", [report.path, "-"])
    #expect(text.contains("张伟"), "the ideographic name group, run together")
    #expect(text.contains("Zhang, Wei"), "the alphabetic group, family first")
    #expect(text.contains("PID-0042"))
    #expect(text.contains("1961-07-15"))
    let fonts = try Self.tool("pdffonts", [report.path])
    let rows = fonts.split(separator: "\n").dropFirst(2)
    #expect(rows.contains { $0.contains("CJK") }, "a Noto Sans CJK face draws the Chinese")
    #expect(rows.allSatisfy { $0.contains(" yes ") }, "every font embedded:\n\(fonts)")
  }

  @Test func deidentifiedOutputs_carryNothingOfTheDICOMIdentity() throws {
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-gb18030-deid")
    let report = out.appendingPathComponent("report.pdf")

    let made = try TestEnvironment.run(
      TestEnvironment.releaseBinary!,
      [
        "-q", "report", Self.caseFolder.appendingPathComponent("case.json").path, "-o",
        report.path, "--deidentify", "--dicom", out.appendingPathComponent("dicom").path,
        "--summary", out.appendingPathComponent("summary.json").path,
      ])

    #expect(made.status == 0, "\(made.stderr)")
    var texts: [String: String] = [
      "pdftotext": try Self.tool("pdftotext", [report.path, "-"]),
      "pdfinfo": try Self.tool("pdfinfo", [report.path]),
      "provenance": try String(
        contentsOf: out.appendingPathComponent("report.provenance.json"), encoding: .utf8),
      "summary": try String(
        contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8),
    ]
    let dicom = out.appendingPathComponent("dicom")
    let outputs = try FileManager.default.contentsOfDirectory(atPath: dicom.path)
    #expect(outputs.count == 7, "SEG and SR per study and the Encapsulated PDF")
    for name in outputs {
      texts["dcmdump \(name)"] = try Self.tool(
        "dcmdump", ["+U8", dicom.appendingPathComponent(name).path])
    }
    let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }
    texts["file names"] = (files ?? []).joined(separator: "\n")

    for (source, text) in texts {
      for secret in Self.secrets {
        #expect(!text.contains(secret), "\(source) contains \(secret)")
      }
    }
    #expect(texts["pdftotext"]?.contains("CASE-") == true, "the pseudonym replaces the name")

    // The record withholds the case path, so verify needs to be told where the case is.
    let binary = TestEnvironment.releaseBinary!
    let blind = try TestEnvironment.run(binary, ["verify", report.path])
    #expect(blind.status == 1)
    #expect(
      blind.stderr.contains("withholds the case path: give it with --case"), "\(blind.stderr)")
    let manifest = Self.caseFolder.appendingPathComponent("case.json").path
    let told = try TestEnvironment.run(binary, ["-q", "verify", report.path, "--case", manifest])
    #expect(told.status == 0, "\(told.stdout)\(told.stderr)")
    #expect(told.stdout.hasPrefix("identical"))
  }

  /// Figures for authors follow the same rule: `figures --deidentify` keeps nothing of the
  /// identity in any figure's text, metadata or file name.
  @Test func deidentifiedFigures_carryNothingOfTheDICOMIdentity() throws {
    let out = try TestEnvironment.makeTemporaryDirectory("ctcase-gb18030-figures")

    let made = try TestEnvironment.run(
      TestEnvironment.releaseBinary!,
      [
        "-q", "figures", Self.caseFolder.appendingPathComponent("case.json").path, "-o",
        out.path, "--deidentify",
      ])

    #expect(made.status == 0, "\(made.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files.count >= 3, "timeline, trends and a panel per study: \(files)")
    var texts = ["file names": files.joined(separator: "\n")]
    for name in files {
      let path = out.appendingPathComponent(name).path
      texts["pdftotext \(name)"] = try Self.tool("pdftotext", [path, "-"])
      texts["pdfinfo \(name)"] = try Self.tool("pdfinfo", [path])
    }
    for (source, text) in texts {
      for secret in Self.secrets {
        #expect(!text.contains(secret), "\(source) contains \(secret)")
      }
    }
  }
}
