import Foundation
import Imaging

extension CaseManifest {
  /// Builds a case from a folder whose sub-folders are one study each (sorted by name for now;
  /// `withStudyDates(_:)` orders them by their DICOM dates once those are read).
  ///
  /// Hidden entries and plain files are ignored.
  /// - Throws: `CourseError.unreadable` or `.emptyCaseFolder`.
  public static func fromStudyFolders(_ folder: URL) throws -> CaseManifest {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw CourseError.unreadable(path: folder.path, reason: "the folder cannot be listed")
    }
    let studies = names.sorted().compactMap { name -> CaseStudy? in
      guard !name.hasPrefix(".") else { return nil }
      let url = folder.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return nil }
      return CaseStudy(url: url.standardizedFileURL, path: name, label: name)
    }
    guard !studies.isEmpty else { throw CourseError.emptyCaseFolder(path: folder.path) }
    return CaseManifest(source: folder, studies: studies, builtFromFolder: true)
  }

  /// Fills the dates the manifest left open with the dates read from each study's DICOM, then
  /// checks that the dates strictly increase (a folder case is sorted by date instead).
  ///
  /// - Parameter dicomDates: one entry per study in manifest order (nil when DICOM had none).
  /// - Returns: the manifest with every date set, and the permutation applied (new index ->
  ///   old index; the identity for a manifest file).
  /// - Throws: `CourseError.missingStudyDate` or `.studyDatesOutOfOrder` naming the field.
  public func withStudyDates(_ dicomDates: [CalendarDate?]) throws -> (CaseManifest, [Int]) {
    precondition(dicomDates.count == studies.count, "one DICOM date per study")
    var filled = self
    for i in studies.indices where studies[i].date == nil {
      guard let d = dicomDates[i] else {
        throw CourseError.missingStudyDate(path: displayName, field: "studies[\(i)].date")
      }
      filled.studies[i].date = d
    }

    var order = Array(studies.indices)
    if builtFromFolder {
      // Stable on ties so the duplicate check below names the later folder.
      order.sort { (filled.studies[$0].date!, $0) < (filled.studies[$1].date!, $1) }
      filled.studies = order.map { filled.studies[$0] }
    }
    for i in filled.studies.indices.dropFirst() {
      let previous = filled.studies[i - 1].date!  // every date was set above
      let current = filled.studies[i].date!
      guard current > previous else {
        let what = builtFromFolder ? "study folder \"\(filled.studies[i].path)\"" : "date"
        throw CourseError.studyDatesOutOfOrder(
          path: displayName, field: "studies[\(order[i])].date",
          problem: "\(what) \(current) is not after the previous study's date \(previous)")
      }
    }
    return (filled, order)
  }
}
