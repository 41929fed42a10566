import Foundation
import Imaging
import Ingest
import Outputs
import TestSupport
import Testing

/// NiftiWriter: exact round trip, the affine other tools read, deterministic and atomic.
@Suite struct NiftiWriterTests {
  static func sampleVolume() -> Volume {
    let geometry = Geometry(
      size: GridSize(5, 4, 3), spacing: Vector3(0.7, 0.8, 2.5), origin: Vector3(-12.5, -20, 100),
      direction: Matrix3.rotation(x: 0, y: 0, z: 30 * Double.pi / 180))
    let voxels = (0..<60).map { Int16($0 * 37 % 2000 - 1000) }
    return Volume(geometry: geometry, voxels: voxels)
  }

  @Test(arguments: ["v.nii", "v.nii.gz"])
  func roundTripsThroughTheReader(_ name: String) throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let url = folder.appendingPathComponent(name)
    let volume = Self.sampleVolume()
    try NiftiWriter.write(volume, to: url)

    let back = try StudyLoader.load([url], options: LoadOptions(threads: 1))
    #expect(back.volume.voxels == volume.voxels)
    #expect(close(back.volume.geometry.origin, volume.geometry.origin, 1e-4))
    #expect(close(back.volume.geometry.direction.c0, volume.geometry.direction.c0, 1e-6))
    #expect(close(back.volume.geometry.direction.c1, volume.geometry.direction.c1, 1e-6))
    #expect(close(back.volume.geometry.spacing, volume.geometry.spacing, 1e-6))
  }

  @Test func float32HoldsTheSameValues() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let url = folder.appendingPathComponent("f.nii.gz")
    try NiftiWriter.write(Self.sampleVolume(), to: url, dataType: .float32)
    let back = try StudyLoader.load([url], options: LoadOptions(threads: 1))
    #expect(back.volume.voxels == Self.sampleVolume().voxels)
  }

  @Test func bytesAreIdenticalAcrossWrites() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let a = folder.appendingPathComponent("a.nii.gz")
    let b = folder.appendingPathComponent("b.nii.gz")
    try NiftiWriter.write(Self.sampleVolume(), to: a)
    try NiftiWriter.write(Self.sampleVolume(), to: b)
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
  }

  @Test func nibabelReadsTheSameAffineFromQformAndSform() throws {
    guard let python = TestEnvironment.python else {
      Issue.record("no fixture Python: set CTCASE_PYTHON or run `make py-deps`")
      return
    }
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let url = folder.appendingPathComponent("v.nii.gz")
    try NiftiWriter.write(Self.sampleVolume(), to: url)
    let script = """
      import sys, nibabel as nib, numpy as np
      img = nib.load(sys.argv[1])
      q, qc = img.header.get_qform(coded=True); s, sc = img.header.get_sform(coded=True)
      print(int(qc), int(sc), float(np.abs(q - s).max()), *img.affine[:3].ravel())
      """
    let run = try TestEnvironment.run(python, ["-c", script, url.path])
    let fields = run.stdout.split(separator: " ").compactMap {
      Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    try #require(fields.count == 15, "\(run.stderr)")
    #expect(fields[0] == 1 && fields[1] == 1)
    #expect(fields[2] < 1e-4)
    let g = Self.sampleVolume().geometry
    let steps = g.indexToPhysical
    // RAS affine = diag(-1, -1, 1) * LPS affine.
    let expected = [
      -steps.c0.x, -steps.c1.x, -steps.c2.x, -g.origin.x, -steps.c0.y, -steps.c1.y, -steps.c2.y,
      -g.origin.y, steps.c0.z, steps.c1.z, steps.c2.z, g.origin.z,
    ]
    for (got, want) in zip(fields[3...], expected) { #expect(abs(got - want) < 1e-4) }
  }

  @Test func failedWriteLeavesNothing() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let missing = folder.appendingPathComponent("no/such/v.nii.gz")
    #expect(throws: OutputFileError.self) {
      try NiftiWriter.write(Self.sampleVolume(), to: missing)
    }
    let url = folder.appendingPathComponent("x.bin")
    struct Boom: Error {}
    #expect(throws: Boom.self) {
      try AtomicFile.write(to: url) { temporary in
        try Data([1, 2, 3]).write(to: temporary)
        throw Boom()
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  /// Files written together replace the earlier pair only when every one was written; one
  /// refused destination keeps both earlier files and leaves no temporary file.
  @Test func filesWrittenTogetherReplaceTheEarlierPairWhole() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let (pdf, record) = (
      folder.appendingPathComponent("r.pdf"), folder.appendingPathComponent("r.json")
    )
    for url in [pdf, record] { try Data("old".utf8).write(to: url) }
    struct Boom: Error {}

    #expect(throws: Boom.self) {
      try AtomicFile.write(together: [pdf, record]) { temporaries in
        try Data("new".utf8).write(to: temporaries[0])
        throw Boom()
      }
    }
    #expect(
      try [pdf, record].map { try String(contentsOf: $0, encoding: .utf8) } == ["old", "old"])
    let subfolder = folder.appendingPathComponent("sub.json")
    try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: false)
    #expect(throws: OutputFileError.self) {
      try AtomicFile.write(together: [pdf, subfolder]) { _ in Issue.record("body ran") }
    }

    try AtomicFile.write(together: [pdf, record]) { temporaries in
      for (temporary, text) in zip(temporaries, ["new pdf", "new record"]) {
        try Data(text.utf8).write(to: temporary)
      }
    }
    #expect(
      try [pdf, record].map { try String(contentsOf: $0, encoding: .utf8) }
        == ["new pdf", "new record"])
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["r.json", "r.pdf", "sub.json"])
  }

  @Test func onlyNewOrRegularFilesAreReplaced() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let target = folder.appendingPathComponent("target.txt")
    try Data("kept".utf8).write(to: target)
    let link = folder.appendingPathComponent("link.pdf")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let pipe = folder.appendingPathComponent("pipe.pdf")
    #expect(mkfifo(pipe.path, 0o600) == 0)
    let subfolder = folder.appendingPathComponent("sub.pdf")
    try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: false)

    for url in [link, pipe, subfolder] {
      let error = #expect(throws: OutputFileError.self) {
        try AtomicFile.write(Data("new".utf8), to: url)
      }
      #expect(error?.description.contains("is not a regular file") == true)
    }
    #expect(try String(contentsOf: target, encoding: .utf8) == "kept")
    let destination = try FileManager.default.destinationOfSymbolicLink(atPath: link.path)
    #expect(destination == target.path)

    try AtomicFile.write(Data("new".utf8), to: target)
    #expect(try String(contentsOf: target, encoding: .utf8) == "new")
  }
}

/// SHA-256 through libcrypto.
@Suite struct FileHashTests {
  @Test func knownDigests() throws {
    #expect(
      FileHash.sha256(Data("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let folder = try TestEnvironment.makeTemporaryDirectory()
    let url = folder.appendingPathComponent("empty")
    try Data().write(to: url)
    #expect(
      try FileHash.sha256(of: url)
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}
