import Foundation
import Imaging
import Testing

@testable import Phantom

@Suite("Phantom at the full 512 x 512 x 1.25 mm grid")
struct PhantomFineGridTests {
  /// The slab of slices around the lower lesions; the in-plane grid is the real 512 x 512.
  static let slab = ScanProtocol(
    matrix: 512, fieldOfViewMM: 360, sliceSpacingMM: 1.25, zRangeMM: -120...(-70),
    planesPerSlice: 1, noiseHU: 18)

  /// At 0.70 x 0.70 x 1.25 mm voxels, counting voxel centres inside a lesion of several mL
  /// should give its analytic volume within 3% (surface discretisation error).
  @Test("voxel and analytic volumes of lesions agree within 3%")
  func lesionVoxelVolumesMatch() throws {
    let generator = PhantomGenerator(
      preset: .seedCourse, seed: PhantomFixtures.seed, scan: Self.slab)
    let study = generator.makeStudy(index: 2, threads: 2)
    let lower = study.truth.lesions.filter { $0.id == "L1" || $0.id == "L2" }
    #expect(lower.count == 2)
    for lesion in lower {
      #expect(lesion.volumeML > 1, "\(lesion.id) is too small to judge at 3%")
      let ratio = lesion.voxelVolumeML / lesion.volumeML
      #expect(abs(ratio - 1) < 0.03, "\(lesion.id): voxel \(lesion.voxelVolumeML) mL")
    }
  }

  @Test("lesion voxels carry the planned HU: GGO -700...-500, core -100...+30")
  func lesionHUInRange() throws {
    let generator = PhantomGenerator(
      preset: .seedCourse, seed: PhantomFixtures.seed, scan: Self.slab)
    let study = generator.makeStudy(index: 2, threads: 2)
    let labels = study.labels.labels
    let ggo = zip(study.volume.voxels, labels).filter { $0.1 == 3 }.map { Double($0.0) }
    let core = zip(study.volume.voxels, labels).filter { $0.1 == 4 }.map { Double($0.0) }
    let lung = zip(study.volume.voxels, labels).filter { $0.1 == 1 }.map { Double($0.0) }
    let median = { (v: [Double]) in v.sorted()[v.count / 2] }
    try #require(!ggo.isEmpty && !core.isEmpty && !lung.isEmpty)
    #expect((-700.0...(-500.0)).contains(median(ggo)))
    #expect((-100.0...30.0).contains(median(core)))
    #expect((-880.0...(-820.0)).contains(median(lung)))
  }
}
