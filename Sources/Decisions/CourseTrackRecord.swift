import Course
import Imaging

/// One track in the course JSON: id, how it began and ended, its points and volume changes.
public struct CourseTrackRecord: Sendable, Encodable {
  public var track: LesionTrack
  public var figures: TrackFigures?

  enum CodingKeys: String, CodingKey {
    case id, origin, end, points, changes, overall
    case firstStudyIndex = "first_study_index"
    case doublingTimeDays = "doubling_time_days"
    case doublingTimeNote = "doubling_time_note"
  }

  enum EventKeys: String, CodingKey {
    case kind
    case studyIndex = "study_index"
    case track
  }

  enum PointKeys: String, CodingKey {
    case type
    case studyIndex = "study_index"
    case lesionID = "lesion_id"
    case centerMM = "center_reference_lps_mm"
    case volumeML = "volume_ml"
    case ggoVolumeML = "ggo_volume_ml"
    case consolidationVolumeML = "consolidation_volume_ml"
    case longestDiameterMM = "longest_diameter_mm"
    case perpendicularDiameterMM = "perpendicular_diameter_mm"
    case meanHU = "mean_hu"
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(track.id, forKey: .id)
    try c.encode(track.firstStudyIndex, forKey: .firstStudyIndex)
    var origin = c.nestedContainer(keyedBy: EventKeys.self, forKey: .origin)
    switch track.origin {
    case .baseline:
      try origin.encode("baseline", forKey: .kind)
      try origin.encode(0, forKey: .studyIndex)
    case .new(let s):
      try origin.encode("new", forKey: .kind)
      try origin.encode(s, forKey: .studyIndex)
    case .split(let from, let s):
      try origin.encode("split", forKey: .kind)
      try origin.encode(s, forKey: .studyIndex)
      try origin.encode(from, forKey: .track)
    }
    try encodeEnd(&c)
    var points = c.nestedUnkeyedContainer(forKey: .points)
    for p in track.points { try encodePoint(p, into: &points) }
    try c.encode((figures?.changes ?? []).map(\.rounded), forKey: .changes)
    try c.encode(figures?.overall?.rounded, forKey: .overall)
    try c.encode(figures?.overall?.rounded.doublingTimeDays, forKey: .doublingTimeDays)
    // Null beside a defined doubling time; a track seen on one study has no overall change.
    let note = figures?.overall.map(\.doublingTimeNote) ?? "not defined: seen on one study"
    try c.encode(note, forKey: .doublingTimeNote)
  }

  private func encodeEnd(_ c: inout KeyedEncodingContainer<CodingKeys>) throws {
    guard let end = track.end else {
      try c.encodeNil(forKey: .end)
      return
    }
    var e = c.nestedContainer(keyedBy: EventKeys.self, forKey: .end)
    switch end {
    case .resolved(let s):
      try e.encode("resolved", forKey: .kind)
      try e.encode(s, forKey: .studyIndex)
    case .merged(let into, let s):
      try e.encode("merged", forKey: .kind)
      try e.encode(s, forKey: .studyIndex)
      try e.encode(into, forKey: .track)
    }
  }

  private func encodePoint(_ p: TrackedLesion, into points: inout UnkeyedEncodingContainer) throws {
    var o = points.nestedContainer(keyedBy: PointKeys.self)
    let r = CourseDocument.round
    try o.encode(p.studyIndex, forKey: .studyIndex)
    try o.encode(p.lesionID, forKey: .lesionID)
    try o.encode(Vector3(r(p.centerMM.x), r(p.centerMM.y), r(p.centerMM.z)), forKey: .centerMM)
    try o.encode(r(p.volumeML), forKey: .volumeML)
    try o.encode(r(p.ggoVolumeML), forKey: .ggoVolumeML)
    try o.encode(r(p.consolidationVolumeML), forKey: .consolidationVolumeML)
    try o.encode(r(p.longestDiameterMM), forKey: .longestDiameterMM)
    try o.encode(r(p.perpendicularDiameterMM), forKey: .perpendicularDiameterMM)
    try o.encode(r(p.meanHU), forKey: .meanHU)
    try o.encode(p.type, forKey: .type)
  }
}
