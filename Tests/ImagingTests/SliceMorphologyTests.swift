import Imaging
import Testing

/// Disk morphology in millimetres on one slice.
struct SliceMorphologyTests {
  func disk(_ w: Int, _ h: Int, cx: Double, cy: Double, r: Double, into m: inout [UInt8]) {
    for y in 0..<h {
      for x in 0..<w
      where (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) <= r * r {
        m[y * w + x] = 1
      }
    }
  }

  @Test("closing bridges a 3-pixel gap between two disks; opening removes a 2-pixel line")
  func closeAndOpen() {
    let (w, h) = (60, 40)
    var m = [UInt8](repeating: 0, count: w * h)
    disk(w, h, cx: 15, cy: 20, r: 10, into: &m)
    disk(w, h, cx: 38, cy: 20, r: 10, into: &m)
    var morph = SliceMorphology(width: w, height: h, spacingX: 1, spacingY: 1)
    #expect(m[20 * w + 26] == 0)
    m.withUnsafeMutableBufferPointer { morph.close($0, radiusMM: 3) }
    #expect(m[20 * w + 26] == 1)

    var line = [UInt8](repeating: 0, count: w * h)
    for x in 5..<55 { line[10 * w + x] = 1; line[11 * w + x] = 1 }
    disk(w, h, cx: 30, cy: 28, r: 6, into: &line)
    line.withUnsafeMutableBufferPointer { morph.open($0, radiusMM: 2) }
    #expect(line[10 * w + 20] == 0)
    #expect(line[28 * w + 30] == 1)
  }

  @Test("holes up to the area limit are filled, larger ones kept")
  func fillHoles() {
    let (w, h) = (50, 50)
    var m = [UInt8](repeating: 1, count: w * h)
    for y in 0..<h {
      for x in 0..<w where x == 0 || y == 0 || x == w - 1 || y == h - 1 { m[y * w + x] = 0 }
    }
    m[10 * w + 10] = 0  // 1 pixel hole
    for y in 20..<35 { for x in 20..<35 { m[y * w + x] = 0 } }  // 225 pixel hole
    var morph = SliceMorphology(width: w, height: h, spacingX: 0.5, spacingY: 0.5)
    m.withUnsafeMutableBufferPointer { morph.fillHoles($0, maxAreaMM2: 10) }
    #expect(m[10 * w + 10] == 1)
    #expect(m[25 * w + 25] == 0)
    #expect(m[0] == 0)
  }
}
