import Imaging

/// Puts back into each lung what the air threshold left out: vessels, and lesions against the
/// pleura or the mediastinum.
///
/// Published threshold-based lung masks lose dense consolidation and juxtapleural nodules
/// because they are as dense as the chest wall. Here each lung is closed on every slice with a
/// disk of `pleuralClosingRadiusMM` (filling notches up to about twice that wide along its
/// outline) and its enclosed holes up to `maxHoleAreaMM2` are filled. Only voxels claimed by
/// exactly one lung, not airway, with data and not denser than `lesionMaxHU` (so not bone) are
/// added. Closing each lung on its own keeps the mediastinum between them out.
struct PleuralEnvelope {
  /// Largest enclosed region (mm^2) filled in as lung on one slice; bigger enclosed regions
  /// (the liver dome inside a basal lung ring) stay out.
  static let maxHoleAreaMM2 = 2000.0

  let grid: ChestGrid
  let parameters: AnalysisParameters
  let threads: Int

  /// Adds envelope voxels to `sides` in place.
  func apply(sides: inout [UInt8], airMask: [UInt8], hu: [Int16]) {
    let maxHU = Int16(clamping: Int(parameters.lesionMaxHU.rounded(.down)))
    sides.withUnsafeMutableBufferPointer { s in
      airMask.withUnsafeBufferPointer { a in
        hu.withUnsafeBufferPointer { h in
          let out = SendablePointer(s)
          let air = SendableConstPointer(a)
          let values = SendableConstPointer(h)
          _ = ParallelSlices.map(count: grid.nz, threads: threads) { _, slices in
            for k in slices {
              envelopeSlice(k, sides: out, air: air, hu: values, maxHU: maxHU)
            }
          }
        }
      }
    }
  }

  private func envelopeSlice(
    _ k: Int, sides: SendablePointer<UInt8>, air: SendableConstPointer<UInt8>,
    hu: SendableConstPointer<Int16>, maxHU: Int16
  ) {
    let base = k * grid.plane
    var claims = [UInt8](repeating: 0, count: grid.plane)
    var owner = [UInt8](repeating: 0, count: grid.plane)
    for side in [LungLabel.right, LungLabel.left] {
      guard let env = closedSide(side, base: base, sides: sides) else { continue }
      for p in env where claims[p] < 2 {
        claims[p] += 1
        owner[p] = side
      }
    }
    for p in 0..<grid.plane where claims[p] == 1 && sides[base + p] == 0 {
      let v = hu[base + p]
      guard air[base + p] != AirMask.airway, v > Volume.noData, v <= maxHU else { continue }
      sides[base + p] = owner[p]
    }
  }

  /// The slice offsets of one lung's closed, hole-filled outline, or nil if it is absent.
  private func closedSide(_ side: UInt8, base: Int, sides: SendablePointer<UInt8>) -> [Int]? {
    var lo = (x: Int.max, y: Int.max)
    var hi = (x: -1, y: -1)
    for y in 0..<grid.ny {
      for x in 0..<grid.nx where sides[base + y * grid.nx + x] == side {
        lo = (min(lo.x, x), min(lo.y, y))
        hi = (max(hi.x, x), max(hi.y, y))
      }
    }
    guard hi.x >= 0 else { return nil }
    let r = parameters.pleuralClosingRadiusMM
    let mx = Int((r / grid.spacingX).rounded(.up)) + 2
    let my = Int((r / grid.spacingY).rounded(.up)) + 2
    // The work area reaches past the image edge when the lung is close to it, so the closing
    // never sees the edge as background (which would erode the lung along it).
    let x0 = lo.x - mx
    let y0 = lo.y - my
    let w = hi.x + mx - x0 + 1
    let h = hi.y + my - y0 + 1
    var local = [UInt8](repeating: 0, count: w * h)
    for y in max(0, -y0)..<min(h, grid.ny - y0) {
      for x in max(0, -x0)..<min(w, grid.nx - x0)
      where sides[base + (y + y0) * grid.nx + x + x0] == side {
        local[y * w + x] = 1
      }
    }
    var morph = SliceMorphology(
      width: w, height: h, spacingX: grid.spacingX, spacingY: grid.spacingY)
    local.withUnsafeMutableBufferPointer {
      morph.close($0, radiusMM: r)
      morph.fillHoles($0, maxAreaMM2: Self.maxHoleAreaMM2)
    }
    var offsets: [Int] = []
    for y in max(0, -y0)..<min(h, grid.ny - y0) {
      for x in max(0, -x0)..<min(w, grid.nx - x0) where local[y * w + x] != 0 {
        offsets.append((y + y0) * grid.nx + x + x0)
      }
    }
    return offsets
  }
}
