import Foundation
import Imaging
import Outputs

extension PhantomGenerator {
  /// The synthetic patient's fixed attributes (fictional; marked synthetic in the data).
  enum SyntheticPatient {
    static let birthDate = "1975-03-02"
    static let sex = "M"
    static let age = "044Y"
    static let studyTime = "093000"
    static let seriesNumber = 2
  }

  /// Writes every study as a DICOM series folder `ct-YYYY-MM-DD` (and, if asked, NIfTI files
  /// `ct-YYYY-MM-DD.nii.gz` and `ct-YYYY-MM-DD-labels.nii.gz` beside it), then `truth.json` and
  /// `case.json`, into `folder`.
  ///
  /// Each study is written into a hidden temporary folder that is renamed when complete, so a
  /// failure never leaves a half-written study under the final name.
  /// - Returns: the truth that `truth.json` holds.
  /// - Throws: `PhantomError` naming the file that could not be written.
  public func generate(to folder: URL, threads: Int, writeNifti: Bool) throws -> PhantomTruth {
    try createFolder(folder)
    var studies: [StudyTruth] = []
    for index in 0..<studyCount {
      let study = makeStudy(index: index, threads: threads)
      try writeSeries(study.volume, index: index, into: folder, threads: threads)
      if writeNifti {
        try writeNiftiFiles(study.volume, labels: study.labels, index: index, into: folder)
      }
      studies.append(study.truth)
    }
    let truth = PhantomTruth(
      generator: "ctcase \(ToolVersion.string) phantom", preset: preset.rawValue, seed: seed,
      onsetDate: PhantomGenerator.onsetDate, definitions: PhantomGenerator.definitions,
      studies: studies)
    try writeJSON(truth, to: folder.appendingPathComponent("truth.json"))
    try writeJSON(caseManifest(studyPathPrefix: ""), to: folder.appendingPathComponent("case.json"))
    return truth
  }

  /// The words truth.json uses to define what its numbers count.
  static let definitions = [
    "lung": "Analytic lung region per side: inside the lung ellipse, below the apex cap, above"
      + " the diaphragm dome, inside the chest wall, outside mediastinum, heart with pericardium,"
      + " aorta, vena cava, trachea and main bronchi (walls included). Lesions and intrapulmonary"
      + " vessels inside it count as lung. Label 1 right, 2 left.",
    "lesion": "Oriented ellipsoid intersected with the lung region; where lesions overlap the"
      + " lower id owns the voxels. Consolidation is the core ellipsoid (same centre and axes"
      + " scaled) inside the lesion region; GGO is the rest.",
    "volume_ml": "Closed-form ellipsoid volume times the fraction of a fine symmetric grid (16"
      + " steps per smallest semi-axis) of the ellipsoid that lies in the lesion region; lungs by"
      + " midpoint integration on a 1.5 mm grid.",
    "voxel_volume_ml": "Number of voxels of the study grid whose centre lies in the region times"
      + " the voxel volume.",
    "center_lps_mm": "Centroid of the lesion region in the study's scanner LPS frame (DICOM"
      + " patient coordinates).",
    "transform": "scanner = R(rotation_degrees about x, then y, then z) * body + shift_mm;"
      + " breathing_mm moves both diaphragm domes (negative: deeper breath).",
  ]

  private func createFolder(_ url: URL) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw PhantomError.cannotCreateFolder(path: url.path, reason: "a file has that name")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw PhantomError.cannotCreateFolder(path: url.path, reason: error.localizedDescription)
    }
  }

  private func writeSeries(_ volume: Volume, index: Int, into folder: URL, threads: Int) throws {
    let final = folder.appendingPathComponent(studyFolderName(index: index))
    let temporary = folder.appendingPathComponent(".\(studyFolderName(index: index)).partial")
    try? FileManager.default.removeItem(at: temporary)
    try createFolder(temporary)
    InterruptCleanup.register(temporary.path)
    defer { InterruptCleanup.unregister(temporary.path) }

    let writer = CTSliceWriter(study: studyAttributes(index: index))
    let nz = volume.geometry.size.nz
    let failures = ParallelSlices.map(count: nz, threads: threads) { _, range -> [String] in
      range.compactMap { k in
        let url = temporary.appendingPathComponent(sliceFileName(k))
        do { try writer.write(slice: k, of: volume, to: url) } catch { return "\(error)" }
        return nil
      }
    }.flatMap { $0 }
    if let first = failures.first {
      try? FileManager.default.removeItem(at: temporary)
      throw PhantomError.dicomWriteFailed(path: final.path, reason: first)
    }

    // An interruption waits for the swap: an earlier run's study is never removed without
    // this one taking its place.
    do {
      try InterruptCleanup.critical {
        try? FileManager.default.removeItem(at: final)
        try FileManager.default.moveItem(at: temporary, to: final)
      }
    } catch {
      throw PhantomError.cannotCreateFolder(path: final.path, reason: error.localizedDescription)
    }
  }

  /// `CT0001.dcm` ... in slice order from the lowest (most inferior) slice.
  func sliceFileName(_ k: Int) -> String {
    let number = String(k + 1)
    return "CT" + String(repeating: "0", count: max(0, 4 - number.count)) + number + ".dcm"
  }

  func studyAttributes(index: Int) -> StudyAttributes {
    let date = studyDate(index: index).replacingOccurrences(of: "-", with: "")
    let (seed, preset) = (self.seed, self.preset)
    return StudyAttributes(
      patientName: preset.patientName, patientID: "SYN-\(seed)",
      birthDate: SyntheticPatient.birthDate.replacingOccurrences(of: "-", with: ""),
      sex: SyntheticPatient.sex, age: SyntheticPatient.age, date: date,
      time: SyntheticPatient.studyTime, studyID: String(index + 1),
      studyDescription: "CT CHEST (synthetic phantom, day \(preset.studyDays[index]))",
      seriesDescription: "Axial \(scan.sliceSpacingMM) mm lung",
      studyInstanceUID: DicomUID.make(seed: seed, preset: preset, kind: .study, study: index),
      seriesInstanceUID: DicomUID.make(seed: seed, preset: preset, kind: .series, study: index),
      frameOfReferenceUID: DicomUID.make(
        seed: seed, preset: preset, kind: .frameOfReference, study: index),
      seriesNumber: SyntheticPatient.seriesNumber, sliceThicknessMM: scan.sliceSpacingMM,
      instanceUID: { k in
        DicomUID.make(seed: seed, preset: preset, kind: .instance, study: index, instance: k)
      })
  }

  func writeJSON<T: Encodable>(_ value: T, to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(value)
      data.append(0x0A)
      try AtomicFile.write(data, to: url)
    } catch {
      throw PhantomError.fileWriteFailed(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Writes `ct-YYYY-MM-DD.nii.gz` (HU) and `ct-YYYY-MM-DD-labels.nii.gz` (0 none, 1 right
  /// lung, 2 left lung, 3 GGO, 4 consolidation) with `Outputs.NiftiWriter`.
  private func writeNiftiFiles(
    _ volume: Volume, labels: LabelVolume, index: Int, into folder: URL
  ) throws {
    let stem = studyFolderName(index: index)
    let image = folder.appendingPathComponent("\(stem).nii.gz")
    let labelImage = folder.appendingPathComponent("\(stem)-labels.nii.gz")
    do {
      try NiftiWriter.write(volume, to: image)
      try NiftiWriter.write(labels, to: labelImage)
    } catch {
      throw PhantomError.fileWriteFailed(path: image.path, reason: "\(error)")
    }
  }
}
