/// Marching squares on a binary image: the outline of the pixels where `inside` holds, as
/// closed rings through the midpoints between inside and outside pixel centres.
///
/// Coordinates are in pixels with (0, 0) at the top-left corner of the top-left pixel, so the
/// centre of pixel (c, r) is (c + 0.5, r + 0.5). Saddle cells keep diagonal pixels apart.
enum Contour {
  /// Cell edges: top, right, bottom, left.
  private enum Edge: Int { case top, right, bottom, left }

  /// Segments per cell case; the case bits are top-left 8, top-right 4, bottom-right 2,
  /// bottom-left 1.
  private static let segments: [[(Edge, Edge)]] = [
    [], [(.left, .bottom)], [(.bottom, .right)], [(.left, .right)],
    [(.top, .right)], [(.left, .bottom), (.top, .right)], [(.top, .bottom)], [(.top, .left)],
    [(.top, .left)], [(.top, .bottom)], [(.top, .left), (.bottom, .right)], [(.top, .right)],
    [(.left, .right)], [(.bottom, .right)], [(.left, .bottom)], [],
  ]

  /// A point on the doubled grid of pixel centres (even = centre, odd = midpoint).
  private struct Key: Hashable, Comparable {
    var x: Int
    var y: Int
    static func < (a: Key, b: Key) -> Bool { (a.y, a.x) < (b.y, b.x) }
  }

  /// - Parameter inside: true for the linear pixel index (row * width + column) inside.
  /// - Returns: rings as flat x, y pairs; empty when no pixel is inside.
  static func rings(width: Int, height: Int, inside: (Int) -> Bool) -> [[Double]] {
    guard let box = boundingBox(width: width, height: height, inside: inside) else { return [] }
    func value(_ c: Int, _ r: Int) -> Bool {
      c >= 0 && r >= 0 && c < width && r < height && inside(r * width + c)
    }
    var links: [Key: [Key]] = [:]
    for r in (box.rows.lowerBound - 1)...box.rows.upperBound {
      for c in (box.columns.lowerBound - 1)...box.columns.upperBound {
        let index =
          (value(c, r) ? 8 : 0) | (value(c + 1, r) ? 4 : 0)
          | (value(c + 1, r + 1) ? 2 : 0) | (value(c, r + 1) ? 1 : 0)
        for (a, b) in segments[index] {
          let p = key(a, c, r)
          let q = key(b, c, r)
          links[p, default: []].append(q)
          links[q, default: []].append(p)
        }
      }
    }
    return chain(links)
  }

  private static func key(_ edge: Edge, _ c: Int, _ r: Int) -> Key {
    switch edge {
    case .top: Key(x: 2 * c + 1, y: 2 * r)
    case .right: Key(x: 2 * c + 2, y: 2 * r + 1)
    case .bottom: Key(x: 2 * c + 1, y: 2 * r + 2)
    case .left: Key(x: 2 * c, y: 2 * r + 1)
    }
  }

  private static func boundingBox(
    width: Int, height: Int, inside: (Int) -> Bool
  ) -> (columns: ClosedRange<Int>, rows: ClosedRange<Int>)? {
    var minC = width
    var maxC = -1
    var minR = height
    var maxR = -1
    for r in 0..<height {
      for c in 0..<width where inside(r * width + c) {
        minC = min(minC, c)
        maxC = max(maxC, c)
        minR = min(minR, r)
        maxR = max(maxR, r)
      }
    }
    return maxC < 0 ? nil : (minC...maxC, minR...maxR)
  }

  /// Walks the segment graph into closed rings, starting each at its smallest key so the
  /// result does not depend on dictionary order.
  private static func chain(_ links: [Key: [Key]]) -> [[Double]] {
    var unvisited = Set(links.keys)
    var rings: [[Double]] = []
    for start in links.keys.sorted() where unvisited.contains(start) {
      var ring: [Double] = []
      var previous: Key? = nil
      var current = start
      while unvisited.contains(current) {
        unvisited.remove(current)
        ring += [Double(current.x) / 2 + 0.5, Double(current.y) / 2 + 0.5]
        let next = (links[current] ?? []).sorted().first {
          $0 != previous && unvisited.contains($0)
        }
        guard let next else { break }
        previous = current
        current = next
      }
      rings.append(ring)
    }
    return rings
  }
}
