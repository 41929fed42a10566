import Imaging

/// Voxel overlap between a lesion of the previous study and one of the current study, after
/// both are mapped into the reference frame.
public struct LesionOverlap: Sendable, Equatable {
  public var previousLesionID: Int
  public var currentLesionID: Int
  public var overlapML: Double

  public init(previousLesionID: Int, currentLesionID: Int, overlapML: Double) {
    self.previousLesionID = previousLesionID
    self.currentLesionID = currentLesionID
    self.overlapML = overlapML
  }
}

/// When two lesions on consecutive studies count as the same lesion.
public struct TrackingParameters: Sendable, Equatable {
  /// Linked when the overlap is at least this fraction of the smaller lesion's volume.
  public var minimumOverlapFraction: Double
  /// Linked when the centres (reference frame) are closer than this many times the sum of the
  /// two equivalent-sphere radii: lesions that would touch if they were spheres.
  public var centreDistanceFactor: Double
  /// ... or closer than this (mm), so tiny lesions are not lost to a small residual misalignment.
  public var minimumCentreDistanceMM: Double

  public init(
    minimumOverlapFraction: Double = 0.1, centreDistanceFactor: Double = 1.0,
    minimumCentreDistanceMM: Double = 6
  ) {
    self.minimumOverlapFraction = minimumOverlapFraction
    self.centreDistanceFactor = centreDistanceFactor
    self.minimumCentreDistanceMM = minimumCentreDistanceMM
  }
}

/// Follows lesions through consecutive studies.
///
/// Lesions of study i-1 and i are linked by overlap (after alignment) or by centre distance.
/// Within each connected group, links are taken one-to-one, strongest first (larger overlap,
/// then nearer centre); a current lesion left over splits off its strongest predecessor's
/// track, a previous lesion left over merges into its strongest successor's track. Unlinked
/// current lesions start new tracks; unlinked previous ones end as resolved. Track ids are
/// given in order of first appearance, lesions of one study in their id order, so the same
/// input always gives the same ids.
public enum LesionTracker {
  /// - Parameters:
  ///   - studies: per study (date order), its lesions with centres in the reference frame.
  ///   - overlaps: `overlaps[i]` links study i-1 to study i (index 0 is unused; may be empty).
  public static func track(
    studies: [[TrackedLesion]], overlaps: [[LesionOverlap]],
    parameters: TrackingParameters = TrackingParameters()
  ) -> [LesionTrack] {
    var tracks: [LesionTrack] = []
    var open: [Int: Int] = [:]  // lesion id on the previous study -> index into `tracks`
    for (studyIndex, lesions) in studies.enumerated() {
      let sorted = lesions.sorted { $0.lesionID < $1.lesionID }
      guard studyIndex > 0 else {
        for l in sorted { open[l.lesionID] = newTrack(&tracks, l, .baseline) }
        continue
      }
      let previous = studies[studyIndex - 1].sorted { $0.lesionID < $1.lesionID }
      let links = candidateLinks(
        previous, sorted, studyIndex < overlaps.count ? overlaps[studyIndex] : [], parameters)
      open = advance(&tracks, open: open, previous: previous, current: sorted, links: links)
    }
    return tracks
  }

  private static func newTrack(
    _ tracks: inout [LesionTrack], _ lesion: TrackedLesion, _ origin: TrackOrigin
  ) -> Int {
    tracks.append(LesionTrack(id: "T\(tracks.count + 1)", points: [lesion], origin: origin))
    return tracks.count - 1
  }

  /// A possible identity between lesion `previous` and lesion `current` (indices into the
  /// sorted arrays), with its strength.
  struct Link {
    var previous: Int
    var current: Int
    var overlapML: Double
    var distanceMM: Double

    func isStronger(than o: Link) -> Bool {
      (overlapML, -distanceMM, -previous, -current)
        > (o.overlapML, -o.distanceMM, -o.previous, -o.current)
    }
  }

  static func candidateLinks(
    _ previous: [TrackedLesion], _ current: [TrackedLesion], _ overlaps: [LesionOverlap],
    _ parameters: TrackingParameters
  ) -> [Link] {
    var overlapByPair: [SIMD2<Int>: Double] = [:]
    for o in overlaps {
      overlapByPair[SIMD2(o.previousLesionID, o.currentLesionID), default: 0] += o.overlapML
    }
    var links: [Link] = []
    for (pi, p) in previous.enumerated() {
      for (ci, c) in current.enumerated() {
        let overlap = overlapByPair[SIMD2(p.lesionID, c.lesionID)] ?? 0
        let distance = (p.centerMM - c.centerMM).length
        let smaller = min(p.volumeML, c.volumeML)
        let overlapping = smaller > 0 && overlap >= parameters.minimumOverlapFraction * smaller
        let reach = max(
          parameters.minimumCentreDistanceMM,
          parameters.centreDistanceFactor * (p.equivalentRadiusMM + c.equivalentRadiusMM))
        if overlapping || distance <= reach {
          links.append(Link(previous: pi, current: ci, overlapML: overlap, distanceMM: distance))
        }
      }
    }
    return links.sorted { $0.isStronger(than: $1) }
  }

  /// Extends, splits, merges, starts and ends tracks for one study; returns the new open map.
  private static func advance(
    _ tracks: inout [LesionTrack], open: [Int: Int], previous: [TrackedLesion],
    current: [TrackedLesion], links: [Link]
  ) -> [Int: Int] {
    let studyIndex = current.first?.studyIndex ?? (previous.first?.studyIndex ?? 0) + 1
    var takenPrevious = Set<Int>()
    var trackOfCurrent: [Int: Int] = [:]
    for link in links where !takenPrevious.contains(link.previous) {
      guard trackOfCurrent[link.current] == nil,
        let t = open[previous[link.previous].lesionID]
      else { continue }
      takenPrevious.insert(link.previous)
      trackOfCurrent[link.current] = t
      tracks[t].points.append(current[link.current])
    }

    var next: [Int: Int] = [:]
    for (ci, lesion) in current.enumerated() {
      if let t = trackOfCurrent[ci] {
        next[lesion.lesionID] = t
        continue
      }
      // `links` is sorted strongest first, so the first match is the strongest predecessor.
      let parent = links.first { $0.current == ci }.flatMap { open[previous[$0.previous].lesionID] }
      let origin: TrackOrigin =
        parent.map { .split(from: tracks[$0].id, studyIndex: studyIndex) }
        ?? .new(studyIndex: studyIndex)
      next[lesion.lesionID] = newTrack(&tracks, lesion, origin)
    }

    for (pi, lesion) in previous.enumerated() where !takenPrevious.contains(pi) {
      guard let t = open[lesion.lesionID] else { continue }
      let heir = links.first { $0.previous == pi }.flatMap { next[current[$0.current].lesionID] }
      tracks[t].end =
        heir.map { .merged(into: tracks[$0].id, studyIndex: studyIndex) }
        ?? .resolved(studyIndex: studyIndex)
    }
    return next
  }
}
