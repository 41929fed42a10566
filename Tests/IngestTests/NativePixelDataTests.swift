import Foundation
import Imaging
import Testing

@testable import Ingest

/// Native (uncompressed little-endian 16-bit) pixel data is read in place from the file's
/// bytes; everything else, malformed files included, still goes through the full DCMTK decode.
@Suite struct NativePixelDataTests {
  /// The DICOM files of a fixture folder, by name.
  static func dicomFiles(_ fixture: String) throws -> [URL] {
    let folder = try IngestFixtures.url(fixture)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    return names.map { folder.appendingPathComponent($0) }
      .filter { DicomFile.looksLikeDicom($0.path) }
  }

  /// The stored values the full DCMTK decode gives for a file.
  static func decodedByDCMTK(_ url: URL) throws -> [UInt16] {
    let bytes = try Data(contentsOf: url)
    let header = try DicomImageHeader.read(path: url.path, byteCount: bytes.count)
    let count = header.rows * header.columns * header.frames.count
    return try DicomFile(path: url.path, bytes: bytes).decodePixels(sampleCount: count)
  }

  @Test(
    "native files are found in place and equal the DCMTK decode",
    arguments: ["regular", "ts-implicit", "padding", "highbits", "enhanced"])
  func inPlaceEqualsDecode(_ fixture: String) throws {
    let files = try Self.dicomFiles(fixture)
    #expect(!files.isEmpty)
    for url in files {
      let bytes = try Data(contentsOf: url)
      let range = try #require(DicomFile.nativePixelRange(in: bytes), "\(url.lastPathComponent)")
      #expect(range.upperBound == bytes.count)
      let inPlace = bytes[range].withUnsafeBytes { raw in
        (0..<raw.count / 2).map {
          UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))
        }
      }
      let decoded = try Self.decodedByDCMTK(url)
      #expect(Array(inPlace.prefix(decoded.count)) == decoded, "\(url.lastPathComponent)")
    }
  }

  @Test(
    "other transfer syntaxes and 8-bit data are left to DCMTK",
    arguments: ["ts-bigendian", "ts-jpeg-lossless", "ts-rle", "ts-jpeg2000", "regular8"])
  func otherFilesAreNotNative(_ fixture: String) throws {
    let files = try Self.dicomFiles(fixture)
    #expect(!files.isEmpty)
    for url in files {
      #expect(DicomFile.nativePixelRange(in: try Data(contentsOf: url)) == nil)
    }
  }

  @Test func bytesMissingOrAfterPixelDataAreLeftToDCMTK() throws {
    let bytes = try Data(contentsOf: try #require(try Self.dicomFiles("regular").first))
    #expect(DicomFile.nativePixelRange(in: bytes) != nil)
    #expect(DicomFile.nativePixelRange(in: bytes.dropLast(2)) == nil)
    #expect(DicomFile.nativePixelRange(in: bytes + Data([0xFC, 0xFF, 0xFC, 0xFF])) == nil)
    #expect(DicomFile.nativePixelRange(in: bytes.prefix(bytes.count / 2)) == nil)
  }

  @Test(
    "loading without hashing gives the same volume and no input files",
    arguments: ["regular", "ts-bigendian"])
  func loadWithoutHashing(_ fixture: String) throws {
    let url = try IngestFixtures.url(fixture)
    let hashed = try StudyLoader.load([url], options: LoadOptions(threads: 2))
    let plain = try StudyLoader.load([url], options: LoadOptions(threads: 2, hashesInputs: false))
    #expect(plain.volume.voxels == hashed.volume.voxels)
    #expect(plain.volume.geometry == hashed.volume.geometry)
    #expect(!hashed.inputFiles.isEmpty)
    #expect(plain.inputFiles.isEmpty)
  }
}
