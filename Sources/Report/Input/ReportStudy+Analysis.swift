import Analysis
import Imaging

extension ReportStudy {
  /// A study for the report straight from the analysis stage: its measurements, plus
  /// thumbnails (key axial slices and a coronal overview) drawn from the volume and the
  /// lesion map, outlined in each lesion's track colour.
  /// - Parameters:
  ///   - tracks: lesion id (`LesionMeasurement.id`) -> track; untracked lesions get a neutral
  ///     outline and no track id in the tables.
  /// - Precondition: `analysis.lesionMap` is on `volume`'s grid.
  public init(
    label: String, date: String, dayFromOnset: Int?, ctStage: String?, analysis: StudyAnalysis,
    volume: Volume, series: ReportSeries, warnings: [String] = [],
    tracks: [Int: TrackReference] = [:]
  ) {
    let thumbnails = ThumbnailBuilder(
      volume: volume, lesionMap: analysis.lesionMap, tracks: tracks
    ).build()
    self.init(
      label: label, date: date, dayFromOnset: dayFromOnset, ctStage: ctStage,
      measurements: analysis.measurements, series: series, warnings: warnings,
      thumbnails: thumbnails, lesionTracks: tracks.mapValues(\.id))
  }
}
