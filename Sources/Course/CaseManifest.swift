import Foundation
import Imaging

/// A patient's case: the studies to follow, clinical events, and the template and rule set to
/// use (schema `ctcase.case/1`, documented in the README).
///
/// Study paths are absolute once loaded (relative paths are resolved against the manifest's
/// folder). A study date may be nil until it is read from DICOM; `withStudyDates(_:)` fills it
/// and checks the order.
public struct CaseManifest: Sendable, Equatable {
  public static let schemaID = "ctcase.case/1"
  public static let defaultTemplate = "standard"
  public static let defaultRules = "covid-alerts"

  /// The manifest file, or the case folder when the case was built from study folders.
  public var source: URL
  public var title: String?
  public var synthetic: Bool
  /// Patient attributes given in the manifest; nil means "take them from DICOM".
  public var patient: PatientInfo?
  /// The explicit onset date; see `effectiveOnsetDate` for the fallback.
  public var onsetDate: CalendarDate?
  public var studies: [CaseStudy]
  public var events: [ClinicalEvent]
  /// A template name in Templates/report, or a path to a user template.
  public var template: String
  /// A rule-set name in Templates/rules, or a path to a user rule set.
  public var rules: String
  /// True when the case was built from a folder of study folders, so study order comes from
  /// the DICOM dates rather than from the manifest.
  public var builtFromFolder: Bool

  public init(
    source: URL, title: String? = nil, synthetic: Bool = false, patient: PatientInfo? = nil,
    onsetDate: CalendarDate? = nil, studies: [CaseStudy], events: [ClinicalEvent] = [],
    template: String = CaseManifest.defaultTemplate, rules: String = CaseManifest.defaultRules,
    builtFromFolder: Bool = false
  ) {
    self.source = source
    self.title = title
    self.synthetic = synthetic
    self.patient = patient
    self.onsetDate = onsetDate
    self.studies = studies
    self.events = events
    self.template = template
    self.rules = rules
    self.builtFromFolder = builtFromFolder
  }

  /// The onset date: the manifest's `onset_date`, else the first `symptom_onset` event's date.
  public var effectiveOnsetDate: CalendarDate? {
    onsetDate ?? events.first { $0.kind == .symptomOnset }?.date
  }

  /// The name errors use for this case: the manifest's file name or the folder's name.
  public var displayName: String { source.lastPathComponent }
}

/// One study of a case.
public struct CaseStudy: Sendable, Equatable {
  /// The study folder (or file), absolute.
  public var url: URL
  /// The path as written in the manifest (relative to it), for messages and outputs.
  public var path: String
  public var date: CalendarDate?
  public var label: String?

  public init(url: URL, path: String, date: CalendarDate? = nil, label: String? = nil) {
    self.url = url
    self.path = path
    self.date = date
    self.label = label
  }
}

/// A clinical event on the case's timeline.
public struct ClinicalEvent: Sendable, Equatable, Codable {
  /// The kinds of event the manifest accepts.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case contact, exposure
    case symptomOnset = "symptom_onset"
    case nucleicAcidTest = "nucleic_acid_test"
    case antibodyTest = "antibody_test"
    case test, isolation, admission, discharge, treatment, other
  }

  public var date: CalendarDate
  public var kind: Kind
  public var text: String?
  /// "positive", "negative", "pending" or free text.
  public var result: String?

  public init(date: CalendarDate, kind: Kind, text: String? = nil, result: String? = nil) {
    self.date = date
    self.kind = kind
    self.text = text
    self.result = result
  }
}
