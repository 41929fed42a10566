import Foundation
import Ingest
import Testing

/// Names and descriptions are decoded with the file's Specific Character Set.
@Suite struct CharacterSetTests {
  @Test(
    "decodes the patient name",
    arguments: [
      ("charset-gb18030", "王^小明"), ("charset-gbk", "李^华"),
      ("charset-latin1", "Müller^Jürgen"), ("charset-utf8", "Ωμέγα^Ελένη"),
    ])
  func decodesName(_ name: String, _ patient: String) throws {
    let study = try IngestFixtures.load(name)
    #expect(study.metadata.patient.name == patient)
    #expect(study.metadata.studyDescription == patient.replacingOccurrences(of: "^", with: " ")
      + " CHEST")
    #expect(!study.warnings.contains { $0.code == "character-set" })
  }

  @Test func fixtureNamesMatchTheTable() throws {
    let names = try IngestFixtures.json("charsets.json")
    #expect(names["charset-gb18030"] as? String == "王^小明")
  }
}
