import Foundation
import Imaging
import Testing

@testable import Analysis

@Test(.enabled(if: ProcessInfo.processInfo.environment["CTCASE_PROFILE"] != nil))
func devProfile() throws {
  let prefix = ProcessInfo.processInfo.environment["CTCASE_PROFILE"]!
  let v = try RawVolumeFixture.read(prefix: prefix)
  let p = AnalysisParameters()
  let th = ParallelSlices.defaultThreadCount
  var t = Date()
  func lap(_ s: String) {
    print(s, String(format: "%.3f", Date().timeIntervalSince(t)))
    t = Date()
  }
  try ChestCheck.validate(v)
  lap("check")
  let grid = ChestGrid(v.geometry)
  var air = AirMask(volume: v, grid: grid, thresholdHU: p.lungThresholdHU, threads: th)
  lap("air")
  let n = AirwayTracker(grid: grid, parameters: p, midlineX: air.midlineX)
    .mark(mask: &air.mask, hu: v.voxels)
  lap("airway \(n)")
  var sides = try LungSelector(grid: grid, parameters: p, midlineX: air.midlineX, threads: th)
    .labelSides(airMask: air.mask)
  lap("select")
  PleuralEnvelope(grid: grid, parameters: p, threads: th)
    .apply(sides: &sides, airMask: air.mask, hu: v.voxels)
  lap("envelope")
  let lesions = LesionDetector(grid: grid, parameters: p, threads: th)
    .detect(sides: sides, hu: v.voxels)
  lap("lesions")
  let stats = LesionStatistics(
    sides: sides, hu: v.voxels, lesions: lesions, grid: grid, parameters: p)
  lap("stats")
  let m = LesionMeasurer(grid: grid, parameters: p).measure(stats, lesions: lesions, sides: sides)
  lap("measure \(m.count)")
}
