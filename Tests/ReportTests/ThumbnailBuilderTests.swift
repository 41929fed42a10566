import Analysis
import Imaging
import Report
import Testing

@Suite struct ThumbnailBuilderTests {
  /// A 40 x 30 x 20 grid of lung (-850 HU) with one 5-voxel-radius ball (lesion 1) centred at
  /// (12, 10, 7) and one of radius 3 (lesion 2) at (30, 20, 14).
  static func phantom(direction: Matrix3 = .identity) -> (Volume, LesionMap) {
    let size = GridSize(40, 30, 20)
    let geometry = Geometry(
      size: size, spacing: Vector3(0.8, 0.8, 2), origin: Vector3(0, 0, -50), direction: direction)
    var volume = Volume(geometry: geometry, filledWith: -850)
    var map = [UInt16](repeating: 0, count: size.count)
    let balls: [(UInt16, Vector3, Double)] = [
      (1, Vector3(12, 10, 7), 5), (2, Vector3(30, 20, 14), 3),
    ]
    for k in 0..<size.nz {
      for j in 0..<size.ny {
        for i in 0..<size.nx {
          let p = Vector3(Double(i), Double(j), Double(k))
          for (id, center, radius) in balls where (p - center).length <= radius {
            map[size.offset(i, j, k)] = id
            volume[i, j, k] = -500
          }
        }
      }
    }
    return (volume, LesionMap(full: map, size: size))
  }

  @Test func keySlicesShowEachLesionAtItsLargest() {
    let (volume, map) = Self.phantom()
    let builder = ThumbnailBuilder(
      volume: volume, lesionMap: map, tracks: [1: TrackReference(id: "T1", colorIndex: 2)])
    // Most superior first: lesion 2 (k = 14) above lesion 1 (k = 7).
    #expect(builder.keySliceIndices() == [14, 7])
  }

  @Test func axialThumbnailIsWindowedAndOutlined() throws {
    let (volume, map) = Self.phantom()
    let builder = ThumbnailBuilder(
      volume: volume, lesionMap: map, tracks: [1: TrackReference(id: "T1", colorIndex: 2)])
    let thumbnail = builder.axial(7)
    #expect(thumbnail.widthPixels == 40 && thumbnail.heightPixels == 30)
    #expect(thumbnail.pixels[0] == LungWindow.gray(-850))
    #expect(LungWindow.gray(-850) == 85)  // (-850 + 1350) / 1500 * 255 = 85
    #expect(thumbnail.slicePositionMM == -36)
    let outline = try #require(thumbnail.outlines.first)
    #expect(outline.lesionID == 1 && outline.trackID == "T1" && outline.colorIndex == 2)
    #expect(outline.rings.count == 1)
    let xs = stride(from: 0, to: outline.rings[0].count, by: 2).map { outline.rings[0][$0] }
    // Ball radius 5 around pixel centre 12.5: the outline runs between 7 and 18.
    #expect(abs((xs.min() ?? 0) - 7.0) <= 0.5 && abs((xs.max() ?? 0) - 18.0) <= 0.5)
  }

  @Test(arguments: [
    (Matrix3.identity, ["R", "L", "A", "P"]),
    (
      Matrix3(columns: Vector3(-1, 0, 0), Vector3(0, -1, 0), Vector3(0, 0, 1)),
      ["L", "R", "P", "A"]
    ),
  ])
  func orientationLettersFollowGeometry(direction: Matrix3, letters: [String]) {
    let (volume, map) = Self.phantom(direction: direction)
    let thumbnail = ThumbnailBuilder(volume: volume, lesionMap: map, tracks: [:]).axial(7)
    let shown = [
      thumbnail.leftLetter, thumbnail.rightLetter, thumbnail.topLetter, thumbnail.bottomLetter,
    ]
    #expect(shown == letters)
  }

  @Test func coronalOverviewPutsSuperiorOnTop() {
    let (volume, map) = Self.phantom()
    let coronal = ThumbnailBuilder(volume: volume, lesionMap: map, tracks: [:]).coronal()
    #expect(coronal.kind == .coronal && coronal.heightPixels == 20)
    #expect(coronal.topLetter == "S" && coronal.bottomLetter == "I")
    #expect(coronal.pixelHeightMM == 2)
  }

  @Test func squareOutlineEnclosesItsPixels() throws {
    var map = [UInt16](repeating: 0, count: 10 * 10 * 1)
    for j in 3..<7 { for i in 2..<6 { map[j * 10 + i] = 1 } }
    let geometry = Geometry(size: GridSize(10, 10, 1), spacing: Vector3(1, 1, 1), origin: .zero)
    let volume = Volume(geometry: geometry, filledWith: 0)
    let outlines = ThumbnailBuilder(
      volume: volume, lesionMap: LesionMap(full: map, size: volume.size), tracks: [:]
    ).axial(0).outlines
    let ring = try #require(outlines.first?.rings.first)
    // Shoelace area: 16 pixels less the four cut corners (1/8 each).
    var area = 0.0
    let n = ring.count / 2
    for p in 0..<n {
      let q = (p + 1) % n
      area += ring[2 * p] * ring[2 * q + 1] - ring[2 * q] * ring[2 * p + 1]
    }
    #expect(abs(abs(area) / 2 - 15.5) < 1e-9)
  }
}

extension ThumbnailBuilderTests {
  @Test func studyFromAnalysisCarriesThumbnailsAndTrackIDs() throws {
    let (volume, map) = Self.phantom()
    let measurements = ExampleReportInput.make().studies[0].measurements
    let analysis = StudyAnalysis(
      measurements: measurements, labels: LabelVolume(geometry: volume.geometry), lesionMap: map)
    let study = ReportStudy(
      label: "CT 1", date: "2020-01-21", dayFromOnset: 1, ctStage: "early", analysis: analysis,
      volume: volume, series: ReportSeries(),
      tracks: [2: TrackReference(id: "T7", colorIndex: 3)])
    #expect(study.thumbnails.map(\.kind) == [.axial, .axial, .coronal])
    #expect(study.lesionTracks == [2: "T7"])
    let outline = try #require(study.thumbnails[0].outlines.first)
    #expect(outline.lesionID == 2 && outline.trackID == "T7" && outline.colorIndex == 3)
  }
}
