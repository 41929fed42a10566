import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

/// Synthetic inputs for the DICOM writer tests: a patient with a Latin and a Chinese name, a
/// small labelled volume on a tilted grid, and a minimal PDF.
enum DicomTestFixtures {
  static let latinName = "Zhang^Wei"
  static let chineseName = "张伟"
  static let patientID = "PID-0042-XYZ"
  static let birthDate = "1961-07-15"
  static let institution = "Riverside General Hospital"
  static let studyDescription = "CT THORAX Dr Mueller"
  static let studyTime = "101530.250000"
  static let studyID = "STUDY-8841"
  static let accessionNumber = "ACC-77123"
  static let referringPhysician = "Mueller^Hans=穆勒"

  static let patient = PatientInfo(
    name: "\(latinName)=\(chineseName)", id: patientID, birthDate: birthDate, sex: "M",
    age: "063Y")

  static let grid = GridSize(6, 5, 4)

  /// Metadata of a four-slice CT study.
  static func metadata(studyDate: String = "2024-02-03") -> StudyMetadata {
    let study = "1.2.826.0.1.3680043.8.498.1001"
    return StudyMetadata(
      patient: patient, studyDate: studyDate, studyInstanceUID: study,
      seriesInstanceUID: study + ".2", frameOfReferenceUID: study + ".3",
      studyDescription: studyDescription, seriesDescription: "Lung 1.0 B70f",
      institutionName: institution, manufacturer: "SIEMENS", modality: "CT",
      sliceThicknessMM: 2.5, selectionReason: "thinnest lung kernel series",
      sopInstanceUIDs: (1...grid.nz).map { "\(study).2.\($0)" },
      sopClassUID: "1.2.840.10008.5.1.4.1.1.2", studyTime: studyTime, studyID: studyID,
      accessionNumber: accessionNumber, referringPhysicianName: referringPhysician)
  }

  /// Labels 1-4 on a 6x5x4 grid: right lung on the left half of the image (patient right),
  /// left lung on the other half, one GGO voxel block and one consolidation voxel.
  static func labels() -> LabelVolume {
    let geometry = Geometry(
      size: grid, spacing: Vector3(0.7, 0.8, 2.5), origin: Vector3(-100, -50, 200),
      direction: Matrix3(columns: Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, -1)))
    var volume = LabelVolume(geometry: geometry)
    for k in 0..<grid.nz {
      for j in 1..<4 {
        for i in 0..<grid.nx { volume[i, j, k] = i < 3 ? 1 : 2 }
      }
    }
    volume[1, 2, 1] = 3
    volume[1, 2, 2] = 3
    volume[4, 2, 2] = 4
    return volume
  }

  /// A minimal valid one-page PDF of odd length (exercises DICOM's even-length padding).
  static func pdf() -> Data {
    var body = "%PDF-1.4\n"
    var offsets: [Int] = []
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    for (index, object) in objects.enumerated() {
      offsets.append(body.utf8.count)
      body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = body.utf8.count
    body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      let text = String(offset)
      body += String(repeating: "0", count: 10 - text.count) + text + " 00000 n \n"
    }
    body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF"
    if body.utf8.count % 2 == 0 { body += "\n" }
    return Data(body.utf8)
  }
}

/// Runs DCMTK and dicom3tools programs on written files.
enum DicomTools {
  /// Runs `command` through the shell with stderr folded into stdout (dciodvfy reports on
  /// stderr), returning status and output.
  static func run(_ command: String) throws -> (status: Int32, output: String) {
    let result = try TestEnvironment.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", command + " 2>&1"])
    return (result.status, result.stdout)
  }

  static func isInstalled(_ program: String) -> Bool {
    ((try? run("command -v \(program)"))?.status ?? 1) == 0
  }

  /// The lines of `dciodvfy` output that are errors.
  static func validationErrors(_ path: String) throws -> [String] {
    let result = try run("dciodvfy '\(path)'")
    return result.output.split(separator: "\n").map(String.init)
      .filter { $0.hasPrefix("Error") }
  }

  static func dump(_ path: String) throws -> String {
    let result = try run("dcmdump +U8 +L '\(path)'")
    #expect(result.status == 0, "dcmdump failed: \(result.output)")
    return result.output
  }
}
