import Foundation
import Testing

@testable import Analysis

/// User parameter files: partial overrides, field-named errors, and the JSON keys recorded.
struct AnalysisParametersTests {
  /// The version entry every parameter file states.
  static let v = #""version": "ctcase.params/5""#

  @Test("a partial file overrides only its keys")
  func partialOverride() throws {
    let json = #"{"version": "ctcase.params/5", "ggo_min_hu": -700, "min_lesion_volume_ml": 0.1}"#
    let p = try AnalysisParameters.decode(Data(json.utf8), path: "p.json")
    #expect(p.ggoMinHU == -700)
    #expect(p.minLesionVolumeML == 0.1)
    #expect(p.consolidationMinHU == AnalysisParameters().consolidationMinHU)
  }

  @Test(
    "bad files are refused naming the file and the field",
    arguments: [
      (
        #"{"ggo_min_hu": -700}"#,
        #"p.json: parameter 'version': is missing (state "ctcase.params/5")"#
      ),
      (
        #"{\#(AnalysisParametersTests.v), "ggo_min": -700}"#,
        "p.json: parameter 'ggo_min': unknown key"
      ),
      (
        #"{\#(AnalysisParametersTests.v), "ggo_min_hu": "low"}"#,
        "p.json: parameter 'ggo_min_hu': must be a number"
      ),
      (
        #"{\#(AnalysisParametersTests.v), "ggo_min_hu": true}"#,
        "p.json: parameter 'ggo_min_hu': must be a number"
      ),
      (
        #"{\#(AnalysisParametersTests.v), "ggo_min_hu": -200}"#,
        "p.json: parameter 'ggo_min_hu': must be below consolidation_min_hu"
      ),
      (#"{"version": "x"}"#, #"p.json: parameter 'version': must be "ctcase.params/5""#),
      (#"[1, 2]"#, "p.json: parameter '-': not a JSON object"),
      (
        #"{\#(AnalysisParametersTests.v), "mixed_min_fraction": 2}"#,
        "p.json: parameter 'mixed_min_fraction': must lie between 0 and 1"
      ),
      (
        #"{\#(AnalysisParametersTests.v), "pleural_closing_radius_mm": 1e5}"#,
        "p.json: parameter 'pleural_closing_radius_mm': must be at most 100 mm"
      ),
      (
        #"{\#(AnalysisParametersTests.v), "min_lesion_volume_ml": 0}"#,
        "p.json: parameter 'min_lesion_volume_ml': must be positive"
      ),
    ])
  func refused(json: String, message: String) {
    let error = #expect(throws: AnalysisError.self) {
      try AnalysisParameters.decode(Data(json.utf8), path: "p.json")
    }
    #expect(error?.description == message)
  }

  @Test("the recorded parameters round-trip through the result JSON keys")
  func roundTrip() throws {
    var p = AnalysisParameters()
    p.highOpacityMinHU = -150
    let data = try JSONEncoder().encode(p)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""high_opacity_min_hu":-150"#))
    #expect(try AnalysisParameters.decode(data, path: "x") == p)
  }

  @Test(
    "zone scores follow the 0-5 CT severity scale",
    arguments: [
      (0, 0.0, 0), (1, 0.01, 1), (1, 4.99, 1), (1, 5.0, 2), (1, 25.0, 2), (1, 25.1, 3),
      (1, 49.9, 3), (1, 50.0, 4), (1, 75.0, 4), (1, 75.1, 5), (1, 100.0, 5),
    ])
  func zoneScore(voxels: Int, percent: Double, score: Int) {
    #expect(StudySummary.score(lesionVoxels: voxels, percent: percent) == score)
  }
}
