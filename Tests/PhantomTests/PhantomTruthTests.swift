import Foundation
import Imaging
import Testing

@testable import Phantom

@Suite("Phantom truth")
struct PhantomTruthTests {
  /// Voxel counting on the coarse 3.75 x 3.75 x 5 mm grid should match the analytic lung
  /// volume within 1.5% (the boundary error of a 5 L smooth region at that grid).
  @Test("lung voxel volume matches the analytic lung volume", arguments: 0..<3)
  func lungVoxelVolumeMatchesAnalytic(study: Int) {
    let truth = PhantomFixtures.seedCourse[study].truth
    #expect(abs(truth.rightLungVoxelVolumeML / truth.rightLungVolumeML - 1) < 0.015)
    #expect(abs(truth.leftLungVoxelVolumeML / truth.leftLungVolumeML - 1) < 0.015)
    #expect(abs(truth.lungVolumeML - truth.rightLungVolumeML - truth.leftLungVolumeML) < 1e-3)
    // An adult's lungs at CT inspiration hold about 4-7 L.
    #expect((4000...7000).contains(truth.lungVolumeML))
  }

  @Test("the label volume counts the same lung voxels as the truth")
  func labelsAgreeWithTruth() {
    let study = PhantomFixtures.seedCourse[2]
    let voxelML = study.labels.geometry.voxelVolumeML
    let lungVoxels = study.labels.labels.filter { $0 != 0 }.count
    let lesionVoxels = study.labels.labels.filter { $0 >= 3 }.count
    #expect(abs(Double(lungVoxels) * voxelML - study.truth.lungVoxelVolumeML) < 1e-3)
    #expect(abs(Double(lesionVoxels) * voxelML - study.truth.lesionVoxelVolumeML) < 1e-3)
  }

  @Test("seed-course lesions keep their ids, grow and multiply")
  func seedCourseLesionsGrow() {
    let studies = PhantomFixtures.seedCourse.map(\.truth)
    for (earlier, later) in zip(studies, studies.dropFirst()) {
      let laterByID = Dictionary(uniqueKeysWithValues: later.lesions.map { ($0.id, $0) })
      for lesion in earlier.lesions {
        let next = laterByID[lesion.id]
        #expect(next != nil, "lesion \(lesion.id) vanished")
        #expect((next?.volumeML ?? 0) > lesion.volumeML, "lesion \(lesion.id) did not grow")
      }
      #expect(later.lesions.count > earlier.lesions.count)
      #expect(later.lesionVolumeML > earlier.lesionVolumeML)
    }
    #expect(studies.map(\.dayFromOnset) == [1, 3, 6])
    #expect(studies.map(\.date) == ["2020-01-21", "2020-01-23", "2020-01-26"])
  }

  @Test("lesion parts add up and lie in the published HU classes")
  func lesionPartsAddUp() {
    let last = PhantomFixtures.seedCourse[2].truth
    for lesion in last.lesions {
      #expect(abs(lesion.ggoVolumeML + lesion.consolidationVolumeML - lesion.volumeML) < 2e-4)
      let diameter = cbrt(6 * lesion.volumeML * 1000 / Double.pi)
      #expect(abs(diameter - lesion.equivalentDiameterMM) < 0.01)
    }
    #expect(last.lesions.contains { $0.type == "mixed" && $0.consolidationVolumeML > 0 })
    #expect(last.lesions.contains { $0.touchesPleura })
    #expect(abs(last.lesions.reduce(0) { $0 + $1.volumeML } - last.lesionVolumeML) < 1e-3)
  }

  @Test("an unclipped lesion has exactly the closed-form ellipsoid volume")
  func unclippedLesionIsExact() throws {
    let generator = PhantomGenerator(preset: .seedCourse, seed: PhantomFixtures.seed)
    let shapes = generator.courses.compactMap { $0.shape(onDay: 6) }
    let index = try #require(shapes.firstIndex { $0.id == "L4" })
    let integrator = TruthIntegrator(anatomy: ChestAnatomy(), breathingMM: 0, threads: 2)
    let integral = integrator.integrate(index, of: shapes)
    #expect(!integral.clipped)
    #expect(abs(integral.volumeML - shapes[index].ellipsoidVolumeML) < 1e-12)
    #expect((integral.centroid - shapes[index].center).length < 1e-9)
  }

  @Test("lesion centres are reported in the study's scanner frame")
  func centresFollowThePose() throws {
    let generator = PhantomGenerator(preset: .seedCourse, seed: PhantomFixtures.seed)
    let truth = PhantomFixtures.seedCourse[2].truth
    let shape = try #require(generator.courses.first { $0.id == "L4" }?.shape(onDay: 6))
    let reported = try #require(truth.lesions.first { $0.id == "L4" }?.centerLPSMM)
    let expected = generator.pose(index: 2).toScanner(shape.center)
    #expect((Vector3(reported[0], reported[1], reported[2]) - expected).length < 0.002)
    #expect(truth.transform.rotationDegrees.map(abs).max()! <= StudyPose.Limits.yawDegrees)
  }
}
