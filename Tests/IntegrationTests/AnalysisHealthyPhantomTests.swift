import Foundation
import TestSupport
import Testing

/// False positives on the lesion-free `healthy` phantom at its full thin scan, through the
/// release binary (a debug analysis of 512x512x241 voxels takes minutes). The phantom has lungs,
/// a vessel tree, fissures, heart and diaphragm but no lesion: every lesion is a false positive.
@Suite(.enabled(if: TestEnvironment.hasReleaseBinary, TestEnvironment.noReleaseBinaryReason))
struct AnalysisHealthyPhantomTests {
  /// Most false lesions allowed per study: the issue asks for 0 on `healthy` where possible.
  /// The hilar vessel trees, which used to come out as one lesion per lung, are dropped by
  /// `DenseVesselFilter` (params/3).
  static let maxFalsePositivesPerStudy = 0

  @Test func healthyPhantomHasFewFalseLesions() throws {
    let binary = try #require(TestEnvironment.releaseBinary)
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-healthy")
    let made = try TestEnvironment.run(
      binary, ["-q", "phantom", "--preset", "healthy", "--seed", "1", "--out", folder.path])
    #expect(made.status == 0, "\(made.stderr)")
    let study = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        .first { $0.hasPrefix("ct-") })
    let json = folder.appendingPathComponent("analysis.json")

    let run = try TestEnvironment.run(
      binary,
      ["-q", "analyze", folder.appendingPathComponent(study).path, "--json", json.path])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
    let lesions = try #require(object?["lesions"] as? [[String: Any]])
    #expect(
      lesions.count <= Self.maxFalsePositivesPerStudy,
      "\(lesions.count) false lesions on the healthy phantom")
  }
}
