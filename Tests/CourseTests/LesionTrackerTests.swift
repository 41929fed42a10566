import Analysis
import Course
import Foundation
import Imaging
import Testing

/// A lesion on study `s` with id `id`, centre `c` (mm) and volume `v` (mL).
func lesion(_ s: Int, _ id: Int, _ c: Vector3, _ v: Double, ggo: Double? = nil) -> TrackedLesion {
  TrackedLesion(
    studyIndex: s, lesionID: id, centerMM: c, volumeML: v, ggoVolumeML: ggo ?? v,
    consolidationVolumeML: v - (ggo ?? v), longestDiameterMM: 10, perpendicularDiameterMM: 8,
    meanHU: -600, type: .nodularGGO)
}

@Test func trackerFollowsMovesNewAndResolved() {
  let studies = [
    [lesion(0, 1, Vector3(0, 0, 0), 1), lesion(0, 2, Vector3(80, 0, 0), 0.5)],
    // Lesion 2 of study 0 is gone; a new lesion appears far away; lesion 1 moved by 3 mm.
    [lesion(1, 1, Vector3(-60, 40, 0), 0.3), lesion(1, 2, Vector3(3, 0, 0), 1.5)],
    [lesion(2, 5, Vector3(-61, 40, 1), 0.6), lesion(2, 7, Vector3(2, 1, 0), 2)],
  ]
  let tracks = LesionTracker.track(studies: studies, overlaps: [])
  #expect(tracks.map(\.id) == ["T1", "T2", "T3"])
  #expect(tracks[0].points.map(\.lesionID) == [1, 2, 7])
  #expect(tracks[1].end == .resolved(studyIndex: 1) && tracks[1].points.count == 1)
  #expect(tracks[2].origin == .new(studyIndex: 1) && tracks[2].points.map(\.lesionID) == [1, 5])
}

@Test func trackerSplitsAndMergesByOverlap() {
  // Study 0: one large lesion. Study 1: it splits in two. Study 2: the two merge again.
  let studies = [
    [lesion(0, 1, Vector3(0, 0, 0), 10)],
    [lesion(1, 1, Vector3(-8, 0, 0), 6), lesion(1, 2, Vector3(9, 0, 0), 3)],
    [lesion(2, 1, Vector3(0, 0, 0), 12)],
  ]
  let overlaps = [
    [],
    [
      LesionOverlap(previousLesionID: 1, currentLesionID: 1, overlapML: 5),
      LesionOverlap(previousLesionID: 1, currentLesionID: 2, overlapML: 2.5),
    ],
    [
      LesionOverlap(previousLesionID: 1, currentLesionID: 1, overlapML: 5.5),
      LesionOverlap(previousLesionID: 2, currentLesionID: 1, overlapML: 2.8),
    ],
  ]
  let tracks = LesionTracker.track(studies: studies, overlaps: overlaps)
  #expect(tracks.count == 2)
  #expect(tracks[0].points.map(\.studyIndex) == [0, 1, 2])
  #expect(tracks[1].origin == .split(from: "T1", studyIndex: 1))
  #expect(tracks[1].end == .merged(into: "T1", studyIndex: 2))
}

@Test func trackerDoesNotSwapNeighbours() {
  // Two lesions 30 mm apart, both shifted 4 mm after alignment; each must keep its identity
  // even though the larger one grows towards the other.
  let studies = [
    [lesion(0, 1, Vector3(0, 0, 0), 2), lesion(0, 2, Vector3(30, 0, 0), 0.2)],
    [lesion(1, 1, Vector3(34, 0, 0), 0.25), lesion(1, 2, Vector3(4, 0, 0), 4)],
  ]
  let tracks = LesionTracker.track(studies: studies, overlaps: [])
  #expect(tracks.count == 2)
  #expect(tracks[0].points.map(\.volumeML) == [2, 4])
  #expect(tracks[1].points.map(\.volumeML) == [0.2, 0.25])
}

@Test(arguments: [
  (1.0, 2.0, 3, 3.0 as Double?, nil as String?),
  (1.0, 4.0, 6, 3.0, nil),
  (2.0, 1.0, 3, nil, "not defined: shrinking"),
  (2.0, 2.0, 3, nil, "not defined: unchanged"),
  (0.0, 2.0, 3, nil, "not defined: new lesion"),
])
func doublingTime(v1: Double, v2: Double, days: Int, expected: Double?, note: String?) {
  let c = VolumeChange(from: 0, to: 1, days: days, fromML: v1, toML: v2)
  if let expected {
    #expect(abs(c.doublingTimeDays! - expected) < 1e-9)
  } else {
    #expect(c.doublingTimeDays == nil)
  }
  #expect(c.doublingTimeNote == note)
  #expect(abs(c.growthRateMLPerDay! - (v2 - v1) / Double(days)) < 1e-12)
}

@Test(arguments: [
  (-1, CTStage.beforeOnset), (0, .early), (4, .early), (5, .progressive), (8, .progressive),
  (9, .peak), (13, .peak), (14, .absorption), (40, .absorption),
])
func stageByDay(day: Int, stage: CTStage) {
  #expect(CTStage(dayFromOnset: day) == stage)
}
