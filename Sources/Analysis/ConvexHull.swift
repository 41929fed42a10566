/// The convex hull of the set pixels of a 2D mask, by pixel centres (Andrew's monotone chain on
/// the first and last set pixel of every row, which are the only candidates for hull vertices).
struct ConvexHull {
  /// Hull vertices in pixel coordinates, counter-clockwise in (x, y), no three collinear.
  let vertices: [(x: Int, y: Int)]

  /// Nil when `mask` (`width` by `height`, x fastest) has no set pixel.
  init?(mask: UnsafeBufferPointer<UInt8>, width: Int, height: Int) {
    var ends: [(x: Int, y: Int)] = []
    for y in 0..<height {
      let row = y * width
      guard let first = (0..<width).first(where: { mask[row + $0] != 0 }) else { continue }
      let last = (first..<width).last(where: { mask[row + $0] != 0 }) ?? first
      ends.append((first, y))
      if last != first { ends.append((last, y)) }
    }
    guard let hull = ConvexHull(points: ends) else { return nil }
    self = hull
  }

  /// The hull of `points` (pixel coordinates); nil when there are none.
  init?(points: [(x: Int, y: Int)]) {
    guard !points.isEmpty else { return nil }
    let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
    vertices = Self.chain(sorted)
  }

  /// Lower then upper chain; a single point or a segment comes back as its end points.
  private static func chain(_ points: [(x: Int, y: Int)]) -> [(x: Int, y: Int)] {
    guard points.count > 2 else { return points }
    func turn(_ o: (x: Int, y: Int), _ a: (x: Int, y: Int), _ b: (x: Int, y: Int)) -> Int {
      (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
    }
    var hull: [(x: Int, y: Int)] = []
    for p in points {
      while hull.count >= 2, turn(hull[hull.count - 2], hull[hull.count - 1], p) <= 0 {
        hull.removeLast()
      }
      hull.append(p)
    }
    let lowerCount = hull.count + 1
    for p in points.reversed().dropFirst() {
      while hull.count >= lowerCount, turn(hull[hull.count - 2], hull[hull.count - 1], p) <= 0 {
        hull.removeLast()
      }
      hull.append(p)
    }
    hull.removeLast()
    return hull
  }

  /// Per row, the pixel columns whose centres lie inside or on the hull (nil where none do).
  func rowSpans(height: Int) -> [ClosedRange<Int>?] {
    var lo = [Double](repeating: .infinity, count: height)
    var hi = [Double](repeating: -.infinity, count: height)
    let n = vertices.count
    for e in 0..<n {
      let a = vertices[e]
      let b = vertices[(e + 1) % n]
      for y in min(a.y, b.y)...max(a.y, b.y) where y >= 0 && y < height {
        let xs: [Double] =
          a.y == b.y
          ? [Double(a.x), Double(b.x)]
          : [Double(a.x) + Double(y - a.y) * Double(b.x - a.x) / Double(b.y - a.y)]
        for x in xs {
          lo[y] = min(lo[y], x)
          hi[y] = max(hi[y], x)
        }
      }
    }
    let slack = 1e-9
    return (0..<height).map { y in
      guard lo[y] <= hi[y] else { return nil }
      let first = Int((lo[y] - slack).rounded(.up))
      let last = Int((hi[y] + slack).rounded(.down))
      return first <= last ? first...last : nil
    }
  }

  /// The mean of the outward unit normals (mm frame) of the hull edges nearest to each of
  /// `pixels` (indices into a `width`-wide mask); nil when there are none or they cancel out.
  func meanOutwardNormal(
    at pixels: [Int], width: Int, spacing: (x: Double, y: Double)
  ) -> (x: Double, y: Double)? {
    let n = vertices.count
    guard n >= 3, !pixels.isEmpty else { return nil }
    let points = vertices.map { (x: Double($0.x) * spacing.x, y: Double($0.y) * spacing.y) }
    var sum = (x: 0.0, y: 0.0)
    for p in pixels {
      let q = (x: Double(p % width) * spacing.x, y: Double(p / width) * spacing.y)
      var best = (distance: Double.infinity, edge: 0)
      for e in 0..<n {
        let d = Self.distance(q, points[e], points[(e + 1) % n])
        if d < best.distance { best = (d, e) }
      }
      let a = points[best.edge]
      let b = points[(best.edge + 1) % n]
      let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
      // Counter-clockwise in (x, y): the outside lies to the right of each edge.
      sum.x += (b.y - a.y) / length
      sum.y -= (b.x - a.x) / length
    }
    let norm = (sum.x * sum.x + sum.y * sum.y).squareRoot()
    guard norm > 0 else { return nil }
    return (sum.x / norm, sum.y / norm)
  }

  /// Distance from `q` to the segment from `a` to `b`.
  private static func distance(
    _ q: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)
  ) -> Double {
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    let length2 = dx * dx + dy * dy
    let t = length2 > 0 ? max(0, min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / length2)) : 0
    let (ex, ey) = (q.x - a.x - t * dx, q.y - a.y - t * dy)
    return (ex * ex + ey * ey).squareRoot()
  }
}
