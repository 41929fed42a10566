import Foundation
import TestSupport
import Testing

@testable import Report

/// The case-library catalogue's pieces: picking and shrinking the key slice, the thumbnail
/// file, and the catalogue layout (one outline entry per case, one picture per rendered case).
@Suite struct CatalogueTests {
  static let directory = TestEnvironment.packageRoot.appendingPathComponent("Templates/report")

  /// A `width` x `height` gradient slice (pixel value = (column + row) % 256) with one square
  /// lesion outline of side `side` pixels at (4, 4).
  static func slice(width: Int = 8, height: Int = 6, side: Double = 2, index: Int = 0)
    -> Thumbnail
  {
    let pixels = (0..<(width * height)).map { UInt8(($0 % width + $0 / width) % 256) }
    let ring = [4, 4, 4 + side, 4, 4 + side, 4 + side, 4, 4 + side]
    return Thumbnail(
      kind: .axial, widthPixels: width, heightPixels: height, pixels: pixels, pixelWidthMM: 0.7,
      pixelHeightMM: 0.8, letters: ("R", "L", "A", "P"), slicePositionMM: -12.5,
      sliceIndex: index,
      outlines: [LesionOutline(lesionID: 1, trackID: "T1", colorIndex: 2, rings: [ring])])
  }

  @Test func keyAxialIsTheSliceWithTheMostOutlinedArea() {
    var coronal = Self.slice(side: 9, index: 9)
    coronal.kind = .coronal
    let slices = [Self.slice(side: 2, index: 0), Self.slice(side: 3, index: 1), coronal]
    #expect(Thumbnail.keyAxial(in: slices)?.sliceIndex == 1)
    #expect(Self.slice(side: 3).outlineAreaPixels == 9)
    // Equal areas: the first (most superior) slice wins.
    #expect(Thumbnail.keyAxial(in: [Self.slice(index: 4), Self.slice(index: 5)])?.sliceIndex == 4)
    #expect(Thumbnail.keyAxial(in: [coronal]) == nil)
  }

  @Test func reducedAveragesBlocksAndKeepsTheExtent() {
    let original = Self.slice(width: 8, height: 6)
    let small = original.reduced(maxSidePixels: 4)
    #expect(small.widthPixels == 4)
    #expect(small.heightPixels == 3)
    // Block (0,0) holds 0,1,1,2 -> mean 1; block (3,2) holds 10,11,11,12 -> mean 11.
    #expect(small.pixels[0] == 1)
    #expect(small.pixels[2 * 4 + 3] == 11)
    #expect(abs(small.extentMM.width - original.extentMM.width) < 1e-9)
    #expect(abs(small.extentMM.height - original.extentMM.height) < 1e-9)
    #expect(small.outlines[0].rings[0] == [2, 2, 3, 2, 3, 3, 2, 3])
    #expect(original.reduced(maxSidePixels: 8) == original)
  }

  @Test func thumbnailFileRoundTripsAndRefusesBadPixels() throws {
    let thumbnail = Self.slice()
    let data = try JSONEncoder().encode(ThumbnailFile(thumbnail))
    #expect(try JSONDecoder().decode(ThumbnailFile.self, from: data).thumbnail == thumbnail)

    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["width"] = 9
    let bad = try JSONSerialization.data(withJSONObject: object)
    #expect {
      try JSONDecoder().decode(ThumbnailFile.self, from: bad)
    } throws: { error in
      "\(error)".contains("not 9 x 6 base64 pixels")
    }
  }

  static func catalogue(pictures: Int, failed: Int) -> LibraryCatalogue {
    let figures = CatalogueFigures(
      studyCount: 3, daySpan: 5, firstDay: 1, lastDay: 6, lastLesionVolumeML: 12.345,
      maxPOPercent: 4.25, maxSeverityScore: 7,
      alerts: [CatalogueAlert(rule: "progression", day: 6, studyNumber: 3)])
    let rendered = (0..<pictures).map {
      CatalogueEntry(
        id: "case-\($0)", label: "CASE-\($0)", status: .rendered(figures), thumbnail: Self.slice())
    }
    let broken = (0..<failed).map {
      CatalogueEntry(id: "case-f\($0)", label: "case-f\($0)", status: .failed(reason: "bad"))
    }
    return LibraryCatalogue(
      title: "Case library catalogue", facts: ["facts"], documentDate: "2020-01-26",
      creator: "ctcase test", entries: rendered + broken)
  }

  @Test(arguments: [(1, 0), (3, 1), (20, 2)])
  func layoutHasOneOutlineEntryPerCaseAndOnePicturePerRenderedCase(pictures: Int, failed: Int)
    throws
  {
    let template = try ReportTemplate.load("standard", directory: Self.directory)
    let document = Self.catalogue(pictures: pictures, failed: failed).layout(
      template: template, fonts: try FontSet())
    #expect(document.outline.map(\.title).count == pictures + failed)
    #expect(document.outline.first?.title == "1. CASE-0")
    let images = document.pages.flatMap(\.elements).filter {
      if case .image = $0 { return true }
      return false
    }
    #expect(images.count == pictures)
    #expect(document.pages.allSatisfy { $0.size == PageSize.a4.size })
    #expect(document.metadata.createDate == "2020-01-26T00:00:00")
    let texts = document.pages.last?.elements.compactMap { element -> String? in
      if case .text(let run) = element { return run.text }
      return nil
    }
    let count = document.pages.count
    #expect(texts?.contains("page \(count) of \(count)") == true)
    #expect(pictures < 20 || count > 1)
  }

  @Test func rowTextCarriesTheFiguresWithFixedDecimals() {
    let lines = Self.catalogue(pictures: 1, failed: 1).entries.enumerated().map {
      CatalogueText.lines($1, number: $0 + 1)
    }
    #expect(lines[0][1] == "case-0 · 3 studies over 5 days (day 1 to day 6 from onset)")
    // 4.25 is exact in binary; fixed formatting rounds it half to even.
    #expect(
      lines[0][2] == "Lesion volume at last study 12.3 mL · peak PO 4.2 % · peak severity score 7")
    #expect(lines[0][3] == "Alerts: progression (day 6)")
    #expect(lines[1] == ["2. case-f0", "FAILED: bad"])
  }

  /// A label is a case title: shown on one line and bounded like the report's (a 200,000
  /// character title took 95 s to lay out and ran off the page).
  @Test func labelsAreDisplayedAsReportTitles() throws {
    var catalogue = Self.catalogue(pictures: 2, failed: 0)
    catalogue.entries[0].label = "Left lower lobe\r\nfollow-up"
    catalogue.entries[1].label = String(repeating: "X", count: 200_000)
    let template = try ReportTemplate.load("standard", directory: Self.directory)

    let document = catalogue.layout(template: template, fonts: try FontSet())

    let shown = String(repeating: "X", count: 239) + "…"
    #expect(document.outline.map(\.title) == ["1. Left lower lobe follow-up", "2. " + shown])
    #expect(document.pages.count == 1)
  }
}
