import Analysis
import Imaging

/// Everything the report shows, as plain values. The pipeline (ingest, analysis, course,
/// decisions) fills it; the report never reads input files itself.
///
/// Days are whole days from symptom onset; dates are `YYYY-MM-DD`. Patient fields are shown as
/// given: de-identification happens before this value is built (`patient.deidentified`).
public struct ReportInput: Sendable, Codable, Equatable {
  public static let currentSchema = "ctcase.report-input/1"

  public var schema: String
  public var title: String
  public var synthetic: Bool
  public var patient: ReportPatient
  /// `YYYY-MM-DD`, when known.
  public var onsetDate: String?
  /// In date order.
  public var studies: [ReportStudy]
  public var tracks: [ReportTrack]
  public var decisions: [ReportDecision]
  public var events: [TimelineEvent]
  public var provenance: ReportProvenance

  public init(
    title: String, synthetic: Bool, patient: ReportPatient, onsetDate: String?,
    studies: [ReportStudy], tracks: [ReportTrack], decisions: [ReportDecision],
    events: [TimelineEvent], provenance: ReportProvenance
  ) {
    self.schema = Self.currentSchema
    self.title = title
    self.synthetic = synthetic
    self.patient = patient
    self.onsetDate = onsetDate
    self.studies = studies
    self.tracks = tracks
    self.decisions = decisions
    self.events = events
    self.provenance = provenance
  }
}

/// The patient as the report shows them.
public struct ReportPatient: Sendable, Codable, Equatable {
  public var name: String?
  public var id: String?
  /// "M", "F" or "O".
  public var sex: String?
  /// DICOM age string such as "045Y".
  public var age: String?
  public var birthDate: String?
  /// True when name and ID were replaced by de-identification.
  public var deidentified: Bool

  public init(
    name: String? = nil, id: String? = nil, sex: String? = nil, age: String? = nil,
    birthDate: String? = nil, deidentified: Bool = false
  ) {
    self.name = name
    self.id = id
    self.sex = sex
    self.age = age
    self.birthDate = birthDate
    self.deidentified = deidentified
  }
}

/// The series a study's figures were measured on, and why it was chosen.
public struct ReportSeries: Sendable, Codable, Equatable {
  public var description: String?
  public var seriesInstanceUID: String?
  public var sliceThicknessMM: Double?
  /// Distance between slice centres (the volume's z spacing), which can exceed the thickness.
  public var sliceSpacingMM: Double?
  public var imageCount: Int?
  public var selectionReason: String?
  /// The facts behind `selectionReason`, worded by the template when present.
  public var choice: SeriesChoice?

  /// The coarser of thickness and spacing: what limits the analysis along z.
  public var coarsestSliceMM: Double? {
    [sliceThicknessMM, sliceSpacingMM].compactMap { $0 }.max()
  }

  public init(
    description: String? = nil, seriesInstanceUID: String? = nil,
    sliceThicknessMM: Double? = nil, sliceSpacingMM: Double? = nil, imageCount: Int? = nil,
    selectionReason: String? = nil, choice: SeriesChoice? = nil
  ) {
    self.description = description
    self.seriesInstanceUID = seriesInstanceUID
    self.sliceThicknessMM = sliceThicknessMM
    self.sliceSpacingMM = sliceSpacingMM
    self.imageCount = imageCount
    self.selectionReason = selectionReason
    self.choice = choice
  }
}

/// One CT study with its measurements and pictures.
public struct ReportStudy: Sendable, Codable, Equatable {
  /// Short label such as "CT 1".
  public var label: String
  public var date: String
  public var dayFromOnset: Int?
  /// CT stage name of the course (e.g. "early", "progressive", "peak", "absorption").
  public var ctStage: String?
  public var measurements: StudyMeasurements
  public var series: ReportSeries
  /// Ingest and analysis warnings, already worded (no patient data).
  public var warnings: [String]
  /// Key axial slices, then optionally a coronal overview (`kind`).
  public var thumbnails: [Thumbnail]
  /// Track id of each lesion (`LesionMeasurement.id` -> track id), when tracked.
  public var lesionTracks: [Int: String]

  public init(
    label: String, date: String, dayFromOnset: Int?, ctStage: String?,
    measurements: StudyMeasurements, series: ReportSeries, warnings: [String] = [],
    thumbnails: [Thumbnail] = [], lesionTracks: [Int: String] = [:]
  ) {
    self.label = label
    self.date = date
    self.dayFromOnset = dayFromOnset
    self.ctStage = ctStage
    self.measurements = measurements
    self.series = series
    self.warnings = warnings
    self.thumbnails = thumbnails
    self.lesionTracks = lesionTracks
  }
}
