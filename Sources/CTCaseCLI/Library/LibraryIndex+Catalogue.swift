import Foundation
import Imaging
import Report

extension LibraryIndex {
  static let catalogueFileName = "catalogue.pdf"
  static let catalogueTitle = "Case library catalogue"
  /// The PDF date when no case has a study date (never the clock).
  static let fallbackDocumentDate = "1970-01-01"

  /// The catalogue of `rows` (in the plan's order), with each rendered case's thumbnail read
  /// from its folder. Its date is the latest last-study date among the cases.
  static func catalogue(_ rows: [LibraryIndexRow], plan: LibraryPlan) -> LibraryCatalogue {
    let folders = Dictionary(uniqueKeysWithValues: plan.cases.map { ($0.id, plan.folder(of: $0)) })
    let entries = rows.map { row -> CatalogueEntry in
      guard let summary = row.summary else {
        let status: CatalogueEntry.Status =
          row.status == "failed" ? .failed(reason: row.reason ?? "unknown reason") : .missing
        return CatalogueEntry(id: row.id, label: row.id, status: status)
      }
      return CatalogueEntry(
        id: row.id, label: summary.label ?? summary.title, status: .rendered(figures(summary)),
        thumbnail: folders[row.id].flatMap(CaseThumbnail.read(in:)))
    }
    let dates = rows.compactMap { $0.summary?.lastStudyDate }.filter { CalendarDate($0) != nil }
    return LibraryCatalogue(
      title: catalogueTitle, facts: facts(rows), documentDate: dates.max() ?? fallbackDocumentDate,
      creator: "ctcase \(ToolVersion.string)", entries: entries)
  }

  static func figures(_ s: CaseSummary) -> CatalogueFigures {
    let days = s.daysFromOnset
    return CatalogueFigures(
      studyCount: s.studyCount, daySpan: s.daySpan, firstDay: days.first ?? nil,
      lastDay: days.last ?? nil, lastLesionVolumeML: s.lastLesionVolumeML,
      maxPOPercent: s.maxPOPercent, maxSeverityScore: s.maxSeverityScore,
      alerts: s.decisions.map {
        CatalogueAlert(
          rule: $0.rule, day: $0.firstDayFromOnset, studyNumber: $0.firstStudyIndex + 1)
      })
  }

  /// Counts, identity handling and what the figures mean; nothing from the clock.
  static func facts(_ rows: [LibraryIndexRow]) -> [String] {
    let ok = rows.filter { $0.status == "ok" }
    let failed = rows.filter { $0.status == "failed" }.count
    let missing = rows.count - ok.count - failed
    let deidentified = ok.filter { $0.summary?.deidentified == true }.count
    return [
      "ctcase \(ToolVersion.string) · \(rows.count) cases: \(ok.count) rendered, "
        + "\(failed) failed, \(missing) not rendered yet.",
      identityFact(deidentified: deidentified, rendered: ok.count),
      "Per case: studies and days from first to last study; lesion volume at the last study; "
        + "peak percentage of opacity (PO) and peak CT severity score over the studies; "
        + "alerts with the day from onset they first fired. Picture: the last study's key "
        + "axial slice, lung window, lesion outlines, 50 mm scale bar.",
    ]
  }

  private static func identityFact(deidentified: Int, rendered: Int) -> String {
    let how = "labels are keyed pseudonyms, dates shifted per patient"
    if deidentified == rendered { return "De-identified: every rendered case (\(how))." }
    if deidentified == 0 { return "Identified: labels are the case titles as given." }
    return "De-identified: \(deidentified) of \(rendered) rendered cases (\(how)); "
      + "the others show their titles as given."
  }
}
