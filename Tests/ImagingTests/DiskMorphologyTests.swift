import Imaging
import Testing

/// Disk dilation, erosion and hole filling against brute-force definitions on random masks.
struct DiskMorphologyTests {
  /// (width, height, spacing x, spacing y, radius mm, density)
  static let cases: [(Int, Int, Double, Double, Double, Double)] = [
    (31, 27, 1, 1, 2, 0.05),
    (31, 27, 0.7, 0.7, 2, 0.4),
    (40, 25, 0.68, 0.9, 3.1, 0.15),
    (23, 35, 1.2, 0.55, 1.05, 0.5),
    (30, 30, 0.74, 0.74, 10, 0.02),
    (18, 18, 1, 1, 0.4, 0.3),
  ]

  @Test("dilation sets exactly the pixels within the radius of a set pixel", arguments: 0..<6)
  func dilation(index: Int) {
    let (w, h, sx, sy, r, density) = Self.cases[index]
    let mask = RandomMasks.mask(
      GridSize(w, h, 1), density: density, seed: UInt64(10 + index), blobby: true)
    var morph = SliceMorphology(width: w, height: h, spacingX: sx, spacingY: sy)
    var out = mask
    out.withUnsafeMutableBufferPointer { morph.dilate($0, radiusMM: r) }
    var wrong = 0
    for y in 0..<h {
      for x in 0..<w {
        let near = RandomMasks.nearFeature(
          x, y, width: w, height: h, spacing: (sx, sy), radiusMM: r
        ) { mask[$0] != 0 }
        if (out[y * w + x] != 0) != near { wrong += 1 }
      }
    }
    #expect(wrong == 0)
  }

  @Test(
    "erosion keeps exactly the set pixels farther than the radius from background and edge",
    arguments: 0..<6)
  func erosion(index: Int) {
    let (w, h, sx, sy, r, density) = Self.cases[index]
    let mask = RandomMasks.mask(
      GridSize(w, h, 1), density: 1 - density, seed: UInt64(20 + index), blobby: true)
    var morph = SliceMorphology(width: w, height: h, spacingX: sx, spacingY: sy)
    var out = mask
    out.withUnsafeMutableBufferPointer { morph.erode($0, radiusMM: r) }
    let r2 = Float(r * r)
    var wrong = 0
    for y in 0..<h {
      for x in 0..<w {
        let dx = Double(min(x + 1, w - x)) * sx
        let dy = Double(min(y + 1, h - y)) * sy
        let edgeNear = !(Float(min(dx, dy) * min(dx, dy)) > r2)
        let near = RandomMasks.nearFeature(
          x, y, width: w, height: h, spacing: (sx, sy), radiusMM: r
        ) { mask[$0] == 0 }
        let keep = mask[y * w + x] != 0 && !near && !edgeNear
        if (out[y * w + x] != 0) != keep { wrong += 1 }
      }
    }
    #expect(wrong == 0)
  }

  @Test("dilation agrees with thresholding the distance transform", arguments: 0..<6)
  func agreesWithDistanceTransform(index: Int) {
    let (w, h, sx, sy, r, density) = Self.cases[index]
    let mask = RandomMasks.mask(
      GridSize(w, h, 1), density: density, seed: UInt64(30 + index), blobby: false)
    var distance = [Float](repeating: 0, count: w * h)
    mask.withUnsafeBufferPointer { f in
      distance.withUnsafeMutableBufferPointer {
        DistanceTransform.squared2D(
          feature: f, width: w, height: h, spacingX: sx, spacingY: sy, output: $0)
      }
    }
    var morph = SliceMorphology(width: w, height: h, spacingX: sx, spacingY: sy)
    var out = mask
    out.withUnsafeMutableBufferPointer { morph.dilate($0, radiusMM: r) }
    let r2 = Float(r * r)
    #expect(zip(out, distance).allSatisfy { ($0 != 0) == ($1 <= r2) })
  }

  @Test("holes are the background regions off the edge, filled up to the area limit")
  func holes() {
    let (w, h) = (37, 29)
    let mask = RandomMasks.mask(GridSize(w, h, 1), density: 0.6, seed: 5, blobby: true)
    let background = mask.map { $0 == 0 ? UInt8(1) : 0 }
    let regions = RandomMasks.labelByFlood(background, size: GridSize(w, h, 1))
    var touchesEdge = Set<Int32>()
    var area = [Int32: Int]()
    for y in 0..<h {
      for x in 0..<w where regions[y * w + x] > 0 {
        let c = regions[y * w + x]
        area[c, default: 0] += 1
        if x == 0 || y == 0 || x == w - 1 || y == h - 1 { touchesEdge.insert(c) }
      }
    }
    let maxPixels = 4
    var morph = SliceMorphology(width: w, height: h, spacingX: 0.5, spacingY: 0.5)
    var out = mask
    out.withUnsafeMutableBufferPointer {
      morph.fillHoles($0, maxAreaMM2: Double(maxPixels) * 0.25)
    }
    var all = mask
    all.withUnsafeMutableBufferPointer { morph.fillHoles($0) }
    for p in 0..<(w * h) where mask[p] == 0 {
      let c = regions[p]
      let enclosed = !touchesEdge.contains(c)
      #expect((out[p] != 0) == (enclosed && area[c, default: 0] <= maxPixels))
      #expect((all[p] != 0) == enclosed)
    }
    #expect(area.keys.contains { !touchesEdge.contains($0) && area[$0, default: 0] > maxPixels })
  }
}
