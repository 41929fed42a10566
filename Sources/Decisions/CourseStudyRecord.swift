import Analysis
import Course
import Imaging

/// One study in the course JSON: the analysis figures (same keys as `ctcase analyze --json`)
/// plus date, day from onset, CT stage, trends, alignment and the track of each lesion.
public struct CourseStudyRecord: Sendable, Encodable {
  public var index: Int
  /// The study path as written in the manifest (relative), never an absolute path.
  public var path: String
  public var label: String?
  public var figures: StudyFigures
  public var measurements: StudyMeasurements
  public var alignment: StudyAlignment
  /// Track id of each lesion id of this study.
  public var lesionTracks: [Int: String]
  public var warnings: [String]

  public init(
    index: Int, path: String, label: String?, figures: StudyFigures,
    measurements: StudyMeasurements, alignment: StudyAlignment, lesionTracks: [Int: String],
    warnings: [String]
  ) {
    self.index = index
    self.path = path
    self.label = label
    self.figures = figures
    self.measurements = measurements
    self.alignment = alignment
    self.lesionTracks = lesionTracks
    self.warnings = warnings
  }

  enum CodingKeys: String, CodingKey {
    case index, path, label, date, stage, alignment, warnings
    case dayFromOnset = "day_from_onset"
    case poTrend = "po_trend"
    case phoTrend = "pho_trend"
    case severityTrend = "severity_trend"
    case newTrackIDs = "new_track_ids"
    case splitTrackIDs = "split_track_ids"
    case resolvedTrackIDs = "resolved_track_ids"
    case lesionTracks = "lesion_tracks"
  }

  /// The analysis keys and the course keys share one JSON object.
  public func encode(to encoder: Encoder) throws {
    try measurements.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(index, forKey: .index)
    try c.encode(path, forKey: .path)
    try c.encode(label, forKey: .label)
    try c.encode(figures.date, forKey: .date)
    try c.encode(figures.dayFromOnset, forKey: .dayFromOnset)
    try c.encode(figures.stage, forKey: .stage)
    try c.encode(figures.poTrend, forKey: .poTrend)
    try c.encode(figures.phoTrend, forKey: .phoTrend)
    try c.encode(figures.severityTrend, forKey: .severityTrend)
    try c.encode(figures.newTrackIDs, forKey: .newTrackIDs)
    try c.encode(figures.splitTrackIDs, forKey: .splitTrackIDs)
    try c.encode(figures.resolvedTrackIDs, forKey: .resolvedTrackIDs)
    try c.encode(alignment.rounded, forKey: .alignment)
    let tracks = Dictionary(uniqueKeysWithValues: lesionTracks.map { (String($0.key), $0.value) })
    try c.encode(tracks, forKey: .lesionTracks)
    try c.encode(warnings, forKey: .warnings)
  }
}

extension StudyAlignment {
  var rounded: StudyAlignment {
    var r = self
    let t = transform.rotation
    func round(_ v: Vector3) -> Vector3 {
      Vector3(CourseDocument.round(v.x), CourseDocument.round(v.y), CourseDocument.round(v.z))
    }
    // Four decimals of a rotation entry move a point 150 mm away by at most 0.03 mm.
    r.transform = RigidTransform(
      rotation: Matrix3(columns: round(t.c0), round(t.c1), round(t.c2)),
      translationMM: round(transform.translationMM))
    r.residualMM = CourseDocument.round(residualMM)
    r.medianDistanceMM = CourseDocument.round(medianDistanceMM)
    return r
  }
}
