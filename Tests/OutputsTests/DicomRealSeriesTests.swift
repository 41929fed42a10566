import Foundation
import Imaging
import TestSupport
import Testing

@testable import Outputs

/// The three objects written against a real 255-slice CT series (MIDRC-RICORD-1A): real UIDs,
/// positions and size, synthetic labels with known voxel counts.
@Suite("DICOM outputs on a real CT series")
struct DicomRealSeriesTests {
  static let dataSet = "covid-ricord-1a-419639-000082"

  /// Reads the series headers (no pixels) in z order.
  static let headerScript = """
    import json, sys, glob, os
    import pydicom
    files = glob.glob(os.path.join(sys.argv[1], "*.dcm"))
    ds = [pydicom.dcmread(f, stop_before_pixels=True) for f in files]
    ds.sort(key=lambda d: float(d.ImagePositionPatient[2]))
    d0 = ds[0]
    json.dump({
      "study": d0.StudyInstanceUID, "series": d0.SeriesInstanceUID,
      "frame": d0.FrameOfReferenceUID, "sopClass": d0.SOPClassUID,
      "sops": [d.SOPInstanceUID for d in ds],
      "positions": [[float(v) for v in d.ImagePositionPatient] for d in ds],
      "spacing": [float(v) for v in d0.PixelSpacing], "thickness": float(d0.SliceThickness),
      "rows": int(d0.Rows), "columns": int(d0.Columns), "date": str(d0.StudyDate),
      "name": str(d0.PatientName), "id": str(d0.PatientID)}, sys.stdout)
    """

  /// Checks every SEG frame against the source header and counts foreground per segment.
  static let checkScript = """
    import json, sys
    import numpy as np, pydicom
    seg = pydicom.dcmread(sys.argv[1])
    header = json.load(open(sys.argv[2]))
    where = {uid: p for uid, p in zip(header["sops"], header["positions"])}
    frames = seg.pixel_array.reshape(-1, seg.Rows, seg.Columns)
    counts = {}
    worst = 0.0
    for index, group in enumerate(seg.PerFrameFunctionalGroupsSequence):
      number = int(group.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
      source = group.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
      position = [float(v) for v in group.PlanePositionSequence[0].ImagePositionPatient]
      worst = max(worst, max(abs(a - b) for a, b in zip(position, where[source])))
      counts[number] = counts.get(number, 0) + int(frames[index].sum())
    json.dump({"counts": counts, "worstPositionErrorMM": worst,
               "frames": len(frames)}, sys.stdout)
    """

  struct Header: Decodable {
    var study, series, frame, sopClass, date, name, id: String
    var sops: [String]
    var positions: [[Double]]
    var spacing: [Double]
    var thickness: Double
    var rows, columns: Int
  }

  struct Check: Decodable {
    var counts: [String: Int]
    var worstPositionErrorMM: Double
    var frames: Int
  }

  @Test(
    "SEG frames sit on their source slices, counts match, all three validate",
    .enabled(if: TestEnvironment.hasSharedData(dataSet), TestEnvironment.skipReason(dataSet)),
    .enabled(if: DicomTools.isInstalled("dciodvfy")))
  func realSeries() throws {
    let python = try #require(TestEnvironment.python, "no fixture python: run make py-deps")
    let folder = try TestEnvironment.makeTemporaryDirectory("ctcase-real")
    let data = TestEnvironment.sharedDataSet(Self.dataSet)!.appendingPathComponent("dicom")
    let headerURL = folder.appendingPathComponent("header.json")
    let read = try TestEnvironment.run(python, ["-c", Self.headerScript, data.path])
    try #require(read.status == 0, "\(read.stderr)")
    try Data(read.stdout.utf8).write(to: headerURL)
    let header = try JSONDecoder().decode(Header.self, from: Data(read.stdout.utf8))

    let (source, labels, expected) = Self.inputs(header)
    let seg = folder.appendingPathComponent("seg.dcm")
    let lesions = Self.lesionSegments(labels)
    let identity = try DicomOutputs.writeSegmentation(
      labels: labels, source: source, to: seg, lesions: lesions)
    let sr = folder.appendingPathComponent("sr.dcm")
    var input = DicomMeasurementReportTests.input(source: source)
    input.segmentation = identity
    try DicomOutputs.writeMeasurementReport(input, to: sr)
    let pdf = folder.appendingPathComponent("pdf.dcm")
    try DicomOutputs.writeEncapsulatedPDF(
      pdf: DicomTestFixtures.pdf(), source: source, title: "Report", to: pdf)

    for url in [seg, sr, pdf] {
      #expect(try DicomTools.validationErrors(url.path) == [], "\(url.lastPathComponent)")
    }
    let checked = try TestEnvironment.run(
      python, ["-c", Self.checkScript, seg.path, headerURL.path])
    try #require(checked.status == 0, "\(checked.stderr)")
    let check = try JSONDecoder().decode(Check.self, from: Data(checked.stdout.utf8))
    #expect(check.worstPositionErrorMM < 1e-3)
    var expectedWithLesions = expected
    expectedWithLesions["5"] = expected["3"]
    expectedWithLesions["6"] = expected["4"]
    #expect(check.counts == expectedWithLesions)
  }

  /// The GGO ball as lesion 1 (segment 5) and the consolidation ball as lesion 2 (segment 6).
  static func lesionSegments(_ labels: LabelVolume) -> DicomLesionSegments {
    let map = labels.labels.withUnsafeBufferPointer { voxels in
      [UInt16](unsafeUninitializedCapacity: voxels.count) { out, initialized in
        for index in 0..<voxels.count {
          out[index] = voxels[index] == 3 ? 1 : voxels[index] == 4 ? 2 : 0
        }
        initialized = voxels.count
      }
    }
    return DicomLesionSegments(
      lesionMap: map,
      lesions: [
        .init(mapValue: 1, trackingID: "Lesion 1", component: .groundGlass),
        .init(mapValue: 2, trackingID: "Lesion 2", component: .consolidation),
      ])
  }

  /// Metadata from the header and a label volume on its grid: two lung boxes, a GGO ball and
  /// a consolidation ball, with the voxel count of each label.
  static func inputs(_ header: Header) -> (StudyMetadata, LabelVolume, [String: Int]) {
    let date = header.date
    let source = StudyMetadata(
      patient: PatientInfo(name: header.name, id: header.id),
      studyDate: "\(date.prefix(4))-\(date.dropFirst(4).prefix(2))-\(date.suffix(2))",
      studyInstanceUID: header.study, seriesInstanceUID: header.series,
      frameOfReferenceUID: header.frame, modality: "CT", sliceThicknessMM: header.thickness,
      sopInstanceUIDs: header.sops, sopClassUID: header.sopClass)
    let first = header.positions[0]
    let last = header.positions[header.positions.count - 1]
    let step = (last[2] - first[2]) / Double(header.positions.count - 1)
    let geometry = Geometry(
      size: GridSize(header.columns, header.rows, header.sops.count),
      spacing: Vector3(header.spacing[1], header.spacing[0], step),
      origin: Vector3(first[0], first[1], first[2]))

    var labels = LabelVolume(geometry: geometry)
    var counts: [String: Int] = [:]
    let size = geometry.size
    labels.labels.withUnsafeMutableBufferPointer { voxels in
      func fill(_ value: UInt8, _ i: Range<Int>, _ j: Range<Int>, _ k: Range<Int>) {
        for z in k {
          for y in j {
            let row = size.offset(0, y, z)
            for x in i { voxels[row + x] = value }
          }
        }
        counts[String(value), default: 0] += i.count * j.count * k.count
      }
      func ball(_ value: UInt8, _ c: (Int, Int, Int), _ r: Int) {
        for z in c.2 - r...c.2 + r {
          for y in c.1 - r...c.1 + r {
            for x in c.0 - r...c.0 + r {
              let (dx, dy, dz) = (x - c.0, y - c.1, z - c.2)
              guard dx * dx + dy * dy + dz * dz <= r * r else { continue }
              let offset = size.offset(x, y, z)
              if voxels[offset] != 0 { counts[String(voxels[offset]), default: 0] -= 1 }
              voxels[offset] = value
              counts[String(value), default: 0] += 1
            }
          }
        }
      }
      fill(1, 60..<230, 150..<380, 20..<230)
      fill(2, 280..<450, 150..<380, 20..<230)
      ball(3, (150, 250, 120), 20)
      ball(4, (350, 260, 100), 8)
    }
    return (source, labels, counts)
  }
}
