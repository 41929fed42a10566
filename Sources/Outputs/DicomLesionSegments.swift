import Foundation

/// Lesions to write as segments of their own, after the four class segments, so each SR
/// measurement group can refer to exactly the voxels it measured.
///
/// Lesion `lesions[i]` becomes segment `5 + i` (`segmentNumber(at:)`); its label, Tracking ID
/// and Tracking UID are those of the SR group about it, so they stay the same across studies.
public struct DicomLesionSegments: Sendable {
  /// One lesion: its value in `lesionMap` and how it is tracked and coded.
  public struct Lesion: Sendable, Equatable, CustomStringConvertible {
    public var mapValue: UInt16
    public var trackingID: String
    public var component: MeasurementReportInput.Lesion.Component

    public init(
      mapValue: UInt16, trackingID: String, component: MeasurementReportInput.Lesion.Component
    ) {
      self.mapValue = mapValue
      self.trackingID = trackingID
      self.component = component
    }

    public var description: String { "\(mapValue)|\(trackingID)|\(component)" }
  }

  /// The first segment number after the four class segments.
  public static let firstSegmentNumber: UInt16 = 5

  /// Lesion identity per voxel on the label grid (0 = none), as `StudyAnalysis.lesionMap`.
  public var lesionMap: [UInt16]
  public var lesions: [Lesion]

  public init(lesionMap: [UInt16], lesions: [Lesion]) {
    self.lesionMap = lesionMap
    self.lesions = lesions
  }

  /// The segment number of `lesions[index]`.
  public static func segmentNumber(at index: Int) -> UInt16 {
    firstSegmentNumber + UInt16(index)
  }

  /// - Throws: `DicomOutputsError.invalidInput` naming `url` when the map does not fit the
  ///   grid, a map value is 0 or repeated, or there are more lesions than segment numbers.
  func check(voxelCount: Int, url: URL) throws {
    func invalid(_ problem: String) -> DicomOutputsError {
      .invalidInput(path: url.path, object: DicomObjectKind.segmentation.noun, problem: problem)
    }
    guard lesionMap.count == voxelCount else {
      throw invalid("the lesion map has \(lesionMap.count) voxels, the labels \(voxelCount)")
    }
    let values = lesions.map(\.mapValue)
    guard !values.contains(0), Set(values).count == values.count else {
      throw invalid("lesion map values must be non-zero and distinct")
    }
    guard lesions.count <= Int(UInt16.max - Self.firstSegmentNumber) else {
      throw invalid("there are more lesions than DICOM segment numbers")
    }
  }

  /// The lowest and highest slice of each map value, in one pass (absent values: no entry).
  func sliceRanges(sliceCount: Int) -> [UInt16: ClosedRange<Int>] {
    var ranges: [UInt16: ClosedRange<Int>] = [:]
    lesionMap.withUnsafeBufferPointer { voxels in
      var index = 0
      while index < voxels.count {
        let value = voxels[index]
        if value != 0 {
          let k = index / sliceCount
          let known = ranges[value]
          ranges[value] = min(known?.lowerBound ?? k, k)...max(known?.upperBound ?? k, k)
        }
        index += 1
      }
    }
    return ranges
  }
}
