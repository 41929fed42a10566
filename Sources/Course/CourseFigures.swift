import Analysis
import Imaging

/// Which way a figure moved since the previous study.
public enum Trend: String, Sendable, Codable, Equatable {
  case first, up, down, stable
}

/// The figures of one study within the course.
public struct StudyFigures: Sendable, Equatable {
  public var studyIndex: Int
  public var date: CalendarDate
  /// Whole days since onset; nil when the case has no onset date.
  public var dayFromOnset: Int?
  public var stage: CTStage?
  public var lesionVolumeML: Double
  public var ggoVolumeML: Double
  public var consolidationVolumeML: Double
  public var poPercent: Double
  public var phoPercent: Double
  public var severityScore: Int
  public var poTrend: Trend
  public var phoTrend: Trend
  public var severityTrend: Trend
  /// Tracks that start on this study without a predecessor (every track on the first study).
  public var newTrackIDs: [String]
  /// Tracks that split off an existing lesion on this study.
  public var splitTrackIDs: [String]
  /// Tracks that ended on this study because their lesion was no longer found.
  public var resolvedTrackIDs: [String]
}

/// A track's course: the change between each pair of consecutive points and overall.
public struct TrackFigures: Sendable, Equatable {
  public var trackID: String
  public var changes: [VolumeChange]
  /// First point to last point; nil for a track seen once.
  public var overall: VolumeChange?
}

/// Everything the course derives from the per-study measurements and the tracks.
public struct CourseFigures: Sendable, Equatable {
  /// Percentage-point change of PO or PHO below which the trend counts as stable.
  public static let stablePercentPoints = 0.1

  public var studies: [StudyFigures]
  public var tracks: [TrackFigures]
  /// Total lesion volume between consecutive studies.
  public var totalChanges: [VolumeChange]
  /// Total lesion volume, first study to last; nil for a single study.
  public var totalOverall: VolumeChange?

  /// - Parameters:
  ///   - dates: study dates in order (strictly increasing).
  ///   - onset: the case's onset date, if known.
  ///   - measurements: one per study, same order.
  /// - Precondition: `dates.count == measurements.count`.
  public init(
    dates: [CalendarDate], onset: CalendarDate?, measurements: [StudyMeasurements],
    tracks: [LesionTrack]
  ) {
    precondition(dates.count == measurements.count, "one date per study")
    let days = dates.map { $0.days(since: dates[0]) }
    studies = dates.indices.map { i in
      Self.studyFigures(i, dates, onset, measurements, tracks)
    }
    self.tracks = tracks.map { Self.trackFigures($0, days: days) }
    totalChanges = dates.indices.dropFirst().map { i in
      VolumeChange(
        from: i - 1, to: i, days: days[i] - days[i - 1],
        fromML: measurements[i - 1].lesionVolumeML, toML: measurements[i].lesionVolumeML)
    }
    totalOverall =
      dates.count > 1
      ? VolumeChange(
        from: 0, to: dates.count - 1, days: days[dates.count - 1],
        fromML: measurements[0].lesionVolumeML, toML: measurements[dates.count - 1].lesionVolumeML)
      : nil
  }

  private static func studyFigures(
    _ i: Int, _ dates: [CalendarDate], _ onset: CalendarDate?, _ m: [StudyMeasurements],
    _ tracks: [LesionTrack]
  ) -> StudyFigures {
    let day = onset.map { dates[i].days(since: $0) }
    let previous = i > 0 ? m[i - 1] : nil
    let starting = tracks.filter { $0.firstStudyIndex == i }
    return StudyFigures(
      studyIndex: i, date: dates[i], dayFromOnset: day, stage: day.map(CTStage.init),
      lesionVolumeML: m[i].lesionVolumeML, ggoVolumeML: m[i].ggoVolumeML,
      consolidationVolumeML: m[i].consolidationVolumeML, poPercent: m[i].poPercent,
      phoPercent: m[i].phoPercent, severityScore: m[i].severityScore,
      poTrend: trend(previous?.poPercent, m[i].poPercent, stablePercentPoints),
      phoTrend: trend(previous?.phoPercent, m[i].phoPercent, stablePercentPoints),
      severityTrend: trend(
        previous.map { Double($0.severityScore) }, Double(m[i].severityScore), 0),
      newTrackIDs: starting.filter { !$0.isSplit }.map(\.id),
      splitTrackIDs: starting.filter(\.isSplit).map(\.id),
      resolvedTrackIDs: tracks.filter { $0.end == .resolved(studyIndex: i) }.map(\.id))
  }

  private static func trend(_ before: Double?, _ now: Double, _ tolerance: Double) -> Trend {
    guard let before else { return .first }
    if now - before > tolerance { return .up }
    if before - now > tolerance { return .down }
    return .stable
  }

  private static func trackFigures(_ track: LesionTrack, days: [Int]) -> TrackFigures {
    let p = track.points
    let changes = p.indices.dropFirst().map { k in
      VolumeChange(
        from: p[k - 1].studyIndex, to: p[k].studyIndex,
        days: days[p[k].studyIndex] - days[p[k - 1].studyIndex], fromML: p[k - 1].volumeML,
        toML: p[k].volumeML)
    }
    let overall =
      p.count > 1
      ? VolumeChange(
        from: p[0].studyIndex, to: p[p.count - 1].studyIndex,
        days: days[p[p.count - 1].studyIndex] - days[p[0].studyIndex], fromML: p[0].volumeML,
        toML: p[p.count - 1].volumeML)
      : nil
    return TrackFigures(trackID: track.id, changes: changes, overall: overall)
  }
}

extension LesionTrack {
  /// True when the track split off another track.
  public var isSplit: Bool {
    if case .split = origin { return true }
    return false
  }
}
