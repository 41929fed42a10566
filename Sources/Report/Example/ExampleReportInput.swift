import Analysis
import Imaging

/// The built-in six-day synthetic case: two ground-glass lesions growing from day 1 and a
/// third appearing on day 4, with measurements computed from the synthetic voxels, an alert
/// on day 2 and the manifest's clinical events. It drives tests, `make demo` and the
/// benchmark until the pipeline's own `ReportInput` is mapped in.
public enum ExampleReportInput {
  static let onset = "2020-01-20"
  static let dates = [
    "2020-01-21", "2020-01-22", "2020-01-23", "2020-01-24", "2020-01-25", "2020-01-26",
  ]
  static let stages = ["early", "early", "progressive", "progressive", "progressive", "peak"]
  /// Ball radii (voxels) per track per study; 0 = not yet visible.
  static let radii: [[Double]] = [
    [3.0, 3.8, 4.6, 5.3, 6.0, 6.6], [2.2, 2.8, 3.5, 4.2, 4.8, 5.2], [0, 0, 0, 2.4, 3.2, 4.0],
  ]
  /// From this study on, lesions get a consolidated core of this fraction of their radius.
  static let consolidationFromStudy = 3
  static let coreFraction = 0.45
  static let centers = [Vector3(34, 64, 20), Vector3(92, 46, 40), Vector3(46, 40, 36)]

  /// Builds the example. `patientName` lets tests use a Chinese name.
  public static func make(patientName: String = "Synthetic^Patient") -> ReportInput {
    var studies: [ReportStudy] = []
    var trackPoints: [[TrackPoint]] = [[], [], []]
    for (index, date) in dates.enumerated() {
      let balls = radii.indices.compactMap { track -> (Int, ExampleVolume.Ball)? in
        radii[track][index] > 0
          ? (track, ExampleVolume.Ball(id: 0, center: centers[track], radius: radii[track][index]))
          : nil
      }
      let numbered = balls.enumerated().map { number, item in
        (
          item.0,
          ExampleVolume.Ball(
            id: UInt16(number + 1), center: item.1.center, radius: item.1.radius,
            coreRadius: index >= consolidationFromStudy ? item.1.radius * coreFraction : 0)
        )
      }
      let synthetic = ExampleVolume(balls: numbered.map(\.1))
      let measured = ExampleMeasurer(example: synthetic).measurements()
      var lesionTracks: [Int: String] = [:]
      var references: [Int: TrackReference] = [:]
      for (track, ball) in numbered {
        lesionTracks[Int(ball.id)] = "T\(track + 1)"
        references[Int(ball.id)] = TrackReference(id: "T\(track + 1)", colorIndex: track)
        let volume = measured.lesions.first { $0.id == Int(ball.id) }?.volumeML ?? 0
        trackPoints[track].append(
          TrackPoint(studyIndex: index, dayFromOnset: index + 1, volumeML: volume))
      }
      let thumbnails = ThumbnailBuilder(
        volume: synthetic.volume,
        lesionMap: LesionMap(full: synthetic.lesionMap, size: synthetic.volume.size),
        tracks: references
      ).build()
      studies.append(
        ReportStudy(
          label: "CT \(index + 1)", date: date, dayFromOnset: index + 1, ctStage: stages[index],
          measurements: measured,
          series: ReportSeries(
            description: "Synthetic chest 2.5 mm", seriesInstanceUID: "2.25.\(1000 + index)",
            sliceThicknessMM: 2.5, imageCount: ExampleVolume.gridSize.nz,
            selectionReason: "only axial series; thinnest slices covering both lungs"),
          warnings: index == 0
            ? ["generated/ct-2020-01-21: synthetic phantom, not patient data [synthetic]"] : [],
          thumbnails: thumbnails, lesionTracks: lesionTracks))
    }
    let tracks = trackPoints.enumerated().map {
      ReportTrack(id: "T\($0.offset + 1)", colorIndex: $0.offset, points: $0.element)
    }
    return ReportInput(
      title: "Synthetic case: early nodular ground-glass lesions over six days", synthetic: true,
      patient: ReportPatient(
        name: patientName, id: "SYN-0001", sex: "M", age: "045Y", birthDate: "1975-03-02"),
      onsetDate: onset, studies: studies, tracks: tracks, decisions: [decision(studies)],
      events: events, provenance: provenance)
  }

  static func decision(_ studies: [ReportStudy]) -> ReportDecision {
    let second = studies[1].measurements
    let first = studies[0].measurements
    let growth = (second.lesionVolumeML - first.lesionVolumeML) / first.lesionVolumeML * 100
    return ReportDecision(
      ruleID: "covid-alerts/ggo-growth", title: "Growing peripheral ground-glass lesions",
      firstStudyIndex: 1, firstDay: 2, firstDate: dates[1],
      inputs: [
        DecisionInput(
          name: "total lesion volume", value: NumberFormat.fixed(second.lesionVolumeML, 2),
          unit: "mL"),
        DecisionInput(
          name: "lesion volume growth since CT 1", value: NumberFormat.fixed(growth, 1), unit: "%"),
        DecisionInput(
          name: "lesions with ground-glass type", value: "\(second.lesions.count)", unit: ""),
      ],
      thresholds: [
        ReportThreshold(text: "total lesion volume >= 0.50 mL"),
        ReportThreshold(text: "growth between studies >= 25 %"),
        ReportThreshold(text: "at least one nodular GGO lesion"),
      ],
      recommendation:
        "Isolate the patient and repeat nucleic acid testing; review the CT with a radiologist.",
      translations: [
        "zh-CN": DecisionText(title: "外周磨玻璃病灶增大", recommendation: "隔离患者并复查核酸；请放射科医师复核 CT。")
      ])
  }

  static let events = [
    TimelineEvent(date: "2020-01-16", kind: .contact, text: "Contact with an imported case"),
    TimelineEvent(date: "2020-01-20", kind: .symptomOnset, text: "Fever 37.6 C, dry cough"),
    TimelineEvent(
      date: "2020-01-21", kind: .nucleicAcidTest, text: "RT-PCR throat swab", result: "negative"),
    TimelineEvent(date: "2020-01-22", kind: .isolation, text: "Isolated after CT alert"),
    TimelineEvent(
      date: "2020-01-24", kind: .nucleicAcidTest, text: "RT-PCR sputum", result: "positive"),
  ]

  static var provenance: ReportProvenance {
    ReportProvenance(
      toolVersion: ToolVersion.string, buildCommit: nil,
      libraries: [
        NamedVersion(name: "cairo", version: "1.16.0"),
        NamedVersion(name: "pango", version: "1.50.12"),
      ],
      templates: [NamedVersion(name: "rules: covid-alerts", version: "(built-in example)")],
      parameters: AnalysisParameters(),
      inputFiles: dates.map {
        FileDigest(path: "generated/ct-\($0)", sha256: String(repeating: "0", count: 64))
      },
      reproduceCommand: "ctcase report --example -o report.pdf")
  }
}
