import Course
import Foundation
import Imaging
import Testing

/// Points spread over both lungs, where the alignment error is measured.
private let probes = [
  Vector3(-65, 0, 40), Vector3(60, 12, 30), Vector3(-65, -50, -60), Vector3(60, 40, -70),
  Vector3(-100, 20, -20), Vector3(90, -30, 60),
]

private let reference = SyntheticLungs().labels()

@Test(arguments: [
  ((0.0, 0.0, 0.0), Vector3(20, -15, 10)),
  ((5.0, 0.0, 0.0), Vector3(-12, 8, 20)),
  ((0.0, -5.0, 3.0), Vector3(20, 0, -20)),
  ((3.0, 3.0, -5.0), Vector3(-20, 20, 5)),
])
func alignmentRecoversShiftAndRotation(degrees: (Double, Double, Double), shift: Vector3) throws {
  let m = motion(degrees: degrees, shiftMM: shift)
  let moved = SyntheticLungs().labels(motion: m)
  let cell = AlignmentParameters().surfaceCellMM
  let result = try LungAligner.align(
    moving: LungSurface(labels: moved, cellMM: cell),
    onto: LungSurface(labels: reference, cellMM: cell), study: "moved")

  // The found transform must undo the motion: anatomy x seen at m(x) maps back to x. The masks
  // are sampled on 4 mm voxels, so errors up to about half a voxel are discretisation.
  let errors = probes.map { (result.transform.apply(m.apply($0)) - $0).length }
  #expect(errors.max()! < 2.5, "alignment error \(errors) mm")
  #expect(result.residualMM < 2.5)
  #expect(abs(result.transform.rotationDegrees - m.rotationDegrees) < 1)
}

@Test func alignmentToleratesShallowerBreathing() throws {
  let m = motion(degrees: (2, 0, -3), shiftMM: Vector3(10, -5, 15))
  let moved = SyntheticLungs(inspirationScale: 0.92).labels(motion: m)
  let cell = AlignmentParameters().surfaceCellMM
  let result = try LungAligner.align(
    moving: LungSurface(labels: moved, cellMM: cell),
    onto: LungSurface(labels: reference, cellMM: cell), study: "breathing")

  // Shallower breathing moves the diaphragm up (about 17 mm here), which no rigid motion can
  // undo; the fit must still get the rotation and the side-to-side and front-to-back position,
  // and split the vertical difference rather than follow the diaphragm.
  let upper = [Vector3(-65, 0, 40), Vector3(60, 12, 30), Vector3(90, -30, 60)]
  let errors = upper.map { result.transform.apply(m.apply($0)) - $0 }
  #expect(errors.map { max(abs($0.x), abs($0.y)) }.max()! < 2.5, "upper-lung error \(errors)")
  #expect(errors.map { abs($0.z) }.max()! < 12, "upper-lung error \(errors)")
  #expect(abs(result.transform.rotationDegrees - m.rotationDegrees) < 1.5)
  #expect(result.residualMM > 0.5, "breathing must show up in the residual")
}

@Test func alignmentRefusesMasksThatDoNotMeet() throws {
  let empty = LabelVolume(geometry: reference.geometry)
  var tiny = empty
  tiny[10, 10, 10] = 1
  #expect(throws: CourseError.self) {
    _ = try LungAligner.align(
      moving: LungSurface(labels: tiny, cellMM: 4), onto: LungSurface(labels: reference, cellMM: 4),
      study: "tiny")
  }
}

@Test func rigidTransformAlgebra() {
  let a = motion(degrees: (4, -2, 3), shiftMM: Vector3(5, -7, 9))
  let b = motion(degrees: (-1, 2, 0), shiftMM: Vector3(1, 2, 3))
  let p = Vector3(30, -40, 50)
  #expect((a.inverse.apply(a.apply(p)) - p).length < 1e-9)
  #expect((a.then(b).apply(p) - b.apply(a.apply(p))).length < 1e-9)
  #expect(abs(motion(degrees: (0, 0, 5), shiftMM: .zero).rotationDegrees - 5) < 1e-9)
}
