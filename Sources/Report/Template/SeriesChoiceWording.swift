import Foundation
import Imaging

/// Words why a series was used (`SeriesChoice`) with the template's `choice.*` strings, so the
/// methods page reads in the report's language.
struct SeriesChoiceWording {
  let template: ReportTemplate

  func text(_ choice: SeriesChoice) -> String {
    switch choice.kind {
    case .requested:
      return template.text(.choiceRequested)
    case .volumeFile:
      return template.text(.choiceVolumeFile, ["name": choice.fileName ?? "—"])
    case .ranked:
      return ranked(choice)
    }
  }

  private func ranked(_ choice: SeriesChoice) -> String {
    let orientation = choice.orientation ?? "oblique"
    var parts = [template.optionalText("choice.orientation." + orientation) ?? orientation + " CT"]
    if choice.originalPrimary { parts.append("ORIGINAL/PRIMARY") }
    if let thickness = choice.sliceThicknessMM {
      parts.append(template.text(.choiceThickness, ["value": String(format: "%.2f", thickness)]))
    }
    if let coverage = choice.coverageMM {
      parts.append(template.text(.choiceCoverage, ["value": String(format: "%.1f", coverage)]))
    }

    var clauses = [parts.joined(separator: template.text(.listSeparator))]
    clauses.append(
      choice.candidateCount == 1
        ? template.text(.choiceOnly)
        : template.text(.choiceBestOf, ["n": "\(choice.candidateCount)"]))
    if !choice.setAside.isEmpty {
      let roles = choice.setAside.keys.sorted().map { role in
        "\(choice.setAside[role] ?? 0) " + (template.optionalText("choice.role." + role) ?? role)
      }
      clauses.append(
        template.text(
          .choiceSetAside, ["list": roles.joined(separator: template.text(.listSeparator))]))
    }
    return clauses.joined(separator: template.text(.clauseSeparator))
  }
}
