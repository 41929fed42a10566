import Foundation
import Imaging
import Ingest
import Testing

/// Every transfer syntax decodes to the known HU, on the known grid.
@Suite struct TransferSyntaxTests {
  /// (fixture, expected transfer syntax UID, largest allowed |HU difference|: 0 = lossless).
  static let cases: [(String, String, Int)] = [
    ("regular", "1.2.840.10008.1.2.1", 0),
    ("ts-implicit", "1.2.840.10008.1.2", 0),
    ("ts-bigendian", "1.2.840.10008.1.2.2", 0),
    ("ts-jpeg-lossless", "1.2.840.10008.1.2.4.70", 0),
    ("ts-jpeg-ls", "1.2.840.10008.1.2.4.80", 0),
    ("ts-rle", "1.2.840.10008.1.2.5", 0),
    ("ts-jpeg2000", "1.2.840.10008.1.2.4.90", 0),
    ("regular12", "1.2.840.10008.1.2.1", 0),
    ("highbits", "1.2.840.10008.1.2.1", 0),
    ("regular8", "1.2.840.10008.1.2.1", 0),
    ("enhanced", "1.2.840.10008.1.2.1", 0),
    ("padding", "1.2.840.10008.1.2.1", 0),
    // Lossy: JPEG extended 12-bit and baseline 8-bit (8 HU per stored step) stay close.
    ("ts-jpeg-extended", "1.2.840.10008.1.2.4.51", 40),
    ("ts-jpeg-baseline", "1.2.840.10008.1.2.4.50", 80),
  ]

  @Test("decodes to the known HU and grid", arguments: cases)
  func decodesKnownVolume(_ name: String, _ syntax: String, _ tolerance: Int) throws {
    let study = try IngestFixtures.load(name)
    let (expected, voxels) = try IngestFixtures.expected(name)
    let g = study.volume.geometry

    #expect([g.size.nx, g.size.ny, g.size.nz] == expected.size)
    #expect(close(g.spacing, Vector3(expected.spacing[0], expected.spacing[1], expected.spacing[2])))
    #expect(close(g.origin, Vector3(expected.origin[0], expected.origin[1], expected.origin[2])))
    #expect(g.direction == .identity)
    #expect(study.metadata.transferSyntax == syntax)
    let worst = zip(study.volume.voxels, voxels).map { abs(Int($0) - Int($1)) }.max() ?? -1
    #expect(worst <= tolerance, "largest HU difference \(worst)")
    #expect(study.warnings.isEmpty, "\(study.warnings)")
  }

  @Test func slicesFollowPositionNotInstanceNumberOrFileName() throws {
    let study = try IngestFixtures.load("regular")
    let (_, voxels) = try IngestFixtures.expected("regular")
    #expect(study.volume.voxels == voxels)
    #expect(study.metadata.sopInstanceUIDs.count == 8)
    #expect(study.inputFiles.count == 8)
    #expect(study.inputFiles.allSatisfy { $0.sha256.count == 64 && $0.byteCount > 0 })
  }

  @Test func resultDoesNotDependOnThreadCount() throws {
    let url = try IngestFixtures.url("ts-jpeg-lossless")
    let one = try StudyLoader.load([url], options: LoadOptions(threads: 1))
    let three = try StudyLoader.load([url], options: LoadOptions(threads: 3))
    #expect(one.volume.voxels == three.volume.voxels)
    #expect(one.volume.geometry == three.volume.geometry)
    #expect(one.inputFiles == three.inputFiles)
  }
}
