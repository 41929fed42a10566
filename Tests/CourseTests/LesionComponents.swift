import Course
import Imaging

/// Six-connected components of the lesion labels (3 GGO, 4 consolidation) of a label volume,
/// measured as tracking needs them; centres are in the volume's own LPS frame.
enum LesionComponents {
  static func find(in labels: LabelVolume, studyIndex: Int) -> ([UInt16], [TrackedLesion]) {
    let size = labels.size
    let g = labels.geometry
    var map = [UInt16](repeating: 0, count: size.count)
    var lesions: [TrackedLesion] = []
    for start in 0..<size.count where labels.labels[start] >= 3 && map[start] == 0 {
      let id = UInt16(lesions.count + 1)
      var stack = [start]
      map[start] = id
      var (count, ggo, sum) = (0, 0, Vector3.zero)
      while let v = stack.popLast() {
        let (i, j, k) = (v % size.nx, (v / size.nx) % size.ny, v / size.sliceCount)
        count += 1
        if labels.labels[v] == 3 { ggo += 1 }
        sum = sum + g.point(Double(i), Double(j), Double(k))
        for (di, dj, dk) in [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)] {
          guard size.contains(i + di, j + dj, k + dk) else { continue }
          let n = size.offset(i + di, j + dj, k + dk)
          if labels.labels[n] >= 3 && map[n] == 0 {
            map[n] = id
            stack.append(n)
          }
        }
      }
      let ml = g.voxelVolumeML
      lesions.append(
        TrackedLesion(
          studyIndex: studyIndex, lesionID: Int(id), centerMM: sum / Double(count),
          volumeML: Double(count) * ml, ggoVolumeML: Double(ggo) * ml,
          consolidationVolumeML: Double(count - ggo) * ml, longestDiameterMM: 0,
          perpendicularDiameterMM: 0, meanHU: 0, type: ggo * 2 >= count ? .nodularGGO : .mixed))
    }
    return (map, lesions)
  }
}

/// Moves a label volume by a rigid motion on its own grid (nearest neighbour).
enum LabelResampler {
  static func moved(_ labels: LabelVolume, by motion: RigidTransform) -> LabelVolume {
    guard motion != .identity else { return labels }
    let g = labels.geometry
    let inverse = motion.inverse
    let toIndex = g.indexToPhysical.inverse
    var out = LabelVolume(geometry: g)
    for k in 0..<g.size.nz {
      for j in 0..<g.size.ny {
        for i in 0..<g.size.nx {
          let c = toIndex * (inverse.apply(g.point(Double(i), Double(j), Double(k))) - g.origin)
          let (si, sj, sk) = (Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded()))
          guard g.size.contains(si, sj, sk) else { continue }
          out.labels[g.size.offset(i, j, k)] = labels.labels[g.size.offset(si, sj, sk)]
        }
      }
    }
    return out
  }
}
