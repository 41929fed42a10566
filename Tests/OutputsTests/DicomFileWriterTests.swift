import Foundation
import TestSupport
import Testing

@testable import Outputs

@Suite("Atomic DICOM file writing")
struct DicomFileWriterTests {
  @Test("a failure half-way leaves the old file untouched and no temporary file behind")
  func failureKeepsOldFile() throws {
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-atomic")
    let url = folder.appendingPathComponent("seg.dcm")
    try Data("old".utf8).write(to: url)

    #expect {
      try DicomFileWriter.write(to: url, kind: .segmentation) { path in
        try Data("half".utf8).write(to: URL(fileURLWithPath: path))
        throw DicomShimFailure(reason: "disk full")
      }
    } throws: { error in
      "\(error)" == "\(url.path): cannot write the DICOM Segmentation: disk full"
    }
    #expect(try Data(contentsOf: url) == Data("old".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["seg.dcm"])
  }

  @Test("a missing folder is reported with the path")
  func missingFolder() throws {
    let url = URL(fileURLWithPath: "/nonexistent-ctcase/x.dcm")
    #expect {
      try DicomFileWriter.write(to: url, kind: .encapsulatedPDF) { _ in }
    } throws: { error in
      "\(error)"
        == "/nonexistent-ctcase/x.dcm: cannot save the DICOM file: the folder does not exist"
    }
  }
}
