import Testing

@testable import Imaging

@Suite struct GeometryTests {
  @Test func pointAndIndexRoundTrip_obliqueGrid() {
    let direction = Matrix3.rotation(x: 0.1, y: -0.05, z: 0.2)
    let g = Geometry(
      size: GridSize(10, 20, 30), spacing: Vector3(0.7, 0.8, 1.25), origin: Vector3(-100, 50, -300),
      direction: direction)

    let p = g.point(3, 7, 11)
    let back = g.continuousIndex(of: p)

    #expect(abs(back.x - 3) < 1e-9 && abs(back.y - 7) < 1e-9 && abs(back.z - 11) < 1e-9)
  }

  @Test func voxelVolume_isProductOfSpacingInML() {
    let g = Geometry(size: GridSize(1, 1, 1), spacing: Vector3(0.5, 0.5, 2), origin: .zero)
    #expect(abs(g.voxelVolumeML - 0.0005) < 1e-12)
  }

  @Test func superiorAxis_followsDirectionNotIndexOrder() {
    let sagittal = Matrix3(columns: Vector3(0, 1, 0), Vector3(0, 0, -1), Vector3(1, 0, 0))
    let g = Geometry(
      size: GridSize(2, 2, 2), spacing: Vector3(1, 1, 1), origin: .zero, direction: sagittal)
    #expect(g.superiorAxis == 1)
  }

  @Test func parallelMap_resultsInChunkOrderForAnyThreadCount() {
    let one = ParallelSlices.map(count: 1000, chunks: 7, threads: 1) { _, r in r.reduce(0, +) }
    let two = ParallelSlices.map(count: 1000, chunks: 7, threads: 2) { _, r in r.reduce(0, +) }
    #expect(one == two)
    #expect(one.reduce(0, +) == 499_500)
  }
}
