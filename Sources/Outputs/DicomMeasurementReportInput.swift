import Analysis
import Imaging

/// What the TID 1500 Measurement Report of one study says, as plain values.
///
/// Lesions carry a tracking identifier that names the same lesion in every study of the
/// course ("Lesion 3"), and the report derives a tracking UID from it and the patient, so the
/// same lesion has the same UID in each study's report.
public struct MeasurementReportInput: Sendable {
  /// One lesion of the study.
  public struct Lesion: Sendable, Equatable {
    /// Which segment of the Segmentation the lesion belongs to.
    public enum Component: Sendable, Equatable {
      /// Segment 3: ground-glass lesion voxels.
      case groundGlass
      /// Segment 4: consolidation lesion voxels.
      case consolidation
    }

    /// The name that stays the same across the studies of the course, e.g. "Lesion 3".
    public var trackingID: String
    public var side: LungSide
    public var component: Component
    public var volumeML: Double
    /// Longest in-plane diameter (mm) on the axial slice where the lesion is largest.
    public var longestDiameterMM: Double
    /// Longest diameter perpendicular to it on that slice (mm).
    public var perpendicularDiameterMM: Double
    public var meanHU: Double
    /// The lesion's own segment in the Segmentation (`DicomLesionSegments.segmentNumber(at:)`)
    /// when it was written with one; nil refers to the component's class segment (3 or 4).
    public var segmentNumber: UInt16?

    public init(
      trackingID: String, side: LungSide, component: Component, volumeML: Double,
      longestDiameterMM: Double, perpendicularDiameterMM: Double, meanHU: Double,
      segmentNumber: UInt16? = nil
    ) {
      self.trackingID = trackingID
      self.side = side
      self.component = component
      self.volumeML = volumeML
      self.longestDiameterMM = longestDiameterMM
      self.perpendicularDiameterMM = perpendicularDiameterMM
      self.meanHU = meanHU
      self.segmentNumber = segmentNumber
    }
  }

  /// Metadata of the CT study measured (original values; de-identify through the writer).
  public var source: StudyMetadata
  /// The Segmentation written for this study (`DicomOutputs.writeSegmentation`'s result).
  public var segmentation: DicomObjectIdentity
  public var rightLungVolumeML: Double
  public var leftLungVolumeML: Double
  /// Lesion volume over lung volume, both lungs, in percent.
  public var poPercent: Double
  public var lesions: [Lesion]

  public init(
    source: StudyMetadata, segmentation: DicomObjectIdentity, rightLungVolumeML: Double,
    leftLungVolumeML: Double, poPercent: Double, lesions: [Lesion]
  ) {
    self.source = source
    self.segmentation = segmentation
    self.rightLungVolumeML = rightLungVolumeML
    self.leftLungVolumeML = leftLungVolumeML
    self.poPercent = poPercent
    self.lesions = lesions
  }
}
