import Foundation
import Ingest
import Testing

/// The series choice: axial CT, thinnest slices, localizers and reports set aside.
@Suite struct SeriesSelectionTests {
  @Test func picksThinAxialSeriesAndSaysWhy() throws {
    let inventory = try StudyLoader.inspect(
      [try IngestFixtures.url("selection")], options: LoadOptions(threads: 2))
    let thin = try IngestFixtures.json("selection.json")["thin"] as? String

    #expect(inventory.selectedSeriesInstanceUID == thin)
    let reason = inventory.selectionReason ?? ""
    #expect(reason.contains("2.50 mm slices"), "\(reason)")
    #expect(reason.contains("best of 2 CT image series"), "\(reason)")
    #expect(reason.contains("set aside: 1 dose-report, 1 localizer, 1 secondary-capture"))
    let roles = inventory.studies.flatMap(\.series).map(\.role).sorted()
    #expect(roles == ["candidate", "candidate", "dose-report", "localizer", "secondary-capture"])
    #expect(inventory.ignoredFileCount == 1)
  }

  @Test func loadsTheSeriesTheUserPicks() throws {
    let inventory = try StudyLoader.inspect(
      [try IngestFixtures.url("selection")], options: LoadOptions(threads: 2))
    let thick = inventory.studies.flatMap(\.series).first {
      $0.role == "candidate" && $0.seriesInstanceUID != inventory.selectedSeriesInstanceUID
    }
    let study = try IngestFixtures.load("selection", series: thick?.seriesInstanceUID)
    #expect(study.volume.geometry.size.nz == 4)
    #expect(abs(study.volume.geometry.spacing.z - 5) < 1e-9)
    #expect(study.metadata.selectionReason == "picked with --series")
  }

  @Test func unknownSeriesIsAnErrorListingTheAvailableOnes() throws {
    do {
      _ = try IngestFixtures.load("selection", series: "1.2.3.4")
      Issue.record("an unknown series loaded")
    } catch let error as IngestError {
      #expect(error.description.contains("series 1.2.3.4 not found; available: "))
    }
  }

  @Test func pickingANonCTSeriesIsRefused() throws {
    let inventory = try StudyLoader.inspect(
      [try IngestFixtures.url("selection")], options: LoadOptions(threads: 2))
    let dose = inventory.studies.flatMap(\.series).first { $0.role == "dose-report" }
    do {
      _ = try IngestFixtures.load("selection", series: dose?.seriesInstanceUID)
      Issue.record("a dose report loaded")
    } catch let error as IngestError {
      #expect(error.description.contains("no image") || error.description.contains("Modality"))
    }
  }
}
