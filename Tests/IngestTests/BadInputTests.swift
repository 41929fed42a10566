import Foundation
import Imaging
import Ingest
import TestSupport
import Testing

/// Each class of broken real-world input is either handled with a named warning or refused
/// with an error naming the file and the property.
@Suite struct BadInputTests {
  /// (fixture, warning code, file name the warning must name).
  static let handled: [(String, String, String)] = [
    ("gap", "slice-gap", ".dcm"),
    ("duplicate", "duplicate-slice", "zz-copy.dcm"),
    ("nonuniform", "nonuniform-spacing", ".dcm"),
    ("tilt", "gantry-tilt", ".dcm"),
    ("mixed-orientation", "mixed-orientation", "coronal"),
    ("too-few", "too-few-slices", ".dcm"),
    ("corrupt", "unreadable-file", "junk.dcm"),
    ("burned-in", "burned-in-annotation", ".dcm"),
    ("bad-date", "invalid-date", ".dcm"),
    ("nifti/none.nii", "no-orientation", "none.nii"),
  ]

  @Test("handled with a warning", arguments: handled)
  func handledWithWarning(_ name: String, _ code: String, _ file: String) throws {
    let study = try IngestFixtures.load(name)
    let warning = study.warnings.first { $0.code == code }
    #expect(warning != nil, "warnings: \(study.warnings)")
    #expect(warning?.file.contains(file) == true)
    #expect(warning?.description.contains("\n") == false)
  }

  /// (fixture, text the one-line error must contain besides the path).
  static let refused: [(String, String)] = [
    ("truncated", "corrupt or truncated"),
    ("not-ct", "no CT image series; found not-ct (MR)"),
    ("not-hu", "values are not Hounsfield units: lowest value is 24"),
    ("zero-slope", "unsupported Rescale Slope (0028,1053): is 0 or not a number"),
    ("bad-slope", "unsupported Rescale Slope (0028,1053): is 0 or not a number"),
    ("absurd", "unsupported dimensions: 9000 x 9000 x 1 exceeds the limit"),
    ("far-slice", "unsupported slice positions: a regular grid over them would need 400001 slices"),
    ("damaged-rle", "damaged compressed data in transfer syntax RLE Lossless (RLE decoder"),
    ("damaged-jpeg-lossless", "in transfer syntax JPEG Lossless"),
    ("damaged-jpeg2000", "(OpenJPEG: Tile part length size inconsistent with stream length)"),
    ("nifti/bad-datatype.nii", "libnifti2 cannot read the NIfTI header (bad datatype)"),
    ("frame-count", "inconsistent Number of Frames (0028,0008): is 2, but there are no Per-Frame"),
    ("nifti/offset-lost.nii.gz", "values are not Hounsfield units"),
    ("nifti/four-d.nii.gz", "unsupported dim[4...]: 4-D image"),
    ("nifti/singular.nii", "unsupported sform: the affine is singular or not finite"),
    ("nifti/absurd.nii", "unsupported dimensions: 30000 x 30000 x 30000"),
    ("nifti/truncated.nii.gz", "corrupt or truncated: voxel data is missing or truncated"),
    ("nifti/zero-offset.nii", "corrupt or truncated: vox_offset puts the voxels at byte 348"),
    ("nrrd/garbage.nrrd", "corrupt or truncated"),
    ("selection/notes.txt", "not DICOM (by content), NIfTI or NRRD"),
    ("no-such-folder", "no such file or folder"),
  ]

  @Test("refused with an error naming the file", arguments: refused)
  func refusedWithError(_ name: String, _ message: String) throws {
    let url = try IngestFixtures.url(name)
    do {
      _ = try StudyLoader.load([url], options: LoadOptions(threads: 2))
      Issue.record("\(name) loaded but should have been refused")
    } catch let error as IngestError {
      #expect(error.description.contains(message), "\(error)")
      #expect(error.description.hasPrefix(url.path), "\(error)")
      #expect(!error.description.contains("\n"))
      #expect(
        !error.description.contains("Test^Patient") && !error.description.contains("FIXTURE-1"))
    }
  }

  @Test func truncatedFileIsTheOneNamed() throws {
    let victim = try String(
      contentsOf: try IngestFixtures.url("truncated-name.txt"), encoding: .utf8)
    #expect(throws: IngestError.self) { try IngestFixtures.load("truncated") }
    do { _ = try IngestFixtures.load("truncated") } catch let error as IngestError {
      #expect(error.path == victim)
    }
  }

  @Test func sliceWithAnUnreadableSlopeIsTheOneNamed() throws {
    let victim = try String(
      contentsOf: try IngestFixtures.url("bad-slope-name.txt"), encoding: .utf8)
    do {
      _ = try IngestFixtures.load("bad-slope")
      Issue.record("a slope of 'abc' was read as a number")
    } catch let error as IngestError {
      #expect(error.path == victim, "\(error)")
    }
  }

  @Test(arguments: ["damaged-rle", "damaged-jpeg-lossless", "damaged-jpeg2000"])
  func damagedCompressedSliceIsTheOneNamed(_ name: String) throws {
    let victim = try String(contentsOf: try IngestFixtures.url("\(name)-name.txt"), encoding: .utf8)
    do {
      _ = try IngestFixtures.load(name)
      Issue.record("\(name): the damaged slice was decoded into the volume")
    } catch let error as IngestError {
      #expect(error.path == victim, "\(error)")
    }
  }

  /// A study folder that is a symbolic link (to a folder or of linked files) reads as its
  /// target, and warnings name files by the path the user gave.
  @Test func symbolicallyLinkedStudyFolderReadsAsItsTarget() throws {
    let links = try TestEnvironment.makeTemporaryDirectory("ctcase-linked-study")
    let linkedFolder = links.appendingPathComponent("study")
    try FileManager.default.createSymbolicLink(
      at: linkedFolder, withDestinationURL: try IngestFixtures.url("gap"))
    let linkedFiles = links.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: linkedFiles, withIntermediateDirectories: false)
    for name in try FileManager.default.contentsOfDirectory(atPath: linkedFolder.path) {
      try FileManager.default.createSymbolicLink(
        at: linkedFiles.appendingPathComponent(name),
        withDestinationURL: linkedFolder.appendingPathComponent(name))
    }
    let (_, voxels) = try IngestFixtures.expected("gap")

    for folder in [linkedFolder, linkedFiles] {
      let study = try StudyLoader.load([folder], options: LoadOptions(threads: 2))
      #expect(study.volume.voxels == voxels, "\(folder.lastPathComponent)")
      let gap = study.warnings.first { $0.code == IngestWarningCode.sliceGap }
      #expect(gap?.file.hasPrefix(folder.path + "/") == true, "\(study.warnings)")
    }
  }

  /// A slice link left dangling, and a link to a folder inside the study, are skipped with a
  /// warning naming each, not silently (the dangling slice would read as an unexplained gap).
  @Test func danglingAndFolderLinksInAStudyAreNamed() throws {
    let study = try TestEnvironment.makeTemporaryDirectory("ctcase-dangling-link")
    let source = try IngestFixtures.url("gap")
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
    where name.hasSuffix(".dcm") {
      try FileManager.default.createSymbolicLink(
        at: study.appendingPathComponent(name),
        withDestinationURL: source.appendingPathComponent(name))
    }
    let dangling = study.appendingPathComponent("zz-moved.dcm")
    try FileManager.default.createSymbolicLink(
      at: dangling, withDestinationURL: source.appendingPathComponent("no-such-slice.dcm"))
    let folderLink = study.appendingPathComponent("series")
    try FileManager.default.createSymbolicLink(at: folderLink, withDestinationURL: source)

    let loaded = try StudyLoader.load([study], options: LoadOptions(threads: 2))

    let skipped = loaded.warnings.filter { $0.code == IngestWarningCode.skippedLink }
    #expect(skipped.map(\.file) == [folderLink.path, dangling.path], "\(loaded.warnings)")
    #expect(skipped.last?.message.contains("target is missing") == true)
    #expect(skipped.first?.message.contains("not followed") == true)
  }

  /// A NIfTI file given through a symbolic link without the file's suffix (`scan` for
  /// `scan.nii.gz`) is read as its target: the same voxels as the file given by name.
  @Test func niftiBehindALinkWithoutItsSuffixReadsAsItsTarget() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-linked-nifti")
    let file = try IngestFixtures.url("nifti/scaled.nii.gz")
    let link = folder.appendingPathComponent("scan")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)

    let linked = try StudyLoader.load([link], options: LoadOptions(threads: 2))

    let direct = try StudyLoader.load([file], options: LoadOptions(threads: 2))
    #expect(linked.volume.voxels == direct.volume.voxels)
    #expect(linked.volume.geometry == direct.volume.geometry)
  }

  @Test func sliceWithAWrongFrameCountIsTheOneNamed() throws {
    let victim = try String(
      contentsOf: try IngestFixtures.url("frame-count-name.txt"), encoding: .utf8)
    do {
      let study = try IngestFixtures.load("frame-count")
      Issue.record("loaded \(study.volume.geometry.size.nz) slices; the victim was left out")
    } catch let error as IngestError {
      #expect(error.path == victim, "\(error)")
    }

    let inventory = try StudyLoader.inspect(
      [try IngestFixtures.url("frame-count")], options: LoadOptions(threads: 2))
    let warning = inventory.warnings.first { $0.code == IngestWarningCode.unplacedFrames }
    #expect(warning?.file == victim, "\(inventory.warnings)")
  }

  @Test func clampedValuesNameTheSliceThatHasThem() throws {
    let victim = try String(
      contentsOf: try IngestFixtures.url("clamped-name.txt"), encoding: .utf8)
    let study = try IngestFixtures.load("clamped")
    let warning = study.warnings.first { $0.code == "values-clamped" }
    #expect(warning?.file == victim, "\(study.warnings)")
  }

  @Test func gapIsFilledWithNoDataOnTheRegularGrid() throws {
    let study = try IngestFixtures.load("gap")
    let (expected, voxels) = try IngestFixtures.expected("gap")
    #expect(study.volume.geometry.size.nz == expected.size[2])
    #expect(abs(study.volume.geometry.spacing.z - 2.5) < 1e-9)
    #expect(study.volume.voxels == voxels)
    #expect(study.volume[0, 0, 3] == Volume.noData)
  }

  @Test func duplicateAndMixedSlicesLeaveTheTrueVolume() throws {
    for name in ["duplicate", "mixed-orientation", "corrupt"] {
      let study = try IngestFixtures.load(name)
      let (_, voxels) = try IngestFixtures.expected(name)
      #expect(study.volume.voxels == voxels, "\(name)")
    }
  }

  @Test func nonuniformSpacingIsResampledOntoTheTypicalStep() throws {
    let study = try IngestFixtures.load("nonuniform")
    let g = study.volume.geometry
    #expect(abs(g.spacing.z - 2.5) < 1e-9)
    #expect(g.size.nz == 8)  // 0 ... 18.7 mm at 2.5 mm: 8 planes
    // Slice 3 sits at 7.5 mm, between sources at 5.0 (k=2 ramp) and 8.7 (k=3 ramp): a blend.
    let (_, regular) = try IngestFixtures.expected("regular")
    let voxel = GridSize(40, 32, 8).offset(20, 10, 3)
    let lower = Double(regular[GridSize(40, 32, 8).offset(20, 10, 2)])
    let upper = Double(regular[voxel])
    let weight = (7.5 - 5.0) / (8.7 - 5.0)
    #expect(
      Int(study.volume.voxels[voxel]) == Int((lower * (1 - weight) + upper * weight).rounded()))
  }

  @Test func tiltKeepsEveryVoxelAtItsTruePosition() throws {
    let study = try IngestFixtures.load("tilt")
    let g = study.volume.geometry
    let shear = tan(20 * Double.pi / 180)
    for k in 0..<g.size.nz {
      let z = 2.5 * Double(k)
      #expect(close(g.point(0, 0, Double(k)), Vector3(-12.5, -20 + shear * z, 100 + z), 1e-3))
    }
    let (_, voxels) = try IngestFixtures.expected("tilt")
    #expect(study.volume.voxels == voxels)
    // Each voxel stands for a 2.5 mm slab along the normal, not the 2.66 mm lean of the k axis.
    let slabML = g.spacing.x * g.spacing.y * 2.5 / 1000
    #expect(abs(g.voxelVolumeML - slabML) < 1e-12, "\(g.voxelVolumeML) vs \(slabML)")
  }

  @Test func impossibleDateFallsBackToSeriesDate() throws {
    let study = try IngestFixtures.load("bad-date")
    #expect(study.metadata.studyDate == "2023-12-01")
    #expect(try IngestFixtures.load("regular").metadata.studyDate == "2020-03-15")
  }
}
