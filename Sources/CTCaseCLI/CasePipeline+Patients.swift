import Foundation
import Imaging

extension CasePipeline {
  /// Warning code of a study whose DICOM names another patient than the first study's.
  static let differentPatientCode = "different-patient"

  /// Warns when a study's DICOM Patient ID differs from the first study's: a case mixing two
  /// patients compares lesions that are not the same. One line on stderr naming both study
  /// folders, and a warning in the study's list (study page, methods page, course JSON). Neither
  /// names the IDs; the recorded warning names the first study by position only, as folder
  /// names may carry a name or date into a de-identified report.
  static func warnAboutOtherPatients(_ pending: inout [PendingStudy], _ diagnostics: Diagnostics) {
    guard let first = pending.first, let reference = patientID(first) else { return }
    for i in pending.indices.dropFirst() {
      guard let id = patientID(pending[i]), id != reference else { continue }
      let path = pending[i].study.path
      diagnostics.warning(
        "\(path): its DICOM Patient ID differs from that of \(first.study.path); the studies may "
          + "belong to two patients [\(differentPatientCode)]")
      pending[i].loaded.warnings.append(
        IngestWarning(
          code: differentPatientCode, file: path,
          message: "the DICOM Patient ID differs from that of the first study; the studies may "
            + "belong to two patients"))
    }
  }

  /// The study's DICOM Patient ID without padding, nil when absent or empty (NIfTI, NRRD).
  private static func patientID(_ study: PendingStudy) -> String? {
    let id = study.loaded.metadata.patient.id?.trimmingCharacters(in: .whitespaces) ?? ""
    return id.isEmpty ? nil : id
  }
}
