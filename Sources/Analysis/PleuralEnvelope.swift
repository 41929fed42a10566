import Imaging

/// Puts back into each lung what the air threshold left out: vessels, and lesions against the
/// pleura or the mediastinum.
///
/// Published threshold-based lung masks lose dense consolidation and juxtapleural nodules
/// because they are as dense as the chest wall. Here each lung is closed on every slice with a
/// disk of `pleuralClosingRadiusMM` (filling notches up to about twice that wide along its
/// outline) and its enclosed holes up to `maxHoleAreaMM2` are filled. Wider bays that a lesion
/// cuts into the lung against the chest wall are filled from the lung's convex hull
/// (`HullPockets`, which keeps out the bays of the mediastinum and the diaphragm dome). Only
/// voxels claimed by exactly one lung, not airway, with data and not denser than `lesionMaxHU`
/// (so not bone) are added. Closing each lung on its own keeps the mediastinum between them out.
struct PleuralEnvelope {
  /// Largest enclosed region (mm^2) filled in as lung on one slice; bigger enclosed regions
  /// (the liver dome inside a basal lung ring) stay out.
  static let maxHoleAreaMM2 = 2000.0

  let grid: ChestGrid
  let parameters: AnalysisParameters
  let threads: Int
  /// LPS x (mm) of the patient's midline (`AirMask.midlineX`).
  let midlineX: Double

  private var pockets: HullPockets {
    HullPockets(
      minDepthMM: parameters.pleuralPocketMinDepthMM,
      maxAreaMM2: parameters.pleuralPocketMaxAreaMM2,
      maxLungFraction: parameters.pleuralPocketMaxLungFraction,
      maxWallMM: parameters.pleuralPocketMaxWallMM,
      minAngleFromMedialDeg: parameters.pleuralPocketMinMedialAngleDeg,
      minMidlineDistanceMM: parameters.pleuralPocketMinMidlineDistanceMM)
  }

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
            var claims = [UInt8](repeating: 0, count: grid.plane)
            for k in slices {
              envelopeSlice(k, sides: out, air: air, hu: values, maxHU: maxHU, claims: &claims)
            }
          }
        }
      }
    }
  }

  /// `claims` is scratch of one slice, all zero on entry and on return: per pixel, the number
  /// of lungs whose envelope holds it (capped at 2) times 4, plus the last such lung's side.
  private func envelopeSlice(
    _ k: Int, sides: SendablePointer<UInt8>, air: SendableConstPointer<UInt8>,
    hu: SendableConstPointer<Int16>, maxHU: Int16, claims: inout [UInt8]
  ) {
    let base = k * grid.plane
    let boxes = sideBoxes(base: base, sides: sides)
    var touched: PixelWindow?
    for (n, side) in [LungLabel.right, LungLabel.left].enumerated() {
      guard let box = boxes[n] else { continue }
      let window = claim(
        side, box: box, base: base, slice: (sides, air, hu), claims: &claims)
      touched = touched.map { $0.union(window) } ?? window
    }
    guard let touched else { return }
    for y in touched.rows {
      for x in touched.columns {
        let p = y * grid.nx + x
        let claim = claims[p]
        guard claim != 0 else { continue }
        claims[p] = 0
        guard claim >> 2 == 1, sides[base + p] == 0 else { continue }
        let v = hu[base + p]
        guard air[base + p] != AirMask.airway, v > Volume.noData, v <= maxHU else { continue }
        sides[base + p] = claim & 3
      }
    }
  }

  /// The in-plane boxes of the right and left lung on one slice (nil where a lung is absent).
  private func sideBoxes(base: Int, sides: SendablePointer<UInt8>) -> [PixelBox?] {
    var boxes: [PixelBox?] = [nil, nil]
    for y in 0..<grid.ny {
      let row = base + y * grid.nx
      for x in 0..<grid.nx {
        let side = sides[row + x]
        guard side == LungLabel.right || side == LungLabel.left else { continue }
        let n = Int(side) - 1
        if boxes[n] == nil {
          boxes[n] = PixelBox(lo: (x, y), hi: (x, y))
        } else {
          boxes[n]!.include(x, y)  // checked non-nil on the line above
        }
      }
    }
    return boxes
  }

  /// Closes one lung and fills its holes, then adds its claim to `claims`; returns the window
  /// of the slice it may have claimed.
  private func claim(
    _ side: UInt8, box: PixelBox, base: Int,
    slice: (
      sides: SendablePointer<UInt8>, air: SendableConstPointer<UInt8>,
      hu: SendableConstPointer<Int16>
    ),
    claims: inout [UInt8]
  ) -> PixelWindow {
    let sides = slice.sides
    let r = parameters.pleuralClosingRadiusMM
    let mx = Int((r / grid.spacingX).rounded(.up)) + 2
    let my = Int((r / grid.spacingY).rounded(.up)) + 2
    // The work area reaches past the image edge when the lung is close to it, so the closing
    // never sees the edge as background (which would erode the lung along it).
    let x0 = box.lo.x - mx
    let y0 = box.lo.y - my
    let w = box.hi.x + mx - x0 + 1
    let h = box.hi.y + my - y0 + 1
    var local = [UInt8](repeating: 0, count: w * h)
    let xs = max(0, -x0)..<min(w, grid.nx - x0)
    let ys = max(0, -y0)..<min(h, grid.ny - y0)
    for y in ys {
      for x in xs where sides[base + (y + y0) * grid.nx + x + x0] == side { local[y * w + x] = 1 }
    }
    var morph = SliceMorphology(
      width: w, height: h, spacingX: grid.spacingX, spacingY: grid.spacingY)
    let surroundings = surroundings(
      base: base, origin: (x0, y0), air: slice.air, hu: slice.hu)
    let left = grid.towardsPatientLeft
    let medial = side == LungLabel.right ? left : (-left.x, -left.y)
    local.withUnsafeMutableBufferPointer {
      morph.close($0, radiusMM: r)
      morph.fillHoles($0, maxAreaMM2: Self.maxHoleAreaMM2)
      pockets.fill(
        $0, width: w, height: h, spacing: (grid.spacingX, grid.spacingY), medial: medial,
        surroundings: surroundings)
    }
    for y in ys {
      for x in xs where local[y * w + x] != 0 {
        let p = (y + y0) * grid.nx + x + x0
        let count = min(claims[p] >> 2 + 1, 2)
        claims[p] = count << 2 | side
      }
    }
    return PixelWindow(
      columns: (xs.lowerBound + x0)..<(xs.upperBound + x0),
      rows: (ys.lowerBound + y0)..<(ys.upperBound + y0))
  }
}

extension PleuralEnvelope {
  /// The body outline and the midline around a lung's work area whose pixel (0, 0) is pixel
  /// `origin` of the slice at `base`.
  fileprivate func surroundings(
    base: Int, origin: (x: Int, y: Int), air: SendableConstPointer<UInt8>,
    hu: SendableConstPointer<Int16>
  ) -> PocketSurroundings {
    let airBelowHU = Int16(clamping: Int(parameters.lungThresholdHU.rounded(.down)))
    let k = base / grid.plane
    return PocketSurroundings(
      isOutsideBody: { [grid] x, y in
        Self.isOutsideBody(
          x + origin.x, y + origin.y, base: base, grid: grid, air: air, hu: hu,
          airBelowHU: airBelowHU)
      },
      midlineDistanceMM: { [grid, midlineX] x, y in
        let i = Int(x.rounded()) + origin.x
        let j = Int(y.rounded()) + origin.y
        return abs(grid.lpsX(i, j, k) - midlineX)
      })
  }

  /// Whether pixel (x, y) of the slice at `base` lies outside the body: beyond the image, without
  /// data, or air that `AirMask` did not find enclosed by the body.
  fileprivate static func isOutsideBody(
    _ x: Int, _ y: Int, base: Int, grid: ChestGrid, air: SendableConstPointer<UInt8>,
    hu: SendableConstPointer<Int16>, airBelowHU: Int16
  ) -> Bool {
    guard x >= 0, x < grid.nx, y >= 0, y < grid.ny else { return true }
    let p = base + y * grid.nx + x
    let v = hu[p]
    return v <= Volume.noData || (v < airBelowHU && air[p] == AirMask.outside)
  }
}

/// An in-plane bounding box of pixels, corners inclusive.
struct PixelBox {
  var lo: (x: Int, y: Int)
  var hi: (x: Int, y: Int)

  mutating func include(_ x: Int, _ y: Int) {
    lo = (min(lo.x, x), min(lo.y, y))
    hi = (max(hi.x, x), max(hi.y, y))
  }
}
