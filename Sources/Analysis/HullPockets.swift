import Foundation
import Imaging

/// The pockets between one lung's outline on a slice and its convex hull, and which of them
/// are lesions against the chest wall.
///
/// A consolidation or mass that fills a bay of the lung against the chest wall is as dense as
/// the wall, so the air threshold leaves a notch in the lung outline as wide as the lesion; the
/// closing of `PleuralEnvelope` cannot bridge notches much wider than twice its radius. The
/// inner surface of the chest wall is convex, and so is the healthy lung's costal outline, so
/// on that side a pocket of the lung's convex hull is what a lesion took away. Elsewhere the
/// lung is concave by nature, and a pocket is filled in only when it passes every test below,
/// each against the known look-alike it keeps out:
/// - deeper than `minDepthMM` (area over mouth length): not a rib impression or a pixel step;
/// - at most `maxAreaMM2` and at most `maxLungFraction` of the lung's own area on the slice:
///   a lesion takes a bay out of a lung that still encloses it, while a thin crescent of basal
///   lung around the diaphragm dome encloses nothing;
/// - its mouth (the hull edge that closes it) faces at least `minAngleFromMedialDeg` away from
///   the patient's midline: not the heart, aorta or hilum;
/// - the middle of its mouth lies at least `minMidlineDistanceMM` from the patient's midline:
///   not the mediastinum, even where the trachea taken for lung makes a bay of it face forward;
/// - the body's outer surface lies at most `maxWallMM` beyond the middle of its mouth, along
///   the mouth's outward normal: only the chest wall lies beyond a lesion against it, while a
///   bay of the diaphragm dome looks into the abdomen and a mediastinal one across the chest.
///
/// The hull is taken of the lung's largest 4-connected piece; other pieces inside it count as
/// pocket, so a gas bubble under the diaphragm taken for lung cannot stretch the hull over the
/// upper abdomen.
///
/// TODO: a pocket ends at its mouth, the straight chord between the two ends of the bay, so
/// the lesion's outer segment between that chord and the curved pleura stays out (about
/// c^2 / 8R deep for a chord c on pleura of radius R: 5 mm for a 44 mm bay in a synthetic
/// lung, a quarter of the lesion). Extending the fill to the pleura needs the chest wall's
/// inner surface, which the lung mask alone does not give.
struct HullPockets {
  /// Shallowest pocket (mm, its area over its mouth's length) filled in.
  let minDepthMM: Double
  /// Largest pocket (mm^2) filled in on one slice.
  let maxAreaMM2: Double
  /// Largest pocket as a fraction of the lung's own area on the slice.
  let maxLungFraction: Double
  /// Deepest chest wall (mm) beyond a pocket's mouth.
  let maxWallMM: Double
  /// Smallest angle (degrees) between a pocket mouth's outward normal and the medial direction.
  let minAngleFromMedialDeg: Double
  /// Smallest distance (mm) of the middle of a pocket's mouth from the patient's midline.
  let minMidlineDistanceMM: Double

  /// One lung on one slice, as `fill` sees it.
  private struct Slice {
    let width: Int
    let spacing: (x: Double, y: Double)
    /// Unit vector towards the patient's midline (mm frame).
    let towardsMidline: (x: Double, y: Double)
    let hull: ConvexHull
    /// Largest pocket (pixels) for this lung on this slice.
    let maxPixels: Int
  }

  /// Sets the pixels of the chest-wall pockets of the set region of `mask` (one lung, `width`
  /// by `height`, x fastest).
  ///
  /// - Parameters:
  ///   - spacing: pixel pitch (mm) along x and y.
  ///   - medial: the in-plane direction towards the patient's midline, in mm along x and y.
  ///   - surroundings: what lies around the mask on its slice.
  func fill(
    _ mask: UnsafeMutableBufferPointer<UInt8>, width: Int, height: Int,
    spacing: (x: Double, y: Double), medial: (x: Double, y: Double),
    surroundings: PocketSurroundings
  ) {
    let (piece, lungPixels) = Self.largestPiece(of: mask, width: width, height: height)
    guard
      let hull = piece.withUnsafeBufferPointer({
        ConvexHull(mask: $0, width: width, height: height)
      })
    else { return }
    let length = (medial.x * medial.x + medial.y * medial.y).squareRoot()
    let slice = Slice(
      width: width, spacing: spacing,
      towardsMidline: length > 0 ? (medial.x / length, medial.y / length) : (0, 0), hull: hull,
      maxPixels: min(
        Int(maxAreaMM2 / (spacing.x * spacing.y)), Int(maxLungFraction * Double(lungPixels))))

    let spans = hull.rowSpans(height: height)
    var seen = [Bool](repeating: false, count: width * height)
    for y in 0..<height {
      guard let span = spans[y] else { continue }
      for x in span where piece[y * width + x] == 0 && !seen[y * width + x] {
        let pocket = Self.pocket(
          from: y * width + x, piece: piece, width: width, spans: spans, seen: &seen)
        guard admits(pocket, on: slice, surroundings: surroundings) else { continue }
        for p in pocket.pixels { mask[p] = 1 }
      }
    }
  }

  /// Whether `pocket` passes the tests in the type's description.
  private func admits(
    _ pocket: (pixels: [Int], mouth: [Int]), on slice: Slice, surroundings: PocketSurroundings
  ) -> Bool {
    let (sx, sy) = slice.spacing
    let mouthMM = Double(max(1, pocket.mouth.count)) * min(sx, sy)
    let depthMM = Double(pocket.pixels.count) * sx * sy / mouthMM
    guard depthMM >= minDepthMM, pocket.pixels.count <= slice.maxPixels,
      let normal = slice.hull.meanOutwardNormal(
        at: pocket.mouth, width: slice.width, spacing: slice.spacing)
    else { return false }

    let medialCosine = normal.x * slice.towardsMidline.x + normal.y * slice.towardsMidline.y
    guard medialCosine < cos(minAngleFromMedialDeg * .pi / 180) else { return false }

    var centre = (x: 0.0, y: 0.0)
    for p in pocket.mouth {
      centre.x += Double(p % slice.width)
      centre.y += Double(p / slice.width)
    }
    centre = (centre.x / Double(pocket.mouth.count), centre.y / Double(pocket.mouth.count))
    guard surroundings.midlineDistanceMM(centre.x, centre.y) >= minMidlineDistanceMM else {
      return false
    }

    return wallDepthMM(
      from: centre, normal: normal, spacing: slice.spacing, surroundings: surroundings) != nil
  }

  /// How far (mm) the body's outer surface lies beyond `centre` (pixels), along `normal`; nil
  /// when it is further than `maxWallMM`.
  private func wallDepthMM(
    from centre: (x: Double, y: Double), normal: (x: Double, y: Double),
    spacing: (x: Double, y: Double), surroundings: PocketSurroundings
  ) -> Double? {
    let step = min(spacing.x, spacing.y)
    var depth = 0.0
    while depth <= maxWallMM {
      let x = Int((centre.x + depth * normal.x / spacing.x).rounded())
      let y = Int((centre.y + depth * normal.y / spacing.y).rounded())
      if surroundings.isOutsideBody(x, y) { return depth }
      depth += step
    }
    return nil
  }

  /// The largest 4-connected piece of the set region (the first in raster order on a tie) and
  /// its pixel count. The hull is the lung's, not that of stray pieces beside it: a gas bubble
  /// under the diaphragm taken for lung would stretch it over the upper abdomen.
  private static func largestPiece(
    of mask: UnsafeMutableBufferPointer<UInt8>, width: Int, height: Int
  ) -> (flags: [UInt8], count: Int) {
    let pieces = RunComponents(mask: UnsafeBufferPointer(mask), size: GridSize(width, height, 1))
    var flags = [UInt8](repeating: 0, count: width * height)
    guard pieces.count > 0 else { return (flags, 0) }
    var best = 1
    for c in 1...pieces.count where pieces.sizes[c] > pieces.sizes[best] { best = c }
    for y in 0..<height {
      for r in Int(pieces.rowFirst[y])..<Int(pieces.rowFirst[y + 1])
      where pieces.label[r] == Int32(best) {
        for x in Int(pieces.start[r])..<Int(pieces.end[r]) { flags[y * width + x] = 1 }
      }
    }
    return (flags, pieces.sizes[best])
  }

  /// The 4-connected pocket (pixels inside the hull and outside `piece`) holding `start`, and
  /// its mouth: the pocket pixels next to a pixel outside the hull. Other pieces of the lung
  /// inside the hull belong to the pocket, so they count towards its size.
  private static func pocket(
    from start: Int, piece: [UInt8], width: Int, spans: [ClosedRange<Int>?],
    seen: inout [Bool]
  ) -> (pixels: [Int], mouth: [Int]) {
    var pixels = [start]
    var mouth: [Int] = []
    seen[start] = true
    var next = 0
    while next < pixels.count {
      let p = pixels[next]
      next += 1
      let (x, y) = (p % width, p / width)
      var open = false
      for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] {
        guard ny >= 0, ny < spans.count, let span = spans[ny], span.contains(nx) else {
          open = true
          continue
        }
        let q = ny * width + nx
        guard piece[q] == 0, !seen[q] else { continue }
        seen[q] = true
        pixels.append(q)
      }
      if open { mouth.append(p) }
    }
    return (pixels, mouth)
  }
}

/// What lies around one lung's work area on its slice, in the area's pixel coordinates.
struct PocketSurroundings {
  /// Whether pixel (x, y) lies outside the body (any coordinates, also beyond the area).
  let isOutsideBody: (Int, Int) -> Bool
  /// Distance (mm) of point (x, y) from the patient's midline.
  let midlineDistanceMM: (Double, Double) -> Double
}
