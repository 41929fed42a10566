import Foundation

/// What the PDF catalogue of a case library shows: one entry per case, in the library's
/// order, and a few facts about the library that do not depend on the clock.
///
/// The library command fills it from the cases' summaries and thumbnail files; labels are
/// pseudonymous in de-identified libraries before they get here.
public struct LibraryCatalogue: Sendable, Equatable {
  /// The catalogue title, e.g. "Case library".
  public var title: String
  /// Lines printed under the title (tool version, counts, de-identification); no dates.
  public var facts: [String]
  /// `YYYY-MM-DD` written as the PDF's creation and modification date (from the cases).
  public var documentDate: String
  /// The PDF's Creator field (`ctcase <version>`).
  public var creator: String
  /// One entry per case, in the order the library lists them.
  public var entries: [CatalogueEntry]

  /// A catalogue of `entries`; see the properties for what each value means.
  public init(
    title: String, facts: [String], documentDate: String, creator: String,
    entries: [CatalogueEntry]
  ) {
    self.title = title
    self.facts = facts
    self.documentDate = documentDate
    self.creator = creator
    self.entries = entries
  }
}

/// One case in the catalogue.
public struct CatalogueEntry: Sendable, Equatable {
  /// How the case fared in the library run.
  public enum Status: Sendable, Equatable {
    /// Rendered, with its key figures.
    case rendered(CatalogueFigures)
    /// The case failed; the reason is one line, without patient data.
    case failed(reason: String)
    /// No outputs yet (another shard has not run, or it was interrupted).
    case missing
  }

  /// The case folder name in the library (`case-` and 12 hex digits).
  public var id: String
  /// The case's label: its pseudonym in de-identified libraries, else its title.
  public var label: String
  /// Rendered with figures, failed with a reason, or missing.
  public var status: Status
  /// The last study's key axial slice; nil for failed and missing cases.
  public var thumbnail: Thumbnail?

  /// An entry; `thumbnail` is only drawn for rendered cases.
  public init(id: String, label: String, status: Status, thumbnail: Thumbnail? = nil) {
    self.id = id
    self.label = label
    self.status = status
    self.thumbnail = thumbnail
  }
}

/// The key figures of a rendered case, as in the library index.
public struct CatalogueFigures: Sendable, Equatable {
  /// Number of studies in the case.
  public var studyCount: Int
  /// Days from the first to the last study; nil when a date is unknown.
  public var daySpan: Int?
  /// Days from onset of the first and last study, when the onset is known.
  public var firstDay: Int?
  /// Day from onset of the last study, when the onset is known.
  public var lastDay: Int?
  /// Lesion volume (ground glass plus consolidation) of the last study, in mL.
  public var lastLesionVolumeML: Double
  /// Highest percentage of lung opacity over the studies.
  public var maxPOPercent: Double
  /// Highest CT severity score over the studies.
  public var maxSeverityScore: Int
  /// Alert rules that fired, in the order the report lists them.
  public var alerts: [CatalogueAlert]

  /// The figures of one case, as in the library index.
  public init(
    studyCount: Int, daySpan: Int?, firstDay: Int?, lastDay: Int?, lastLesionVolumeML: Double,
    maxPOPercent: Double, maxSeverityScore: Int, alerts: [CatalogueAlert]
  ) {
    self.studyCount = studyCount
    self.daySpan = daySpan
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.lastLesionVolumeML = lastLesionVolumeML
    self.maxPOPercent = maxPOPercent
    self.maxSeverityScore = maxSeverityScore
    self.alerts = alerts
  }
}

/// An alert rule that fired, with the day from onset (or the study number) it first fired.
public struct CatalogueAlert: Sendable, Equatable {
  /// The rule's id in its rule set.
  public var rule: String
  /// Day from onset of the study where it first fired, when the onset is known.
  public var day: Int?
  /// 1-based study number where it first fired.
  public var studyNumber: Int

  /// An alert that first fired at study `studyNumber` (1-based).
  public init(rule: String, day: Int?, studyNumber: Int) {
    self.rule = rule
    self.day = day
    self.studyNumber = studyNumber
  }
}
