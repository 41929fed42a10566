import Foundation
import Imaging

extension StudyRenderer {
  /// One thin plane at continuous slice index `kz`, without noise.
  func renderPlane(_ kz: Double, vesselBoxes: [IndexBox]) -> (
    hu: [Float], labels: [UInt8], counts: VoxelCounts
  ) {
    let nx = geometry.size.nx
    let ny = geometry.size.ny
    var hu = [Float](repeating: 0, count: nx * ny)
    var labels = [UInt8](repeating: 0, count: nx * ny)
    var counts = VoxelCounts(lesionCount: lesions.count)
    let frame = PlaneFrame(renderer: self, kz: kz)
    let nearby = lesionsNear(frame)

    for j in 0..<ny {
      for i in 0..<nx {
        let q = frame.bodyPoint(i, j)
        let side = anatomy.lungSide(q, breathingMM: pose.breathingMM)
        guard side != 0 else {
          hu[j * nx + i] = anatomy.tissueHU(q, breathingMM: pose.breathingMM)
          continue
        }
        var label = side
        var value = lungHU(q, side: side)
        if let fissureMM = fissures.signedDistance(q, side: side, reach: edgeWidthMM) {
          value += Float(ramp(fissureMM)) * (fissures.hu - value)
        }
        if side == 1 { counts.rightLung += 1 } else { counts.leftLung += 1 }
        for index in nearby {
          shadeLesion(index, at: q, value: &value, label: &label, counts: &counts)
        }
        hu[j * nx + i] = value
        labels[j * nx + i] = label
      }
    }
    paintVessels(kz, frame: frame, boxes: vesselBoxes, hu: &hu, labels: labels)
    return (hu, labels, counts)
  }

  /// Parenchyma, denser towards the dependent (posterior) lung.
  @inline(__always)
  private func lungHU(_ q: Vector3, side: UInt8) -> Float {
    let lung = side == 1 ? anatomy.rightLung : anatomy.leftLung
    let depth = min(1, max(0, (q.y - lung.cy + lung.b) / (2 * lung.b)))
    return TissueHU.lungAnterior + TissueHU.lungDependentGradient * Float(depth)
  }

  /// Blends lesion `index` into a lung voxel with a partial-volume ramp, and labels the voxel if
  /// its centre lies in the lesion and no earlier lesion owns it.
  @inline(__always)
  private func shadeLesion(
    _ index: Int, at q: Vector3, value: inout Float, label: inout UInt8,
    counts: inout VoxelCounts
  ) {
    let lesion = lesions[index]
    let reach = lesion.boundingHalfSizeMM + edgeWidthMM
    let offset = q - lesion.center
    guard abs(offset.x) <= reach, abs(offset.y) <= reach, abs(offset.z) <= reach else { return }
    let r2 = lesion.r2(q)
    let r = r2.squareRoot()
    let distance = (offset.x * offset.x + offset.y * offset.y + offset.z * offset.z).squareRoot()
    let signedMM = r > 1e-9 ? distance * (1 - 1 / r) : -distance
    guard signedMM < edgeWidthMM else { return }

    value += Float(ramp(signedMM)) * (lesion.ggoHU - value)
    let hasCore = lesion.coreScale > 0
    if hasCore {
      let coreMM = r > 1e-9 ? distance * (1 - lesion.coreScale / r) : -distance
      value += Float(ramp(coreMM)) * (lesion.coreHU - value)
    }
    guard r2 <= 1, label <= 2 else { return }
    counts.lesion[index] += 1
    if hasCore, r2 <= lesion.coreScale * lesion.coreScale {
      counts.core[index] += 1
      label = 4
    } else {
      label = 3
    }
  }

  /// The covered fraction of a voxel whose centre lies `signedMM` outside a surface.
  @inline(__always)
  private func ramp(_ signedMM: Double) -> Double {
    min(1, max(0, 0.5 - signedMM / edgeWidthMM))
  }

  /// Indices of lesions whose bounding box meets the plane.
  private func lesionsNear(_ frame: PlaneFrame) -> [Int] {
    lesions.indices.filter { n in
      let reach = lesions[n].boundingHalfSizeMM + edgeWidthMM
      return lesions[n].center.z + reach >= frame.bodyZRange.lowerBound
        && lesions[n].center.z - reach <= frame.bodyZRange.upperBound
    }
  }

  /// Vessels drawn over lung voxels (lesions included) with a partial-volume ramp.
  private func paintVessels(
    _ kz: Double, frame: PlaneFrame, boxes: [IndexBox], hu: inout [Float], labels: [UInt8]
  ) {
    let nx = geometry.size.nx
    for (segment, box) in zip(vessels, boxes) where box.k.contains(kz) {
      let reach = segment.radius + edgeWidthMM
      for j in box.j {
        for i in box.i where labels[j * nx + i] != 0 {
          let q = frame.bodyPoint(i, j)
          let distanceSquared = segment.axisDistanceSquared(q)
          guard distanceSquared < reach * reach else { continue }
          let signedMM = distanceSquared.squareRoot() - segment.radius
          hu[j * nx + i] += Float(ramp(signedMM)) * (TissueHU.blood - hu[j * nx + i])
        }
      }
    }
  }

  /// Index boxes of every vessel segment in this study's grid.
  func vesselBoxes() -> [IndexBox] {
    vessels.map { indexBox(of: $0.boundingCorners(margin: edgeWidthMM)) }
  }

  /// The clamped index box of a body-frame axis-aligned box.
  func indexBox(of corners: (Vector3, Vector3)) -> IndexBox {
    let (lo, hi) = corners
    var minIndex = Vector3(.infinity, .infinity, .infinity)
    var maxIndex = Vector3(-.infinity, -.infinity, -.infinity)
    for c in 0..<8 {
      let q = Vector3(c & 1 == 0 ? lo.x : hi.x, c & 2 == 0 ? lo.y : hi.y, c & 4 == 0 ? lo.z : hi.z)
      let index = geometry.continuousIndex(of: pose.toScanner(q))
      minIndex = Vector3(
        min(minIndex.x, index.x), min(minIndex.y, index.y), min(minIndex.z, index.z))
      maxIndex = Vector3(
        max(maxIndex.x, index.x), max(maxIndex.y, index.y), max(maxIndex.z, index.z))
    }
    let size = geometry.size
    let i0 = max(0, Int(minIndex.x.rounded(.down)))
    let i1 = min(size.nx - 1, Int(maxIndex.x.rounded(.up)))
    let j0 = max(0, Int(minIndex.y.rounded(.down)))
    let j1 = min(size.ny - 1, Int(maxIndex.y.rounded(.up)))
    guard i0 <= i1, j0 <= j1 else { return .empty }
    return IndexBox(i: i0...i1, j: j0...j1, k: minIndex.z...maxIndex.z)
  }
}

/// Maps the voxels of one plane to body-frame points: q(i, j) = origin + i * stepI + j * stepJ.
struct PlaneFrame {
  let origin: Vector3
  let stepI: Vector3
  let stepJ: Vector3
  /// The body-frame z range the plane spans (it is tilted by the pose).
  let bodyZRange: ClosedRange<Double>

  init(renderer: StudyRenderer, kz: Double) {
    let inverse = renderer.pose.rotation.transposed
    let g = renderer.geometry
    origin = inverse * (g.point(0, 0, kz) - renderer.pose.shiftMM)
    stepI = inverse * g.indexToPhysical.c0
    stepJ = inverse * g.indexToPhysical.c1
    let far = origin + stepI * Double(g.size.nx - 1) + stepJ * Double(g.size.ny - 1)
    let corners = [
      origin.z, far.z, (origin + stepI * Double(g.size.nx - 1)).z,
      (origin + stepJ * Double(g.size.ny - 1)).z,
    ]
    bodyZRange = corners.min()!...corners.max()!  // four elements, never empty
  }

  @inline(__always)
  func bodyPoint(_ i: Int, _ j: Int) -> Vector3 {
    origin + stepI * Double(i) + stepJ * Double(j)
  }
}
