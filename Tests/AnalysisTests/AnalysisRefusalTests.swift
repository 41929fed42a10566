import Foundation
import Imaging
import Testing

@testable import Analysis

/// Volumes that cannot give lung figures are refused with a one-line reason.
struct AnalysisRefusalTests {
  @Test("a volume without air (raw stored values, not HU) is refused")
  func notHU() throws {
    var (volume, _) = SyntheticChest().make()
    volume.voxels = volume.voxels.map { $0 &+ 1100 }
    let error = #expect(throws: AnalysisError.self) { try LungAnalyzer().analyze(volume) }
    #expect(error?.description.hasPrefix("volume is not in Hounsfield units") == true)
    #expect(error?.description.contains("below -500") == true)
  }

  @Test("a single slice is not a chest CT")
  func singleSlice() throws {
    let g = Geometry(size: GridSize(256, 256, 1), spacing: Vector3(1, 1, 5), origin: .zero)
    let volume = Volume(geometry: g, filledWith: -1000)
    let error = #expect(throws: AnalysisError.self) { try LungAnalyzer().analyze(volume) }
    #expect(
      error?.description == "volume is not a chest CT: 1 slice(s); at least 3 are needed for "
        + "lung volumes")
  }

  @Test("a body without aerated lung (an abdomen) has no lungs in view")
  func noLungs() throws {
    var chest = SyntheticChest()
    chest.lungSemiAxes = Vector3(8, 8, 8)  // about 2 mL each, far below 300 mL
    let (volume, _) = chest.make()
    let error = #expect(throws: AnalysisError.self) { try LungAnalyzer().analyze(volume) }
    #expect(error?.description.hasPrefix("no lungs in view:") == true)
    #expect(error?.description.hasSuffix("at least 300.0 mL needed") == true)
  }
}
