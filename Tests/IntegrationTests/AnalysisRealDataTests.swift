import Analysis
import Foundation
import Imaging
import TestSupport
import Testing

@testable import Ingest

/// Lung and lesion analysis on the real CT data in ../shared/data, against the labels and facts
/// in each SOURCE.md. Tolerances are stated per test.
@Suite struct AnalysisRealDataTests {
  static let lung1 = "pyradiomics-lung1"
  static let lung2 = "pyradiomics-lung2"
  static let ricord = "covid-ricord-1a-419639-000082"
  static let lungDx = "lung-pet-ct-dx-a0002"

  /// Loads the image and its reference lesion label, analyses the image, and returns the
  /// analysis, the label's volume, the best-overlapping lesion and its Dice against the label.
  static func labelled(_ name: String) throws -> (StudyAnalysis, Double, LesionMeasurement?, Double)
  {
    let folder = try #require(TestEnvironment.sharedDataSet(name))
    let stem = name.replacingOccurrences(of: "pyradiomics-", with: "")
    let image = folder.appendingPathComponent("\(stem)_image.nrrd")
    let study = try StudyLoader.load([image], options: LoadOptions(threads: 2))
    let (label, _) = try NrrdReader.read(folder.appendingPathComponent("\(stem)_label.nrrd").path)
    let analysis = try LungAnalyzer(threads: 2).analyze(study.volume)

    var overlap = [Int: Int]()
    var labelVoxels = 0
    let lesionMap = analysis.lesionMap.fullGrid()
    for (p, v) in label.voxels.enumerated() where v > 0 {
      labelVoxels += 1
      let id = Int(lesionMap[p])
      if id > 0 { overlap[id, default: 0] += 1 }
    }
    let voxelML = study.volume.geometry.voxelVolumeML
    guard
      let best = overlap.max(by: {
        $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key)
      })
    else {
      return (analysis, Double(labelVoxels) * voxelML, nil, 0)
    }
    let lesion = analysis.measurements.lesions[best.key - 1]
    let dice = 2 * Double(best.value) / Double(lesion.voxelCount + labelVoxels)
    return (analysis, Double(labelVoxels) * voxelML, lesion, dice)
  }

  @Test(
    "lung1: the labelled nodule is found, volume within 10 %, Dice above 0.85",
    .enabled(if: TestEnvironment.hasSharedData(lung1), TestEnvironment.skipReason(lung1)))
  func lung1Nodule() throws {
    let (analysis, labelML, found, dice) = try Self.labelled(Self.lung1)
    let lesion = try #require(found, "the labelled nodule overlaps no lesion")
    // SOURCE.md: label 837 voxels = 1.36 mL, upper right lung, next to the trachea.
    #expect(abs(labelML - 1.36) < 0.01)
    #expect(abs(lesion.volumeML - labelML) / labelML < 0.10, "\(lesion.volumeML) vs \(labelML)")
    #expect(dice > 0.85, "Dice \(dice)")
    #expect(lesion.side == .right)
    #expect(lesion.zone == .upper)
    // SOURCE.md rough lung volume 2.87 L (threshold only); ours within 10 %.
    #expect(abs(analysis.measurements.lungVolumeML - 2870) / 2870 < 0.10)
  }

  @Test(
    "lung2: the 48 mL mass against the spine is found, Dice above 0.7, volume within 10 % (known gap)",
    .enabled(if: TestEnvironment.hasSharedData(lung2), TestEnvironment.skipReason(lung2)))
  func lung2Mass() throws {
    let (analysis, labelML, found, dice) = try Self.labelled(Self.lung2)
    #expect(abs(labelML - 48.43) < 0.05)
    #expect(abs(analysis.measurements.lungVolumeML - 3990) / 3990 < 0.10)
    let lesion = try #require(found, "the labelled mass overlaps no lesion")
    #expect(lesion.side == .left)
    // The mass fills a posterior bay against the spine; the hull pockets of `PleuralEnvelope`
    // now keep it inside the lung mask (Dice 0.38 before them).
    #expect(dice > 0.7, "Dice \(dice)")
    withKnownIssue(
      Comment(
        rawValue:
          "the lesion grown from the mass takes in the dense, partly aerated lung beside and "
          + "above it (the label ends at the mass's edge): measured 65.2 of 48.4 mL")
    ) {
      #expect(abs(lesion.volumeML - labelML) / labelML < 0.10, "\(lesion.volumeML) mL")
    }
  }

  @Test(
    "RICORD COVID-19: lung volume 4-5 L and peripheral ground glass found in both lungs",
    .enabled(if: TestEnvironment.hasSharedData(ricord), TestEnvironment.skipReason(ricord)))
  func ricordCovid() throws {
    let folder = try #require(TestEnvironment.sharedDataSet(Self.ricord))
    let study = try StudyLoader.load([folder], options: LoadOptions(threads: 2))
    let m = try LungAnalyzer(threads: 2).analyze(study.volume).measurements
    #expect(m.lungVolumeML > 4000 && m.lungVolumeML < 5000, "\(m.lungVolumeML) mL")
    // SOURCE.md: peripheral ground-glass opacities, most marked in the right lung.
    for side in [LungSide.right, .left] {
      let peripheralGGO = m.lesions.filter {
        $0.side == side && $0.peripheral && $0.ggoVolumeML >= 1 && $0.type != .consolidation
      }
      #expect(!peripheralGGO.isEmpty, "no peripheral GGO in the \(side) lung")
    }
    #expect(m.rightInvolvementPercent > 0 && m.leftInvolvementPercent > 0)
  }

  @Test(
    "Lung-PET-CT-Dx 8 mm slices: runs, two lungs of plausible volume",
    .enabled(if: TestEnvironment.hasSharedData(lungDx), TestEnvironment.skipReason(lungDx)))
  func thickSlices() throws {
    let folder = try #require(TestEnvironment.sharedDataSet(Self.lungDx))
    let study = try StudyLoader.load([folder], options: LoadOptions(threads: 2))
    let m = try LungAnalyzer(threads: 2).analyze(study.volume).measurements
    // SOURCE.md: about 2.67 L (1565 mL right + 1108 mL left by a plain threshold).
    #expect(abs(m.lungVolumeML - 2670) / 2670 < 0.15, "\(m.lungVolumeML) mL")
    #expect(m.rightLungVolumeML > 800 && m.leftLungVolumeML > 800)
  }
}
