import Foundation
import Imaging

/// Picks the series to use for lung analysis and says why.
///
/// Among CT image series that are not localizers, dose reports or secondary captures: axial
/// first, then ORIGINAL/PRIMARY, then (among those covering at least 80 % of the best coverage)
/// the thinnest slices, then the most coverage, the most slices, and finally the lowest UID so
/// the choice never depends on file order.
enum SeriesSelector {
  /// - Returns: the index of the chosen group and why it was chosen.
  /// - Throws: `IngestError.seriesNotFound` when `requested` is not among the groups;
  ///   `.noImages` when no CT image series exists (or the requested one has no image).
  static func choose(_ groups: [SeriesGroup], requested: String?, folder: String) throws -> (
    Int, SeriesChoice
  ) {
    if let requested {
      guard let index = groups.firstIndex(where: { $0.seriesInstanceUID == requested }) else {
        throw IngestError.seriesNotFound(
          path: folder, seriesInstanceUID: requested, available: groups.map(\.seriesInstanceUID))
      }
      guard !groups[index].slices.isEmpty else {
        throw IngestError.noImages(path: folder, reason: "series \(requested) holds no image")
      }
      let modality = groups[index].first.modality ?? "none"
      guard modality == "CT" else {
        throw IngestError.unsupported(
          path: groups[index].first.path, property: "Modality (0008,0060)",
          reason: "\(modality); ctcase reads CT only")
      }
      return (index, SeriesChoice(kind: .requested))
    }

    let candidates = groups.indices.filter { groups[$0].summary.role == "candidate" }
    guard !candidates.isEmpty else {
      let roles = groups.map { "\($0.summary.role) (\($0.summary.modality ?? "?"))" }
      throw IngestError.noImages(
        path: folder,
        reason: "no CT image series; found "
          + (roles.isEmpty
            ? "nothing"
            : roles.joined(
              separator: ", ")))
    }
    let bestCoverage = candidates.map { groups[$0].summary.coverageMM ?? 0 }.max() ?? 0
    let ranked = candidates.sorted {
      rank(groups[$0], bestCoverage) < rank(groups[$1], bestCoverage)
    }
    let chosen = ranked[0]
    return (chosen, reason(groups, chosen: chosen, candidates: candidates.count))
  }

  private struct Rank: Comparable {
    var notAxial: Int
    var notOriginal: Int
    var lowCoverage: Int
    var thicknessMM: Double
    var negativeCoverageMM: Double
    var negativeSlices: Int
    var uid: String

    /// Lexicographic over the fields in declaration order (tuples compare at most six).
    static func < (a: Rank, b: Rank) -> Bool {
      let (headA, headB) = (
        (a.notAxial, a.notOriginal, a.lowCoverage, a.thicknessMM),
        (b.notAxial, b.notOriginal, b.lowCoverage, b.thicknessMM)
      )
      if headA != headB { return headA < headB }
      return (a.negativeCoverageMM, a.negativeSlices, a.uid)
        < (b.negativeCoverageMM, b.negativeSlices, b.uid)
    }
  }

  private static func rank(_ group: SeriesGroup, _ bestCoverage: Double) -> Rank {
    let s = group.summary
    let coverage = s.coverageMM ?? 0
    return Rank(
      notAxial: s.orientation == "axial" ? 0 : 1,
      notOriginal: group.first.isOriginalPrimary ? 0 : 1,
      lowCoverage: coverage >= IngestLimits.coverageShareForThickness * bestCoverage ? 0 : 1,
      thicknessMM: s.sliceThicknessMM ?? s.sliceSpacingMM ?? .infinity,
      negativeCoverageMM: -coverage, negativeSlices: -s.sliceCount, uid: s.seriesInstanceUID)
  }

  private static func reason(_ groups: [SeriesGroup], chosen: Int, candidates: Int)
    -> SeriesChoice
  {
    let s = groups[chosen].summary
    let setAside = Dictionary(grouping: groups.filter { $0.summary.role != "candidate" }) {
      $0.summary.role
    }
    return SeriesChoice(
      kind: .ranked, orientation: s.orientation,
      originalPrimary: groups[chosen].first.isOriginalPrimary,
      sliceThicknessMM: s.sliceThicknessMM, coverageMM: s.coverageMM, candidateCount: candidates,
      setAside: setAside.mapValues(\.count))
  }
}
