import Foundation
import Imaging
import Outputs
import TestSupport
import Testing

@testable import Ingest

/// The single-pass NIfTI read: the same voxels as libnifti2's load, and the same SHA-256 as
/// hashing the file separately.
@Suite struct DirectNiftiTests {
  static func volume() -> Volume {
    let geometry = Geometry(
      size: GridSize(7, 6, 5), spacing: Vector3(0.7, 0.7, 1.25), origin: Vector3(-10, -20, 30))
    let voxels = (0..<210).map { Int16($0 * 331 % 4000 - 2000) }
    return Volume(geometry: geometry, voxels: voxels)
  }

  static func written(_ name: String) throws -> URL {
    let url = try TestEnvironment.makeTemporaryDirectory().appendingPathComponent(name)
    try NiftiWriter.write(volume(), to: url)
    return url
  }

  @Test func readsTheVoxelsAndHashesTheFileInOnePass() throws {
    let url = try Self.written("v.nii")
    let (direct, _, digest) = try NiftiReader.read(url.path, hashing: true)
    let (library, _) = try NiftiReader.read(url.path)
    #expect(direct.voxels == Self.volume().voxels)
    #expect(direct.voxels == library.voxels)
    #expect(direct.geometry.origin == library.geometry.origin)
    #expect(digest == (try FileHash.sha256(of: url)))

    let loaded = try StudyLoader.load([url], options: LoadOptions(threads: 1))
    #expect(loaded.inputFiles.first?.sha256 == (try FileHash.sha256(of: url)))
  }

  @Test func bytesAfterTheVoxelsAreHashedToo() throws {
    let url = try Self.written("tail.nii")
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(repeating: 7, count: 100_000))
    try handle.close()
    let (_, _, digest) = try NiftiReader.read(url.path, hashing: true)
    #expect(digest == (try FileHash.sha256(of: url)))
  }

  @Test func aCompressedFileIsLeftToTheLibraryAndHashedSeparately() throws {
    let url = try Self.written("v.nii.gz")
    let (volume, _, digest) = try NiftiReader.read(url.path, hashing: true)
    #expect(digest == nil)
    #expect(volume.voxels == Self.volume().voxels)
  }

  @Test func aTruncatedFileIsRefusedNamingIt() throws {
    let url = try Self.written("short.nii")
    let data = try Data(contentsOf: url)
    try data.prefix(data.count - 10).write(to: url)
    #expect {
      _ = try NiftiReader.read(url.path, hashing: true)
    } throws: { error in
      let text = String(describing: error)
      return text.contains("short.nii") && text.contains("truncated")
    }
  }
}
