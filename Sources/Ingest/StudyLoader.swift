import Foundation
import Imaging

/// The one entry point that turns input paths into a calibrated CT volume.
///
/// Accepts folders (searched recursively; DICOM recognised by content), lists of DICOM files,
/// or one NIfTI (`.nii`, `.nii.gz`) or NRRD (`.nrrd`, `.nhdr`) file. Every format lands in the
/// same frame: Int16 HU, LPS millimetres.
public enum StudyLoader {
  /// Loads the chosen (or requested) series as a volume.
  /// - Throws: `IngestError` naming the file and the problem; never returns a partial volume.
  public static func load(_ paths: [URL], options: LoadOptions) throws -> LoadedStudy {
    let label = describe(paths)
    let inputs = try InputScanner.scan(paths)
    var study: LoadedStudy
    if let volumeFile = try singleVolumeFile(inputs, label: label) {
      study = try loadVolumeFile(volumeFile)
    } else {
      study = try loadDicom(inputs.dicom, options: options, label: label)
    }
    study.warnings = inputs.skippedLinkWarnings + study.warnings
    return study
  }

  /// Lists what the paths hold and which series `load` would use, reading headers only.
  /// - Throws: `IngestError` when nothing readable is found or `--series` names no series.
  public static func inspect(_ paths: [URL], options: LoadOptions) throws -> Inventory {
    let label = describe(paths)
    let inputs = try InputScanner.scan(paths)
    var inventory: Inventory
    if let volumeFile = try singleVolumeFile(inputs, label: label) {
      inventory = try inspectVolumeFile(volumeFile, ignored: inputs.ignoredCount)
    } else {
      inventory = try inspectDicom(inputs, options: options, label: label)
    }
    inventory.warnings = inputs.skippedLinkWarnings + inventory.warnings
    return inventory
  }

  /// How errors about "the input as a whole" name it.
  static func describe(_ paths: [URL]) -> String {
    paths.count == 1 ? paths[0].path : "\(paths[0].path) (and \(paths.count - 1) more)"
  }

  /// The one NIfTI/NRRD file to read, nil when the input is DICOM.
  private static func singleVolumeFile(_ inputs: ScannedInputs, label: String) throws -> String? {
    guard !inputs.volumes.isEmpty else {
      if inputs.dicom.isEmpty {
        let links =
          inputs.skippedLinks.isEmpty ? "" : ", \(inputs.skippedLinks.count) skipped links"
        throw IngestError.noImages(
          path: label,
          reason: "no DICOM, NIfTI or NRRD file found (\(inputs.ignoredCount) other\(links))")
      }
      return nil
    }
    guard inputs.dicom.isEmpty, inputs.volumes.count == 1 else {
      throw IngestError.noImages(
        path: label,
        reason: "\(inputs.volumes.count) NIfTI/NRRD and \(inputs.dicom.count) DICOM files; "
          + "give one volume file, or DICOM only")
    }
    return inputs.volumes[0]
  }

  static func loadVolumeFile(_ path: String) throws -> LoadedStudy {
    var digest: String?
    let (volume, warnings): (Volume, [IngestWarning])
    if InputScanner.isNrrd(path) {
      (volume, warnings) = try NrrdReader.read(path)
    } else {
      (volume, warnings, digest) = try NiftiReader.read(path, hashing: true)
    }
    try HounsfieldCheck.verify(volume, path: path)
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let choice = SeriesChoice(kind: .volumeFile, fileName: name)
    var metadata = StudyMetadata(seriesDescription: name, selectionReason: choice.englishText)
    metadata.seriesChoice = choice

    // A detached NRRD header is only half the input: its data files are hashed too. A NIfTI
    // read in one pass comes with its digest already.
    let dataFiles = InputScanner.isNrrd(path) ? try NrrdReader.dataFiles(path) : []
    let inputs = try ([path] + dataFiles).map { file in
      InputFile(
        path: file,
        sha256: try (file == path ? digest : nil)
          ?? FileHash.sha256(of: URL(fileURLWithPath: file)),
        byteCount: try byteCount(file))
    }
    return LoadedStudy(volume: volume, metadata: metadata, warnings: warnings, inputFiles: inputs)
  }

  /// The size of a file in bytes.
  /// - Throws: `IngestError.unreadable` naming it.
  static func byteCount(_ path: String) throws -> Int {
    // stat(2) directly: FileManager's attributes also look up owner names in /etc/passwd.
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw IngestError.unreadable(path: path, reason: "cannot stat")
    }
    return Int(info.st_size)
  }
}

/// Refuses volumes whose values cannot be Hounsfield units.
enum HounsfieldCheck {
  /// - Throws: `IngestError.notHounsfieldUnits` when nothing in the volume is as dark as air
  ///   (for example a NIfTI that lost its -1024 offset), or `.noImages` when all voxels are no data.
  static func verify(_ volume: Volume, path: String) throws {
    // A branch-free minimum (no data counts as Int16.max) the compiler can vectorise.
    let lowest = volume.voxels.reduce(Int16.max) { min($0, $1 == Volume.noData ? Int16.max : $1) }
    guard lowest != Int16.max || volume.voxels.contains(Int16.max) else {
      throw IngestError.noImages(path: path, reason: "every voxel is no data")
    }
    guard Double(lowest) <= IngestLimits.airCeilingHU else {
      throw IngestError.notHounsfieldUnits(
        path: path,
        reason: "lowest value is \(lowest), but air in a chest CT is near -1000 HU "
          + "(rescale intercept or offset lost?)")
    }
  }
}
