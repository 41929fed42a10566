/// Bounds and tolerances ingest applies to every input. Dimensions are checked against these
/// before any voxel buffer is allocated.
public enum IngestLimits {
  /// Largest accepted rows, columns or slice count along one axis.
  public static let maxAxisLength = 8192
  /// Largest accepted voxel count of one volume (2 GiB of Int16).
  public static let maxVoxelCount = 1 << 30
  /// Two slice positions closer than this along the normal are the same slice (mm).
  public static let duplicateToleranceMM = 0.01
  /// Relative deviation of a slice step from the typical step still counted as regular.
  public static let spacingRelativeTolerance = 0.02
  /// Relative deviation from a whole multiple of the typical step that still counts as a gap.
  public static let gapMultipleTolerance = 0.1
  /// Angle between the slice normal and the slice-to-slice step reported as gantry tilt (deg).
  public static let tiltToleranceDegrees = 0.1
  /// Dot product of two orientation vectors below which they are different orientations.
  public static let orientationMatchDot = 0.9999
  /// A series with fewer slices than this cannot be a chest volume; it is loaded with a warning.
  public static let minimumSliceCount = 3
  /// A CT volume whose lowest value is above this has no air in it: not Hounsfield units.
  public static let airCeilingHU = -500.0
  /// |normal . z| at least this counts as an axial acquisition (cos 45 degrees).
  public static let axialMinimumCosine = 0.7071
  /// Series covering at least this share of the best coverage compete on slice thickness.
  public static let coverageShareForThickness = 0.8
  /// Years outside this range make a DICOM date impossible.
  public static let plausibleYears = 1850...2200
}

/// Stable codes of `IngestWarning`s, for tests and machine readers.
public enum IngestWarningCode {
  public static let sliceGap = "slice-gap"
  public static let duplicateSlice = "duplicate-slice"
  public static let gantryTilt = "gantry-tilt"
  public static let nonuniformSpacing = "nonuniform-spacing"
  public static let burnedInAnnotation = "burned-in-annotation"
  public static let mixedOrientation = "mixed-orientation"
  public static let mixedMatrix = "mixed-matrix"
  public static let tooFewSlices = "too-few-slices"
  public static let unreadableFile = "unreadable-file"
  public static let invalidDate = "invalid-date"
  public static let characterSet = "character-set"
  public static let valuesClamped = "values-clamped"
  public static let noOrientation = "no-orientation"
  public static let obliqueAxes = "oblique-axes"
  public static let notCT = "not-ct"
  public static let mixedStudies = "mixed-studies"
  public static let unplacedFrames = "unplaced-frames"
  public static let skippedLink = "skipped-link"
}
