import Foundation
import Imaging
import Testing

@testable import Analysis

/// Lung masks on synthetic chests with known truth.
struct LungSegmentationTests {
  /// Counts of voxels per side in a label array (lesion labels count for neither).
  func sideCounts(_ labels: [UInt8]) -> (right: Int, left: Int) {
    var r = 0
    var l = 0
    for v in labels {
      if v == 1 { r += 1 } else if v == 2 { l += 1 }
    }
    return (r, l)
  }

  @Test(
    "lung volume and sides match the truth within 2 %, mirrored image columns too",
    arguments: [false, true])
  func lungVolumeAndSides(mirrored: Bool) throws {
    var chest = SyntheticChest()
    chest.mirrored = mirrored
    let (volume, truth) = chest.make()
    let result = try LungAnalyzer(threads: 2).analyze(volume)

    let t = sideCounts(truth)
    let m = result.measurements
    let voxelML = volume.geometry.voxelVolumeML
    let rightTruthML = Double(t.right) * voxelML
    let leftTruthML = Double(t.left) * voxelML
    #expect(abs(m.rightLungVolumeML - rightTruthML) / rightTruthML < 0.02)
    #expect(abs(m.leftLungVolumeML - leftTruthML) / leftTruthML < 0.02)
    #expect(m.lesions.isEmpty)

    // Voxel agreement per side: right must be the patient's right (negative LPS x).
    var agree = 0
    for (a, b) in zip(result.labels.labels, truth) where a != 0 && a == b { agree += 1 }
    #expect(Double(agree) / Double(t.right + t.left) > 0.97)
  }

  @Test("the trachea and main bronchi are not lung")
  func airwaysRemoved() throws {
    let chest = SyntheticChest()
    let (volume, _) = chest.make()
    let result = try LungAnalyzer(threads: 1).analyze(volume)
    let g = volume.geometry
    // A point in the trachea above the lungs and one in a main bronchus between them.
    for p in [Vector3(0, -20, 75), Vector3(0, -20, 50)] {
      let c = g.continuousIndex(of: p)
      let label = result.labels[Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded())]
      #expect(label == 0, "airway at \(p.array) labelled \(label)")
    }
  }

  @Test("air specks beside the trachea are not its carina: the main bronchi are still removed")
  func tracheaWallSpecksDoNotEndTracking() throws {
    var chest = SyntheticChest()
    // One voxel of air diagonal to the tracheal lumen (4 mm^2, within the slice-to-slice link
    // radius but not connected to the lumen in plane), 6 mm below the top slice; the carina
    // is at z = 40 mm.
    chest.airSpecks = [Vector3(9, -25, 76.5)]
    let (volume, _) = chest.make()
    let result = try LungAnalyzer(threads: 1).analyze(volume)
    let g = volume.geometry

    // Points in the trachea just above the carina and in both main bronchi below it.
    for p in [Vector3(0, -21, 43.5), Vector3(-11, -21, 25.5), Vector3(11, -21, 25.5)] {
      let c = g.continuousIndex(of: p)
      let label = result.labels[Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded())]
      #expect(label == 0, "airway at \(p.array) labelled \(label)")
    }
  }

  @Test("lungs touching at the anterior junction are split into right and left within 3 %")
  func touchingLungsSplit() throws {
    var chest = SyntheticChest()
    chest.lungGapMM = -0.5
    let (volume, truth) = chest.make()
    let grid = ChestGrid(volume.geometry)
    let sides = try LungAnalyzer(threads: 2).lungSides(volume, grid: grid)
    let t = sideCounts(truth)
    let s = sideCounts(sides)
    #expect(abs(Double(s.right - t.right)) / Double(t.right) < 0.03)
    #expect(abs(Double(s.left - t.left)) / Double(t.left) < 0.03)
  }

  @Test("a dense nodule against the chest wall stays inside the lung and is found")
  func juxtapleuralNodule() throws {
    var chest = SyntheticChest()
    chest.spacing = Vector3(1.0, 1.0, 1.5)
    chest.size = GridSize(256, 224, 112)
    // Right lung centre x = -64; its lateral pleura at x = -116; a 7 mm nodule pressing on it.
    let centre = Vector3(-111, -5, 0)
    chest.spheres = [.init(center: centre, radiusMM: 7, hu: 30)]
    let (volume, _) = chest.make()
    let result = try LungAnalyzer(threads: 2).analyze(volume)
    let m = result.measurements
    let truthML = Double(volume.voxels.filter { $0 == 30 }.count) * volume.geometry.voxelVolumeML
    let found = m.lesions.first { ($0.centerLPS - centre).length < 4 }
    let lesion = try #require(found, "nodule at the pleura not found")
    // Tolerance 12 %: the per-slice closing cannot reach the last millimetre or two of a
    // nodule where it meets the chest wall (measured: 1.22 mL of 1.36 mL, 10 % low). This is
    // a known gap against the 3 % target; the test guards it from getting worse.
    #expect(abs(lesion.volumeML - truthML) / truthML < 0.12, "\(lesion.volumeML) vs \(truthML)")
    #expect(lesion.side == .right)
    #expect(lesion.touchesPleura)
    #expect(lesion.peripheral)
    #expect(lesion.type == .consolidation)
    #expect(m.lesions.count == 1)
  }
}
