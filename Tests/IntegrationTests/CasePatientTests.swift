import Foundation
import TestSupport
import Testing

/// A case whose studies belong to two patients (different DICOM Patient IDs) is warned about in
/// one line naming both study folders, never the IDs, and the warning is kept with the study.
@Suite(
  .enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason),
  .enabled(if: TestEnvironment.python != nil, "no python with pydicom: set CTCASE_PYTHON")
)
struct CasePatientTests {
  @Test func studiesOfTwoPatientsAreWarnedAboutNamingTheFolders() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-two-patients")
    let binary = TestEnvironment.releaseBinary!
    let made = try TestEnvironment.run(
      binary, ["-q", "phantom", "--preset", "thick", "--seed", "5", "--out", folder.path])
    try #require(made.status == 0, "\(made.stderr)")
    let studies = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix("ct-") }.sorted()
    let other = studies[1]
    let script = TestEnvironment.packageRoot
      .appendingPathComponent("Scripts/fixtures/set_patient_identity.py")
    let set = try TestEnvironment.run(
      TestEnvironment.python!,
      [
        script.path, folder.appendingPathComponent(other).path, "--name", "Other^Person", "--id",
        "OTHER-99", "--birth-date", "19700101", "--institution", "Elsewhere", "--charset",
        "ISO_IR 100",
      ])
    try #require(set.status == 0, "\(set.stderr)")
    let json = folder.appendingPathComponent("course.json")

    let run = try TestEnvironment.run(
      binary, ["course", folder.appendingPathComponent("case.json").path, "--json", json.path])

    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stderr.split(separator: "\n").filter { $0.contains("[different-patient]") }
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.contains("\(other): ") == true, "\(lines)")
    #expect(lines.first?.contains(studies[0]) == true, "\(lines)")
    for identity in ["OTHER-99", "Other", "SYN-"] {
      #expect(!run.stderr.contains(identity), "stderr names \(identity)")
    }
    let course = try String(contentsOf: json, encoding: .utf8)
    #expect(course.contains("the DICOM Patient ID differs from that of the first study"))
  }
}
