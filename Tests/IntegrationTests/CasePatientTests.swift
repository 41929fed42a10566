import Foundation
import TestSupport
import Testing

/// A case whose studies belong to two patients (different DICOM Patient IDs) is warned about in
/// one line naming the study folders of each patient, never the IDs or names, and the warning
/// is kept with the studies outside the largest group.
@Suite(
  .enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason),
  .enabled(if: TestEnvironment.python != nil, "no python with pydicom: set CTCASE_PYTHON")
)
struct CasePatientTests {
  /// Patient IDs given to studies of the three-study phantom (whose own ID starts `SYN-`), the
  /// expected groups of study numbers on the stderr line, and each study's recorded warning.
  struct Mix: Sendable, CustomTestStringConvertible {
    var name: String
    var ids: [Int: String]
    var groups: [[Int]]
    var warnings: [String?]
    var testDescription: String { name }
  }

  static let mixes = [
    Mix(
      name: "second study of another patient", ids: [1: "OTHER-99"], groups: [[0, 2], [1]],
      warnings: [nil, "studies 1, 3", nil]),
    Mix(
      name: "first study of another patient", ids: [0: "OTHER-99"], groups: [[0], [1, 2]],
      warnings: ["studies 2, 3", nil, nil]),
    Mix(
      name: "first study without an ID, a tie", ids: [0: "", 2: "OTHER-99"], groups: [[1], [2]],
      warnings: [nil, nil, "study 2"]),
  ]

  @Test(arguments: mixes)
  func studiesOfTwoPatientsAreWarnedAboutInOneLine(mix: Mix) throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-two-patients")
    let studies = try Self.phantom(in: folder, ids: mix.ids)
    let json = folder.appendingPathComponent("course.json")

    let run = try TestEnvironment.run(
      TestEnvironment.releaseBinary!,
      ["course", folder.appendingPathComponent("case.json").path, "--json", json.path])

    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stderr.split(separator: "\n").filter { $0.contains("[different-patient]") }
    #expect(lines.count == 1, "\(run.stderr)")
    let named = mix.groups.enumerated().map { number, group in
      "patient \(number + 1) in " + group.map { studies[$0] }.joined(separator: ", ")
    }
    #expect(lines.first?.contains(named.joined(separator: "; ")) == true, "\(lines)")
    for identity in ["OTHER-99", "Other", "SYN-"] {
      #expect(!run.stderr.contains(identity), "stderr names \(identity)")
    }
    let course = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    let records = try #require(course["studies"] as? [[String: Any]])
    let recorded = records.map { record in
      (record["warnings"] as? [String] ?? []).filter { $0.hasSuffix("[different-patient]") }
    }
    for (index, expected) in mix.warnings.enumerated() {
      let wanted = expected.map {
        "\(studies[index]): the DICOM Patient ID differs from that of \($0); the studies may "
          + "belong to 2 patients [different-patient]"
      }
      #expect(recorded[index] == (wanted.map { [$0] } ?? []), "study \(index + 1)")
    }
  }

  /// The study folders of a new three-study phantom in `folder`, after giving study `i` the
  /// Patient ID `ids[i]` (an empty one for none) and another name.
  static func phantom(in folder: URL, ids: [Int: String]) throws -> [String] {
    let made = try TestEnvironment.run(
      TestEnvironment.releaseBinary!,
      ["-q", "phantom", "--preset", "thick", "--seed", "5", "--out", folder.path])
    try #require(made.status == 0, "\(made.stderr)")

    let studies = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix("ct-") }.sorted()
    let script = TestEnvironment.packageRoot
      .appendingPathComponent("Scripts/fixtures/set_patient_identity.py")
    for (index, id) in ids {
      let set = try TestEnvironment.run(
        TestEnvironment.python!,
        [
          script.path, folder.appendingPathComponent(studies[index]).path, "--name",
          "Other^Person", "--id", id, "--birth-date", "19700101", "--institution", "Elsewhere",
          "--charset", "ISO_IR 100",
        ])
      try #require(set.status == 0, "\(set.stderr)")
    }
    return studies
  }
}
