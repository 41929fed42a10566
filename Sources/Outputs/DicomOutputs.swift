import Foundation
import Imaging

/// Writers for the DICOM objects ctcase files in a PACS beside the CT: the report as an
/// Encapsulated PDF, the lung and lesion masks as a Segmentation, and the measurements as a
/// TID 1500 Measurement Report (Enhanced SR).
///
/// Every object copies the patient and study attributes of `source` (the CT study it belongs
/// to) and starts a new series. UIDs derive from the inputs (`DicomUID`), dates from the source
/// study date, so writing the same inputs twice gives byte-identical files. Files are written
/// to a temporary name and renamed into place. Pass a `Deidentifier` to write the object for a
/// case library: the writer applies it to `source` (give it the original metadata) and marks
/// the object as de-identified.
public enum DicomOutputs {
  /// Where the library-facing `source` comes from when a de-identifier is given.
  static func prepared(_ source: StudyMetadata, _ deidentifier: Deidentifier?) -> StudyMetadata {
    deidentifier.map { $0.apply(to: source) } ?? source
  }

  /// SR and SEG Content Date is type 1 and must come from the study, never from the clock.
  /// - Throws: `DicomOutputsError.invalidInput` when `source` has no valid study date.
  static func requireStudyDate(_ source: StudyMetadata, kind: DicomObjectKind, url: URL) throws {
    guard !DicomCommonAttributes.dicomDate(source.studyDate).isEmpty else {
      throw DicomOutputsError.invalidInput(
        path: url.path, object: kind.noun, problem: "the source study has no study date")
    }
  }
}
