import Imaging

/// One frame of a DICOM image: where it sits and how its stored values become HU.
struct DicomFrame: Sendable {
  /// 0-based frame number inside its file (0 for single-frame images).
  var index: Int
  /// Image Position (Patient) of the first pixel's centre, LPS mm; nil when missing.
  var position: Vector3?
  /// Row and column direction cosines (LPS); nil when missing.
  var orientation: [Double]?
  var rescaleSlope: Double
  var rescaleIntercept: Double
}

/// What the header of one DICOM file says, parsed once during scanning (no pixel data read).
struct DicomImageHeader: Sendable {
  var path: String
  var byteCount: Int
  var transferSyntaxUID: String
  var sopClassUID: String?
  var sopInstanceUID: String?
  var studyInstanceUID: String?
  var seriesInstanceUID: String?
  var frameOfReferenceUID: String?
  var modality: String?
  var imageType: [String]
  var instanceNumber: Int?
  var rows: Int
  var columns: Int
  var bitsAllocated: Int
  var bitsStored: Int
  var isSigned: Bool
  var samplesPerPixel: Int
  var photometricInterpretation: String?
  /// Row spacing then column spacing (mm), as Pixel Spacing stores them.
  var pixelSpacing: [Double]?
  var sliceThicknessMM: Double?
  var gantryTiltDegrees: Double?
  var paddingValue: Int?
  var paddingRangeLimit: Int?
  var burnedInAnnotation: Bool
  var frames: [DicomFrame]
  /// Number of Frames (0028,0008) as the file states it (1 when absent).
  var declaredFrameCount: Int
  var studyDateText: String?
  var seriesDateText: String?
  var acquisitionDateText: String?
  var studyDescription: String?
  var seriesDescription: String?
  var institutionName: String?
  var studyTime: String?
  var studyID: String?
  var accessionNumber: String?
  var referringPhysicianName: String?
  var manufacturer: String?
  var patient: PatientInfo
  var specificCharacterSet: String?
  var charsetConverted: Bool

  /// Geometry-free images: dose reports, structured reports, documents.
  var hasImage: Bool { rows > 0 && columns > 0 && !frames.isEmpty }

  /// An image stating more frames than its header places: Number of Frames above 1 with no
  /// Per-Frame Functional Groups (a single-frame slice with a wrong count, or a classic
  /// multi-frame image), or more frames than per-frame items. Those frames have no position.
  var hasUnplacedFrames: Bool { rows > 0 && columns > 0 && declaredFrameCount > frames.count }

  /// Why `hasUnplacedFrames`, in words, for a warning or an error naming the file.
  var unplacedFramesReason: String {
    let placed =
      frames.isEmpty
      ? "there are no Per-Frame Functional Groups (5200,9230) to place more than one frame "
        + "(a single-frame slice with a wrong frame count?)"
      : "Per-Frame Functional Groups (5200,9230) place only \(frames.count)"
    return "is \(declaredFrameCount), but \(placed)"
  }

  var isOriginalPrimary: Bool {
    imageType.count >= 2 && imageType[0].uppercased() == "ORIGINAL"
      && imageType[1].uppercased() == "PRIMARY"
  }

  var isLocalizer: Bool { imageType.contains { $0.uppercased() == "LOCALIZER" } }
}
