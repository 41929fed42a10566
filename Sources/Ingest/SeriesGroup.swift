import Imaging

/// One frame of a series: which header (file) and which frame inside it.
struct SliceSource: Sendable {
  var header: Int
  var frame: Int
}

/// The headers of one series after grouping, with the frames that make up its slices.
struct SeriesGroup: Sendable {
  var seriesInstanceUID: String
  var headers: [DicomImageHeader]
  /// Frames in the largest consistent (orientation, matrix) subset, in no particular order.
  var slices: [SliceSource]
  var summary: SeriesSummary

  var first: DicomImageHeader { headers[slices.first?.header ?? 0] }

  func frame(_ source: SliceSource) -> DicomFrame {
    headers[source.header].frames[source.frame]
  }

  /// The slice normal (row x column) from the first frame's orientation, if any.
  var normal: Vector3? {
    guard let source = slices.first, let o = frame(source).orientation, o.count == 6 else {
      return nil
    }
    return Vector3(o[0], o[1], o[2]).cross(Vector3(o[3], o[4], o[5])).normalized
  }
}
