import Foundation
import Imaging
import Testing

@testable import Analysis

/// Lesions on synthetic chests: found, measured, vessels not counted.
struct LesionDetectionTests {
  @Test("a ground-glass nodule is found with its volume and diameter; a vessel is not a lesion")
  func groundGlassNodule() throws {
    var chest = SyntheticChest()
    chest.spacing = Vector3(1.0, 1.0, 1.5)
    chest.size = GridSize(256, 224, 112)
    let centre = Vector3(60, -10, -10)
    chest.spheres = [.init(center: centre, radiusMM: 6, hu: -550)]
    chest.vessels = [(Vector3(-90, -10, -30), Vector3(-40, 10, 20), 1.2)]
    let (volume, _) = chest.make()
    let m = try LungAnalyzer(threads: 2).analyze(volume).measurements

    // Truth: the voxels the generator set to the nodule's density (its voxelised volume).
    let voxels = volume.voxels.filter { $0 == -550 }.count
    let truthML = Double(voxels) * volume.geometry.voxelVolumeML
    #expect(m.lesions.count == 1)
    let lesion = try #require(m.lesions.first)
    #expect((lesion.centerLPS - centre).length < 1.0)
    #expect(abs(lesion.volumeML - truthML) / truthML < 0.03)
    #expect(abs(lesion.longestDiameterMM - 12) < 1.5)
    #expect(abs(lesion.perpendicularDiameterMM - 12) < 1.5)
    #expect(lesion.type == .nodularGGO)
    #expect(lesion.side == .left)
    #expect(!lesion.touchesPleura)
    #expect(abs(lesion.meanHU - -550) < 1)
    #expect(lesion.ggoVolumeML == lesion.volumeML)
    #expect(abs(m.lesionVolumeML - truthML) / truthML < 0.03)
    #expect(abs(m.poPercent - 100 * m.lesionVolumeML / m.lungVolumeML) < 0.01)
  }

  /// A branching tree of 7 mm vessels (wider than the dense-vessel opening, as at the hilum)
  /// is dropped by its elongation; a solid nodule of the same density in the other lung stays.
  @Test("a dense vessel tree is not a lesion; a solid nodule of the same density is")
  func denseVesselTree() throws {
    var chest = SyntheticChest()
    chest.spacing = Vector3(1.0, 1.0, 1.5)
    chest.size = GridSize(256, 224, 112)
    let centre = Vector3(60, -10, -10)
    chest.spheres = [.init(center: centre, radiusMM: 6, hu: SyntheticChest.tissueHU)]
    chest.vessels = [
      (Vector3(-64, -10, -50), Vector3(-64, -10, 50), 3.5),
      (Vector3(-64, -10, 0), Vector3(-100, -10, 30), 3.5),
      (Vector3(-64, -10, -20), Vector3(-40, 30, -40), 3.5),
    ]
    let (volume, _) = chest.make()
    let m = try LungAnalyzer(threads: 2).analyze(volume).measurements

    let sphereML = 4 / 3 * Double.pi * 216 / 1000
    #expect(m.lesions.count == 1, "\(m.lesions.map { ($0.volumeML, $0.centerLPS) })")
    let lesion = try #require(m.lesions.first)
    #expect((lesion.centerLPS - centre).length < 1.0)
    #expect(abs(lesion.volumeML - sphereML) / sphereML < 0.1, "\(lesion.volumeML) mL")
    #expect(lesion.side == .left)
  }

  @Test("specks below the minimum volume are dropped")
  func specksDropped() throws {
    var chest = SyntheticChest()
    chest.spheres = [.init(center: Vector3(60, -10, 0), radiusMM: 2.2, hu: -500)]
    let (volume, _) = chest.make()
    var parameters = AnalysisParameters()
    parameters.vesselMaxDiameterMM = 1
    parameters.minLesionVolumeML = 0.2  // the speck is about 0.045 mL
    let m = try LungAnalyzer(parameters: parameters, threads: 1).analyze(volume).measurements
    #expect(m.lesions.isEmpty)
  }

  @Test("labels and lesion map agree: lesion voxels carry 3 or 4 and an id")
  func labelsAndMap() throws {
    var chest = SyntheticChest()
    chest.spheres = [
      .init(center: Vector3(60, -10, 0), radiusMM: 8, hu: -550),
      .init(center: Vector3(-60, -10, -20), radiusMM: 8, hu: 20),
    ]
    let (volume, _) = chest.make()
    let a = try LungAnalyzer(threads: 2).analyze(volume)
    var perLabel = [Int](repeating: 0, count: 5)
    for (label, id) in zip(a.labels.labels, a.lesionMap.fullGrid()) {
      perLabel[Int(label)] += 1
      #expect((label >= 3) == (id > 0))
    }
    let m = a.measurements
    #expect(m.lesions.count == 2)
    let voxelML = volume.geometry.voxelVolumeML
    #expect(abs(Double(perLabel[3]) * voxelML - m.ggoVolumeML) < 1e-3)
    #expect(abs(Double(perLabel[4]) * voxelML - m.consolidationVolumeML) < 1e-3)
    let nonZero = perLabel[1...].reduce(0, +)
    #expect(abs(Double(nonZero) * voxelML - m.lungVolumeML) < 1e-3)
    #expect(Set(m.lesions.map(\.side)) == [.left, .right])
  }

  @Test("results do not depend on the thread count (labels, map and JSON bytes)")
  func threadIndependent() throws {
    var chest = SyntheticChest()
    chest.lungGapMM = -0.5
    chest.spheres = [.init(center: Vector3(60, -10, 0), radiusMM: 8, hu: -450)]
    let (volume, _) = chest.make()
    let one = try LungAnalyzer(threads: 1).analyze(volume)
    let three = try LungAnalyzer(threads: 3).analyze(volume)
    #expect(one.labels.labels == three.labels.labels)
    #expect(one.lesionMap == three.lesionMap)
    #expect(try one.measurements.jsonData() == three.measurements.jsonData())
  }
}
