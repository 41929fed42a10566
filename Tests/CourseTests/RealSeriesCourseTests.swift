import Analysis
import Course
import Foundation
import Imaging
import Ingest
import TestSupport
import Testing

private let ricord = "covid-ricord-1a-419639-000082"

/// Day 0 is the real RICORD series; day 3 is the same voxels moved by a known rigid motion.
/// Every lesion must be tracked onto itself with near-zero change.
@Test(
  .enabled(if: TestEnvironment.hasSharedData(ricord), TestEnvironment.skipReason(ricord)))
func realSeriesMovedTracksEveryLesionOntoItself() throws {
  let folder = try #require(TestEnvironment.sharedDataSet(ricord))
  let loaded = try StudyLoader.load(
    [folder.appendingPathComponent("dicom")], options: LoadOptions(threads: 2))
  let analyzer = LungAnalyzer(threads: 2)
  let motion = motion(degrees: (1.5, -1, 3), shiftMM: Vector3(12, -9, 4))
  let moved = VolumeResampler.moved(loaded.volume, by: motion)
  let analyses = [try analyzer.analyze(loaded.volume), try analyzer.analyze(moved)]

  let cell = AlignmentParameters().surfaceCellMM
  let surfaces = analyses.map { LungSurface(labels: $0.labels, cellMM: cell) }
  let alignment = try LungAligner.align(moving: surfaces[1], onto: surfaces[0], study: "day 3")
  let lung = [Vector3(-80, 0, -200), Vector3(80, 20, -150), Vector3(0, 40, -100)]
  for p in lung {
    let error = (alignment.transform.apply(motion.apply(p)) - p).length
    #expect(error < 1.5, "alignment error \(error) mm at \(p)")
  }

  let transforms = [RigidTransform.identity, alignment.transform]
  let lesions = (0..<2).map { i in
    analyses[i].measurements.lesions.map {
      TrackedLesion($0, studyIndex: i, alignment: transforms[i])
    }
  }
  let snapshots = (0..<2).map { i in
    LesionMapSnapshot(
      geometry: analyses[i].labels.geometry, lesionMap: analyses[i].lesionMap,
      alignment: transforms[i])
  }
  let overlaps = LesionOverlapCounter.overlaps(previous: snapshots[0], current: snapshots[1])
  let tracks = LesionTracker.track(studies: lesions, overlaps: [[], overlaps])

  // Lesions big enough to be segmented alike twice (>= 0.5 mL) must continue and keep their
  // place and volume. Re-segmenting resampled voxels may cut a lesion in two, which tracking
  // records as a split, so a lesion's day-3 figure is its track plus the tracks split from it.
  let total = analyses.map(\.measurements.lesionVolumeML)
  #expect(abs(total[1] - total[0]) <= 0.03 * total[0], "total \(total)")
  let large = tracks.filter { $0.firstStudyIndex == 0 && $0.points[0].volumeML >= 0.5 }
  #expect(!large.isEmpty)
  for track in large {
    #expect(track.points.count == 2, "\(track.id) was not followed to day 3")
    guard track.points.count == 2 else { continue }
    let family =
      [track.points[1]]
      + tracks.filter { $0.origin == .split(from: track.id, studyIndex: 1) }.map(\.points[0])
    let volume = family.reduce(0) { $0 + $1.volumeML }
    let center = family.reduce(Vector3.zero) { $0 + $1.centerMM * $1.volumeML } / volume
    let a = track.points[0]
    #expect((a.centerMM - center).length < 3, "\(track.id) moved in the reference frame")
    #expect(abs(volume - a.volumeML) <= 0.1 * a.volumeML, "\(track.id): \(a.volumeML) -> \(volume)")
  }
}

/// Moves a CT volume by a rigid motion on its own grid (nearest neighbour; outside is no data).
enum VolumeResampler {
  static func moved(_ volume: Volume, by motion: RigidTransform) -> Volume {
    let g = volume.geometry
    let inverse = motion.inverse
    let toIndex = g.indexToPhysical.inverse
    var out = Volume(geometry: g, filledWith: Volume.noData)
    for k in 0..<g.size.nz {
      for j in 0..<g.size.ny {
        for i in 0..<g.size.nx {
          let c = toIndex * (inverse.apply(g.point(Double(i), Double(j), Double(k))) - g.origin)
          let (si, sj, sk) = (Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded()))
          guard g.size.contains(si, sj, sk) else { continue }
          out.voxels[g.size.offset(i, j, k)] = volume.voxels[g.size.offset(si, sj, sk)]
        }
      }
    }
    return out
  }
}
