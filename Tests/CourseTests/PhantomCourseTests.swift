import Course
import Decisions
import Foundation
import Imaging
import Phantom
import TestSupport
import Testing

private let rulesFolder = TestEnvironment.packageRoot.appendingPathComponent("Templates/rules")

private func ruleSet() throws -> RuleSet {
  try RuleSet.load("covid-alerts", rulesFolder: rulesFolder)
}

/// A fixture failure carried as a value so the seed course is computed once for all tests.
private struct FixtureError: Error, Sendable { var message: String }

private let seedCourseResult: Result<PhantomCourse, FixtureError> = {
  do {
    return .success(try PhantomCourse(preset: .seedCourse, ruleSet: try ruleSet()))
  } catch {
    return .failure(FixtureError(message: String(describing: error)))
  }
}()

/// Every track must follow one truth lesion, and every truth lesion one track: no swaps.
@Test func seedCourseTracksMatchTruthVolumesAndDoublingTimes() throws {
  let course = try seedCourseResult.get()
  var trackOfTruth: [String: String] = [:]
  for track in course.tracks {
    let ids = Set(
      track.points.map { p in
        let unaligned = course.alignments[p.studyIndex].transform.inverse.apply(p.centerMM)
        return course.truthID(of: p, unaligned: unaligned) ?? "?"
      })
    #expect(ids.count == 1, "track \(track.id) follows truth lesions \(ids.sorted())")
    let id = try #require(ids.first)
    #expect(trackOfTruth[id] == nil, "truth lesion \(id) is split over two tracks")
    trackOfTruth[id] = track.id
  }
  let truthIDs = Set(course.truth.flatMap { $0.lesions.map(\.id) })
  #expect(Set(trackOfTruth.keys) == truthIDs)

  // Volumes per date within 3 % of the truth's voxel volume on the same grid.
  for track in course.tracks {
    for p in track.points {
      let truthID = trackOfTruth.first { $0.value == track.id }?.key
      let t = try #require(course.truth[p.studyIndex].lesions.first { $0.id == truthID })
      #expect(
        abs(p.volumeML - t.voxelVolumeML) <= 0.03 * t.voxelVolumeML,
        "\(track.id) study \(p.studyIndex): \(p.volumeML) vs truth \(t.voxelVolumeML) mL")
    }
  }

  // Doubling times within 10 % of the truth's (analytic volumes, same dates).
  let days = PhantomGenerator(preset: .seedCourse, seed: 1).studyDays
  for figures in course.figures.tracks {
    let truthID = try #require(trackOfTruth.first { $0.value == figures.trackID }?.key)
    for change in figures.changes {
      let v1 = course.truth[change.fromStudyIndex].lesions.first { $0.id == truthID }!.volumeML
      let v2 = course.truth[change.toStudyIndex].lesions.first { $0.id == truthID }!.volumeML
      let elapsed = Double(days[change.toStudyIndex] - days[change.fromStudyIndex])
      guard v2 > v1 else {
        #expect(change.doublingTimeDays == nil || v2 / v1 > 0.97, "\(truthID): \(change)")
        continue
      }
      let truthDT = elapsed * log(2) / log(v2 / v1)
      let dt = try #require(change.doublingTimeDays, "\(truthID) has no doubling time")
      #expect(abs(dt - truthDT) <= 0.1 * truthDT, "\(truthID): \(dt) vs truth \(truthDT) days")
    }
  }
}

@Test func seedCourseAlertFiresOnFirstQualifyingStudy() throws {
  let set = try ruleSet()
  let course = try seedCourseResult.get()
  let t = try #require(set.rules.first { $0.id == "suspected_pneumonia" }).thresholds
  let firstQualifying = course.truth.firstIndex { study in
    study.lesions.contains {
      $0.volumeML >= t["min_lesion_volume_ml"]!
        && $0.ggoVolumeML / $0.volumeML >= t["min_ggo_fraction"]!
    }
  }
  let decision = course.decisions.first { $0.rule == "suspected_pneumonia" }
  #expect(decision?.firstStudyIndex == firstQualifying)
  #expect(firstQualifying != nil)
  #expect(!course.decisions.contains { $0.rule == "severe_involvement" })
}

@Test func healthyCaseRaisesNoAlert() throws {
  let course = try PhantomCourse(preset: .healthy, ruleSet: try ruleSet())
  #expect(course.tracks.isEmpty)
  #expect(course.decisions.isEmpty, "alerts on healthy: \(course.decisions.map(\.rule))")
}

@Test func severeCaseRaisesSevereAlert() throws {
  let course = try PhantomCourse(
    preset: .severe, scan: PhantomCourse.coarseScan, ruleSet: try ruleSet())
  let severe = try #require(course.decisions.first { $0.rule == "severe_involvement" })
  let truthFirst = course.truth.firstIndex { $0.lesionPercentOfLung >= 25 }
  #expect(severe.firstStudyIndex == truthFirst)
}

/// The phantom's studies moved further (up to 20 mm and 5 degrees) still align to study 0:
/// points anywhere in the chest land within 1.5 mm of where the truth poses put them.
@Test func phantomAlignmentHoldsForLargeShiftsAndRotations() throws {
  let extra = [
    RigidTransform.identity, motion(degrees: (0, 0, 5), shiftMM: Vector3(20, -20, 10)),
    motion(degrees: (3, -4, 2), shiftMM: Vector3(-15, 12, -20)),
  ]
  let course = try PhantomCourse(
    preset: .healthy, scan: PhantomCourse.coarseScan, ruleSet: try ruleSet(),
    motion: { extra[$0] })
  let poses = (0..<3).map { PhantomGenerator(preset: .healthy, seed: 1).pose(index: $0) }
  let probes = [
    Vector3(-100, 50, -90), Vector3(100, 40, -100), Vector3(-90, -50, -20), Vector3(0, 0, 0),
    Vector3(-80, 60, 40), Vector3(90, -40, 30),
  ]
  for i in 1..<3 {
    let result = course.alignments[i]
    for body in probes {
      let inStudy = extra[i].apply(poses[i].scannerPoint(body))
      let inReference = poses[0].scannerPoint(body)
      let error = (result.transform.apply(inStudy) - inReference).length
      #expect(error < 1.5, "study \(i): \(error) mm at \(body)")
    }
    #expect(result.residualMM > 0 && result.residualMM < 3, "residual \(result.residualMM)")
  }
}

extension PhantomCourse {
  /// For tests that need only lungs and large lesions.
  static let coarseScan = ScanProtocol(
    matrix: 192, fieldOfViewMM: 360, sliceSpacingMM: 2.5, zRangeMM: -195...105,
    planesPerSlice: 1, noiseHU: 18)
}

extension StudyPose {
  /// Body frame to scanner LPS, as the phantom documents it.
  func scannerPoint(_ q: Vector3) -> Vector3 {
    let r = rotationDegrees * (Double.pi / 180)
    return Matrix3.rotation(x: r.x, y: r.y, z: r.z) * q + shiftMM
  }
}
