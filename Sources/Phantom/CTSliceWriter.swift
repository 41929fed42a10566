import Foundation
import Imaging

/// Writes the axial slices of one phantom study as CT Image Storage files.
///
/// Stored values are HU + 1024 (signed 16-bit, Rescale Intercept -1024, slope 1), as many
/// scanners store them. Every attribute is a function of the seed, preset and study, never of the
/// clock, so files are byte-identical from run to run.
struct CTSliceWriter: Sendable {
  let study: StudyAttributes

  static let rescaleInterceptHU: Int16 = -1024
  static let ctImageStorage = "1.2.840.10008.5.1.4.1.1.2"

  /// Writes slice `k` of `volume` to `url` (through a temporary file renamed on success).
  func write(slice k: Int, of volume: Volume, to url: URL) throws {
    let dataset = try DicomDataset(path: url.path)
    try putPatientAndStudy(dataset)
    try putSeriesAndEquipment(dataset)
    try putImage(dataset, slice: k, geometry: volume.geometry)

    let count = volume.geometry.size.sliceCount
    let stored = volume.voxels[(k * count)..<((k + 1) * count)].map {
      $0 &- CTSliceWriter.rescaleInterceptHU
    }
    try dataset.putPixels(stored)

    // The study folder being written is itself temporary and renamed into place when every
    // slice is in it, so a slice is saved straight to its name.
    try dataset.save(to: url)
  }
}

/// Patient, study and series attributes shared by every slice of a study.
struct StudyAttributes: Sendable {
  var patientName: String
  var patientID: String
  var birthDate: String
  var sex: String
  var age: String
  /// `YYYYMMDD` and `HHMMSS`.
  var date: String
  var time: String
  var studyID: String
  var studyDescription: String
  var seriesDescription: String
  var studyInstanceUID: String
  var seriesInstanceUID: String
  var frameOfReferenceUID: String
  var seriesNumber: Int
  var sliceThicknessMM: Double
  /// Returns the SOP Instance UID of slice k.
  var instanceUID: @Sendable (Int) -> String
}
