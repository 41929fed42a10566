import Foundation
import Imaging
import Ingest
import Testing

/// NIfTI (every qform/sform convention) and NRRD (LPS and RAS spaces) land in one LPS frame.
@Suite struct VolumeFileTests {
  /// The LPS index-to-world matrix the fixture script used (rotation about z, then spacing).
  static func expectedSteps(rotationDegrees: Double) -> Matrix3 {
    let r = rotationDegrees * Double.pi / 180
    return Matrix3(
      columns: Vector3(cos(r), sin(r), 0) * 0.7, Vector3(-sin(r), cos(r), 0) * 0.8,
      Vector3(0, 0, 2.5))
  }

  static let files: [(String, Double)] = [
    ("nifti/sform-rot0.nii.gz", 0), ("nifti/sform-rot30.nii.gz", 30),
    ("nifti/qform-rot0.nii.gz", 0), ("nifti/qform-rot30.nii.gz", 30),
    ("nifti/both-rot0.nii.gz", 0), ("nifti/both-rot30.nii.gz", 30),
    ("nifti/scanner-aligned-rot0.nii.gz", 0), ("nifti/scanner-aligned-rot30.nii.gz", 30),
    ("nifti/scaled.nii.gz", 0),
    ("nrrd/left-posterior-superior.nrrd", 30), ("nrrd/right-anterior-superior.nrrd", 30),
    ("nrrd/detached.nhdr", 30), ("nrrd/detached-list.nhdr", 30),
  ]

  @Test("reads back in the LPS frame", arguments: files)
  func readsInLPS(_ name: String, _ rotation: Double) throws {
    let study = try IngestFixtures.load(name)
    let g = study.volume.geometry
    let steps = Self.expectedSteps(rotationDegrees: rotation)
    let (_, voxels) = try IngestFixtures.expected("regular")

    #expect(close(g.origin, Vector3(-12.5, -20, 100), 1e-3))
    #expect(close(g.indexToPhysical.c0, steps.c0, 1e-4))
    #expect(close(g.indexToPhysical.c1, steps.c1, 1e-4))
    #expect(close(g.indexToPhysical.c2, steps.c2, 1e-4))
    #expect(study.volume.voxels == voxels)
    #expect(study.warnings.isEmpty, "\(study.warnings)")
    #expect(study.inputFiles.first?.path.hasSuffix(name) == true)
  }

  /// Provenance hashes what the voxels came from: a detached header and each data file it
  /// names (one, or one per slice in the LIST form), resolved beside the header.
  @Test(arguments: [
    ("nrrd/detached.nhdr", ["detached.raw"]),
    ("nrrd/detached-list.nhdr", (0..<8).map { String(format: "slices/slice%02d.raw", $0) }),
    ("nrrd/left-posterior-superior.nrrd", []),
  ])
  func detachedDataFilesAreInputs(_ name: String, dataFiles: [String]) throws {
    let study = try IngestFixtures.load(name)
    let folder = (study.inputFiles[0].path as NSString).deletingLastPathComponent

    #expect(
      study.inputFiles.map(\.path) == [study.inputFiles[0].path]
        + dataFiles.map {
          (folder as NSString).appendingPathComponent($0)
        })
    for input in study.inputFiles.dropFirst() {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: input.path))
      #expect(input.sha256 == FileHash.sha256(bytes), "\(input.path)")
      #expect(input.byteCount == bytes.count)
    }
  }

  @Test func niftiWithoutOrientationUsesPixdimAndWarns() throws {
    let study = try IngestFixtures.load("nifti/none.nii")
    #expect(close(study.volume.geometry.spacing, Vector3(0.7, 0.8, 2.5), 1e-6))
    #expect(study.warnings.map(\.code) == ["no-orientation"])
  }
}
