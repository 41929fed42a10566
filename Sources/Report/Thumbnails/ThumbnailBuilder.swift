import Imaging

/// The track a lesion belongs to, for outline colour and label.
public struct TrackReference: Sendable, Equatable {
  public var id: String
  public var colorIndex: Int

  public init(id: String, colorIndex: Int) {
    self.id = id
    self.colorIndex = colorIndex
  }
}

/// Makes a study's thumbnails: key axial slices (the slice with the most lesion area, then the
/// largest slice of each lesion not yet shown) and a coronal overview through the most lesion
/// voxels, in the lung window, with each lesion's outline.
///
/// Assumes an axial acquisition (grid k is the slice axis); orientation letters come from the
/// grid's direction cosines, so a flipped or rotated grid is labelled correctly.
public struct ThumbnailBuilder {
  public static let maxAxialSlices = 3

  let volume: Volume
  let lesionMap: LesionMap
  let tracks: [Int: TrackReference]

  /// - Parameters:
  ///   - lesionMap: lesion id per voxel on the volume's grid (0 = none), as from analysis.
  ///   - tracks: lesion id -> track; untracked lesions are outlined in a neutral colour.
  /// - Precondition: `lesionMap.size == volume.size`.
  public init(volume: Volume, lesionMap: LesionMap, tracks: [Int: TrackReference]) {
    precondition(lesionMap.size == volume.size, "ThumbnailBuilder: map size mismatch")
    self.volume = volume
    self.lesionMap = lesionMap
    self.tracks = tracks
  }

  /// Key axial slices then the coronal overview.
  public func build() -> [Thumbnail] {
    let tally = lesionTally()
    return keySliceIndices(areas: tally.areas).map(axial) + [coronal(row: coronalRow(tally))]
  }

  /// Lesion voxel counts from one pass over the lesion map.
  struct LesionTally {
    /// Voxel count per slice for each lesion id present.
    var areas: [UInt16: [Int]]
    /// Lesion voxels per grid row j (all slices).
    var rowCounts: [Int]
  }

  /// Counts the lesion voxels per slice and id and per grid row in one pass. The map is
  /// mostly zeros, so four voxels at a time are skipped while they are all zero: two separate
  /// voxel-by-voxel passes over the map were most of a study's thumbnail time.
  func lesionTally() -> LesionTally {
    let size = volume.size
    var rowCounts = [Int](repeating: 0, count: size.ny)
    // Counts of lesion id c on slice k at c * nz + k, grown as larger ids turn up.
    var counts: [Int] = []
    let block = lesionMap
    block.ids.withUnsafeBufferPointer { map in
      guard let base = map.baseAddress else { return }
      let raw = UnsafeRawPointer(base)
      let width = block.columns.count
      for k in block.slices {
        for j in block.rows {
          let row = block.blockOffset(block.columns.lowerBound, j, k)
          var i = 0
          while i < width {
            if i + 4 <= width,
              raw.loadUnaligned(fromByteOffset: (row + i) * 2, as: UInt64.self) == 0
            {
              i += 4
              continue
            }
            let id = Int(map[row + i])
            i += 1
            guard id != 0 else { continue }
            rowCounts[j] += 1
            if id * size.nz >= counts.count {
              counts += [Int](repeating: 0, count: (id + 1) * size.nz - counts.count)
            }
            counts[id * size.nz + k] += 1
          }
        }
      }
    }
    var areas: [UInt16: [Int]] = [:]
    for id in stride(from: 1, to: counts.count / max(1, size.nz), by: 1) {
      let perSlice = Array(counts[(id * size.nz)..<((id + 1) * size.nz)])
      if perSlice.contains(where: { $0 != 0 }) { areas[UInt16(id)] = perSlice }
    }
    return LesionTally(areas: areas, rowCounts: rowCounts)
  }

  /// Up to `maxAxialSlices` slice indices, most superior first.
  public func keySliceIndices() -> [Int] {
    keySliceIndices(areas: lesionTally().areas)
  }

  private func keySliceIndices(areas: [UInt16: [Int]]) -> [Int] {
    let nz = volume.size.nz
    guard !areas.isEmpty else { return [nz / 2] }
    var total = [Int](repeating: 0, count: nz)
    for perSlice in areas.values { for k in 0..<nz { total[k] += perSlice[k] } }
    var chosen = [argmax(total)]
    let bySize = areas.sorted { ($0.value.reduce(0, +), $1.key) > ($1.value.reduce(0, +), $0.key) }
    for (_, perSlice) in bySize where chosen.count < Self.maxAxialSlices {
      if chosen.allSatisfy({ perSlice[$0] == 0 }) { chosen.append(argmax(perSlice)) }
    }
    return chosen.sorted {
      volume.geometry.point(0, 0, Double($0)).z > volume.geometry.point(0, 0, Double($1)).z
    }
  }

  private func argmax(_ values: [Int]) -> Int {
    var best = 0
    for index in values.indices where values[index] > values[best] { best = index }
    return best
  }

  /// The axial slice `k`: columns along grid i, rows along grid j.
  public func axial(_ k: Int) -> Thumbnail {
    let size = volume.size
    let base = k * size.sliceCount
    let pixels = (0..<size.sliceCount).map { LungWindow.gray(volume.voxels[base + $0]) }
    let ids = lesionMap.slice(k)
    let direction = volume.geometry.direction
    return Thumbnail(
      kind: .axial, widthPixels: size.nx, heightPixels: size.ny, pixels: pixels,
      pixelWidthMM: volume.geometry.spacing.x, pixelHeightMM: volume.geometry.spacing.y,
      letters: (
        Orientation.letter(direction.c0 * -1), Orientation.letter(direction.c0),
        Orientation.letter(direction.c1 * -1), Orientation.letter(direction.c1)
      ),
      slicePositionMM: volume.geometry.point(0, 0, Double(k)).z, sliceIndex: k,
      outlines: outlines(ids, width: size.nx, height: size.ny))
  }

  /// The coronal plane through the grid row j with the most lesion voxels (the middle row
  /// without lesions), superior at the top.
  public func coronal() -> Thumbnail {
    coronal(row: coronalRow(lesionTally()))
  }

  private func coronal(row j: Int) -> Thumbnail {
    let size = volume.size
    let direction = volume.geometry.direction
    let superiorUp = direction.c2.z >= 0
    var pixels = [UInt8](repeating: 0, count: size.nx * size.nz)
    var ids = [UInt16](repeating: 0, count: size.nx * size.nz)
    for row in 0..<size.nz {
      let k = superiorUp ? size.nz - 1 - row : row
      for i in 0..<size.nx {
        let offset = size.offset(i, j, k)
        pixels[row * size.nx + i] = LungWindow.gray(volume.voxels[offset])
        ids[row * size.nx + i] = lesionMap[i, j, k]
      }
    }
    let down = superiorUp ? direction.c2 * -1 : direction.c2
    return Thumbnail(
      kind: .coronal, widthPixels: size.nx, heightPixels: size.nz, pixels: pixels,
      pixelWidthMM: volume.geometry.spacing.x, pixelHeightMM: volume.geometry.spacing.z,
      letters: (
        Orientation.letter(direction.c0 * -1), Orientation.letter(direction.c0),
        Orientation.letter(down * -1), Orientation.letter(down)
      ),
      slicePositionMM: volume.geometry.point(0, Double(j), 0).y, sliceIndex: j,
      outlines: outlines(ids, width: size.nx, height: size.nz))
  }

  private func coronalRow(_ tally: LesionTally) -> Int {
    let counts = tally.rowCounts
    return counts.allSatisfy({ $0 == 0 }) ? volume.size.ny / 2 : argmax(counts)
  }

  /// One outline per lesion id present in a 2-D id image, in id order.
  func outlines(_ ids: [UInt16], width: Int, height: Int) -> [LesionOutline] {
    let present = Set(ids).subtracting([0]).sorted()
    return present.map { id in
      let rings = Contour.rings(width: width, height: height) { ids[$0] == id }
      let track = tracks[Int(id)]
      return LesionOutline(
        lesionID: Int(id), trackID: track?.id, colorIndex: track?.colorIndex ?? 0, rings: rings)
    }
  }
}

/// Patient direction letters (LPS: +x left, +y posterior, +z superior).
enum Orientation {
  static func letter(_ v: Vector3) -> String {
    let components = [
      (abs(v.x), v.x > 0 ? "L" : "R"), (abs(v.y), v.y > 0 ? "P" : "A"),
      (abs(v.z), v.z > 0 ? "S" : "I"),
    ]
    return components.max { $0.0 < $1.0 }?.1 ?? "?"
  }
}
