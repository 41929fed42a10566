import Foundation
import Imaging

/// The key figures of one rendered case, written as `summary.json` in its library folder and
/// gathered into the library's index. De-identified libraries carry no names, IDs, dates of
/// birth or free-text titles here: only the neutral case id and figures.
struct CaseSummary: Codable, Equatable {
  struct FiredRule: Codable, Equatable {
    var rule: String
    var firstStudyIndex: Int
    var firstDayFromOnset: Int?

    enum CodingKeys: String, CodingKey {
      case rule
      case firstStudyIndex = "first_study_index"
      case firstDayFromOnset = "first_day_from_onset"
    }
  }

  var id: String
  var title: String
  /// What the catalogue calls the case: the pseudonym when de-identified, else the title.
  /// Optional so summaries from before it existed still read.
  var label: String?
  var deidentified: Bool?
  var studyCount: Int
  /// Whole days from the first to the last study date.
  var daySpan: Int?
  /// `YYYY-MM-DD` of the last study as the report shows it (shifted when de-identified).
  var lastStudyDate: String?
  var daysFromOnset: [Int?]
  var lastLesionVolumeML: Double
  var maxPOPercent: Double
  var maxSeverityScore: Int
  var trackCount: Int
  var decisions: [FiredRule]
  var report: String
  /// `CaseFingerprint` of the inputs the outputs were made from.
  var sourceFingerprint: String

  enum CodingKeys: String, CodingKey {
    case id, title, label, deidentified
    case studyCount = "study_count"
    case daySpan = "day_span"
    case lastStudyDate = "last_study_date"
    case daysFromOnset = "days_from_onset"
    case lastLesionVolumeML = "last_lesion_volume_ml"
    case maxPOPercent = "max_po_percent"
    case maxSeverityScore = "max_severity_score"
    case trackCount = "track_count"
    case decisions, report
    case sourceFingerprint = "source_fingerprint"
  }
}

/// One row of the library index: a case and whether it rendered (`ok`), failed (with the
/// one-line reason) or has no outputs yet (`missing`).
struct LibraryIndexRow: Codable, Equatable {
  var id: String
  var status: String
  var reason: String?
  var summary: CaseSummary?
}

/// Writes the library's `index.json` and `index.csv` from the cases' summaries.
enum LibraryIndex {
  static let summaryFileName = "summary.json"

  /// Reads every case's summary or failure record that exists (any shard may have written
  /// it). The record on disk wins over `failures` from this run: its reason has had the
  /// case's folder cut out in de-identified libraries.
  static func rows(for plan: LibraryPlan, failures: [String: String]) -> [LibraryIndexRow] {
    plan.cases.map { c in
      let folder = plan.folder(of: c)
      let url = folder.appendingPathComponent(summaryFileName)
      if let data = try? Data(contentsOf: url),
        let summary = try? JSONDecoder().decode(CaseSummary.self, from: data)
      {
        return LibraryIndexRow(id: c.id, status: "ok", summary: summary)
      }
      if let reason = CaseFailure.read(in: folder) ?? failures[c.id] {
        return LibraryIndexRow(id: c.id, status: "failed", reason: reason)
      }
      return LibraryIndexRow(id: c.id, status: "missing")
    }
  }

  static func json(_ rows: [LibraryIndexRow]) throws -> Data {
    try CanonicalJSON.encode(
      ["schema": AnyEncodable("ctcase.library/1"), "cases": AnyEncodable(rows)])
  }

  /// One line per case; decisions as `rule@day` separated by semicolons.
  static func csv(_ rows: [LibraryIndexRow]) -> Data {
    var lines = [
      "id,status,studies,last_lesion_volume_ml,max_po_percent,max_severity_score,tracks,decisions"
    ]
    for row in rows {
      guard let s = row.summary else {
        lines.append("\(row.id),\(row.status),,,,,,")
        continue
      }
      let decisions = s.decisions.map {
        "\($0.rule)@day\($0.firstDayFromOnset.map(String.init) ?? "?")"
      }
      lines.append(
        [
          s.id, row.status, "\(s.studyCount)", format(s.lastLesionVolumeML),
          format(s.maxPOPercent), "\(s.maxSeverityScore)", "\(s.trackCount)",
          decisions.joined(separator: ";"),
        ].joined(separator: ","))
    }
    return Data((lines.joined(separator: "\n") + "\n").utf8)
  }

  private static func format(_ v: Double) -> String { String(format: "%.2f", locale: nil, v) }
}

/// Type erasure so an index can mix a schema string and rows in one sorted-key object.
struct AnyEncodable: Encodable {
  private let encodeValue: (Encoder) throws -> Void
  init<T: Encodable>(_ value: T) { encodeValue = value.encode }
  func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}
