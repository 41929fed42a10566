/// The kinds of synthetic case the phantom can generate.
public enum PhantomPreset: String, Sendable, CaseIterable, Codable {
  /// Six days, CT on day 1, 3 and 6 after onset; a few small nodular GGO lesions that grow and
  /// multiply, one gaining a consolidated core (the early-alert course).
  case seedCourse = "seed-course"
  /// The same three studies without any lesion: the false-alarm check.
  case healthy
  /// Bilateral extensive GGO and consolidation covering more than a quarter of the lungs.
  case severe
  /// The seed course reconstructed as thick 5 mm slices.
  case thick

  /// Days after symptom onset on which the studies were taken, in order.
  var studyDays: [Int] {
    switch self {
    case .seedCourse, .healthy, .thick: return [1, 3, 6]
    case .severe: return [5, 9, 13]
    }
  }

  /// The scanner protocol (matrix, field of view, slice spacing) the studies use.
  var scanProtocol: ScanProtocol {
    switch self {
    case .thick: return .thick
    case .seedCourse, .healthy, .severe: return .thin
    }
  }

  /// The synthetic patient's DICOM name; clearly not a person.
  var patientName: String {
    switch self {
    case .seedCourse: return "Synthetic^Seed Course"
    case .healthy: return "Synthetic^Healthy"
    case .severe: return "Synthetic^Severe"
    case .thick: return "Synthetic^Thick Slices"
    }
  }

  /// A short title for the case manifest.
  var title: String {
    switch self {
    case .seedCourse:
      return "Synthetic case: early nodular ground-glass lesions over six days"
    case .healthy: return "Synthetic case: three chest CT studies without lesions"
    case .severe: return "Synthetic case: extensive bilateral ground-glass and consolidation"
    case .thick: return "Synthetic case: early nodular ground-glass lesions, 5 mm slices"
    }
  }
}

/// How the synthetic scanner samples the body: the same for every study of a case.
public struct ScanProtocol: Sendable, Hashable {
  /// Columns and rows of every axial image.
  public var matrix: Int
  /// Width of the square reconstruction field of view (mm).
  public var fieldOfViewMM: Double
  /// Distance between slice centres, equal to the slice thickness (mm).
  public var sliceSpacingMM: Double
  /// Scanner z (mm, LPS superior) of the lowest and highest slice centre bounds.
  public var zRangeMM: ClosedRange<Double>
  /// Thin planes averaged into one slice (1 for thin slices); models the slice profile.
  public var planesPerSlice: Int
  /// Standard deviation of the image noise (HU).
  public var noiseHU: Float

  public init(
    matrix: Int, fieldOfViewMM: Double, sliceSpacingMM: Double, zRangeMM: ClosedRange<Double>,
    planesPerSlice: Int, noiseHU: Float
  ) {
    self.matrix = matrix
    self.fieldOfViewMM = fieldOfViewMM
    self.sliceSpacingMM = sliceSpacingMM
    self.zRangeMM = zRangeMM
    self.planesPerSlice = planesPerSlice
    self.noiseHU = noiseHU
  }

  /// A 512x512, 1.25 mm chest CT.
  public static let thin = ScanProtocol(
    matrix: 512, fieldOfViewMM: 360, sliceSpacingMM: 1.25, zRangeMM: -195...105,
    planesPerSlice: 1, noiseHU: 18)
  /// The same scanner reconstructing 5 mm slices (each the mean of four 1.25 mm planes).
  public static let thick = ScanProtocol(
    matrix: 512, fieldOfViewMM: 360, sliceSpacingMM: 5, zRangeMM: -195...105,
    planesPerSlice: 4, noiseHU: 10)

  /// A coarse protocol for quick tests (96x96, 5 mm): same anatomy, far fewer voxels.
  public static let coarseForTests = ScanProtocol(
    matrix: 96, fieldOfViewMM: 360, sliceSpacingMM: 5, zRangeMM: -195...105,
    planesPerSlice: 1, noiseHU: 18)

  /// Number of slices covering `zRangeMM`.
  public var sliceCount: Int {
    Int(((zRangeMM.upperBound - zRangeMM.lowerBound) / sliceSpacingMM).rounded(.down)) + 1
  }

  /// In-plane pixel spacing (mm).
  public var pixelSpacingMM: Double { fieldOfViewMM / Double(matrix) }
}
