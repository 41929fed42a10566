import Analysis
import Foundation

/// Study measurements with the given whole-study figures and no lesions, built through the
/// JSON schema (the analysis types have no public memberwise initialiser).
func measurements(lesionML: Double, po: Double = 0, pho: Double = 0, severity: Int = 0)
  throws -> StudyMeasurements
{
  let parameters = try JSONSerialization.jsonObject(
    with: try JSONEncoder().encode(AnalysisParameters()))
  let object: [String: Any] = [
    "schema_version": StudyMeasurements.currentSchemaVersion, "lung_volume_ml": 4000.0,
    "right_lung_volume_ml": 2100.0, "left_lung_volume_ml": 1900.0, "lesion_volume_ml": lesionML,
    "ggo_volume_ml": lesionML, "consolidation_volume_ml": 0.0, "po_percent": po,
    "pho_percent": pho, "severity_score": severity, "right_involvement_percent": po,
    "left_involvement_percent": po, "zones": [], "lesions": [], "parameters": parameters,
    "method": StudyMeasurements.methodNote,
  ]
  let data = try JSONSerialization.data(withJSONObject: object)
  return try JSONDecoder().decode(StudyMeasurements.self, from: data)
}
