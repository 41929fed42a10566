import Foundation
import Imaging

extension CasePipeline {
  /// Warning code of a study whose DICOM names another patient than the case's main group.
  static let differentPatientCode = "different-patient"

  /// Warns when the studies' DICOM Patient IDs name more than one patient: a case mixing two
  /// patients compares lesions that are not the same.
  ///
  /// Studies are grouped by Patient ID; studies without one (NIfTI, NRRD, an empty ID) belong
  /// to no group and neither hide nor raise the warning, so the first study no longer has to
  /// carry an ID. The case gets one line on stderr naming the study folders of each group. The
  /// studies outside the largest group (on a tie, the group of the earliest study) each get a
  /// warning in their list (study page, methods page, course JSON) naming the main group's
  /// studies by position only, as folder names may carry a name or date into a de-identified
  /// report. Neither names the IDs.
  static func warnAboutOtherPatients(_ pending: inout [PendingStudy], _ diagnostics: Diagnostics) {
    let groups = patientGroups(pending)
    guard groups.count > 1 else { return }

    let folders = groups.enumerated().map { number, group in
      "patient \(number + 1) in " + group.map { pending[$0].study.path }.joined(separator: ", ")
    }
    diagnostics.warning(
      "the studies may belong to \(groups.count) patients, their DICOM Patient IDs differ: "
        + folders.joined(separator: "; ") + " [\(differentPatientCode)]")

    let main = mainGroup(groups)
    let positions = main.map { "\($0 + 1)" }.joined(separator: ", ")
    let reference = main.count == 1 ? "study \(positions)" : "studies \(positions)"
    for i in groups.joined() where !main.contains(i) {
      pending[i].loaded.warnings.append(
        IngestWarning(
          code: differentPatientCode, file: pending[i].study.path,
          message: "the DICOM Patient ID differs from that of \(reference); the studies may "
            + "belong to \(groups.count) patients"))
    }
  }

  /// Indices of the studies sharing each DICOM Patient ID, groups in order of their first
  /// study; studies without an ID are in none.
  private static func patientGroups(_ pending: [PendingStudy]) -> [[Int]] {
    var groups: [[Int]] = []
    var groupOfID: [String: Int] = [:]
    for i in pending.indices {
      guard let id = patientID(pending[i]) else { continue }
      if let group = groupOfID[id] {
        groups[group].append(i)
      } else {
        groupOfID[id] = groups.count
        groups.append([i])
      }
    }
    return groups
  }

  /// The largest group; on a tie the earlier one, which holds the earliest study.
  private static func mainGroup(_ groups: [[Int]]) -> [Int] {
    var main = groups[0]
    for group in groups where group.count > main.count { main = group }
    return main
  }

  /// The study's DICOM Patient ID without padding, nil when absent or empty (NIfTI, NRRD).
  private static func patientID(_ study: PendingStudy) -> String? {
    let id = study.loaded.metadata.patient.id?.trimmingCharacters(in: .whitespaces) ?? ""
    return id.isEmpty ? nil : id
  }
}
