import Foundation
import Imaging

/// Draws one study's slices: anatomy, lesions and vessels with partial-volume edges, then noise.
///
/// Each slice is computed independently from its own noise stream, so slices can be rendered on
/// any number of threads with identical bytes.
struct StudyRenderer: Sendable {
  let anatomy: ChestAnatomy
  let vessels: [Capsule]
  let lesions: [LesionShape]
  let pose: StudyPose
  let geometry: Geometry
  let scan: ScanProtocol
  let noiseSeed: UInt64
  let fissures = Fissures()

  /// Scanner-HU limits of the reconstructed images.
  static let minimumHU: Float = -1024
  static let maximumHU: Float = 3071
  /// Width (mm) of the partial-volume ramp at lesion and vessel edges.
  var edgeWidthMM: Double { geometry.spacing.x }

  /// One rendered slice: HU, labels (0 none, 1 right lung, 2 left lung, 3 GGO, 4 consolidation)
  /// and the voxel counts the truth needs.
  struct Slice: Sendable {
    var hu: [Int16]
    var labels: [UInt8]
    var counts: VoxelCounts
  }

  init(
    anatomy: ChestAnatomy, vessels: [Capsule], lesions: [LesionShape], pose: StudyPose,
    geometry: Geometry, scan: ScanProtocol, noiseSeed: UInt64
  ) {
    self.anatomy = anatomy
    self.vessels = vessels
    self.lesions = lesions
    self.pose = pose
    self.geometry = geometry
    self.scan = scan
    self.noiseSeed = noiseSeed
  }

  /// Renders slice `k`: the mean of `planesPerSlice` thin planes across the slice thickness,
  /// labels and counts at the slice centre, plus noise from the slice's own stream.
  func renderSlice(_ k: Int, vesselBoxes: [IndexBox]) -> Slice {
    let planes = scan.planesPerSlice
    let centre = renderPlane(Double(k), vesselBoxes: vesselBoxes)
    var sum = centre.hu
    if planes > 1 {
      sum = [Float](repeating: 0, count: sum.count)
      for plane in 0..<planes {
        let offset = (Double(plane) + 0.5) / Double(planes) - 0.5
        let thin = renderPlane(Double(k) + offset, vesselBoxes: vesselBoxes)
        for n in 0..<sum.count { sum[n] += thin.hu[n] }
      }
    }

    var rng = SplitMix64(seed: noiseSeed, streams: UInt64(k))
    let scale = 1 / Float(planes)
    let hu = sum.map { value -> Int16 in
      let noisy = (value * scale + rng.gaussian() * scan.noiseHU).rounded()
      return Int16(min(StudyRenderer.maximumHU, max(StudyRenderer.minimumHU, noisy)))
    }
    return Slice(hu: hu, labels: centre.labels, counts: centre.counts)
  }
}

/// Voxel counts of one slice (or, summed, of a study) at the study grid.
struct VoxelCounts: Sendable {
  var rightLung = 0
  var leftLung = 0
  var lesion: [Int]
  var core: [Int]

  init(lesionCount: Int) {
    lesion = [Int](repeating: 0, count: lesionCount)
    core = [Int](repeating: 0, count: lesionCount)
  }

  mutating func add(_ other: VoxelCounts) {
    rightLung += other.rightLung
    leftLung += other.leftLung
    for n in lesion.indices {
      lesion[n] += other.lesion[n]
      core[n] += other.core[n]
    }
  }
}

/// The index-space box (clamped to the grid) that holds a shape in one study.
struct IndexBox: Sendable {
  var i: ClosedRange<Int>
  var j: ClosedRange<Int>
  var k: ClosedRange<Double>

  /// A box that meets no plane of the grid.
  static let empty = IndexBox(i: 0...0, j: 0...0, k: -Double.infinity ... -Double.infinity)
}
