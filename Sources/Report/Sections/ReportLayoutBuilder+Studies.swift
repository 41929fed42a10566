import Analysis

extension ReportLayoutBuilder {
  /// One page (or more) per study; returns the page index each study starts on.
  func studies(in flow: inout PageFlow) -> [Int] {
    let parent = flow.bookmark(text(.studiesTitle))
    var starts: [Int] = []
    for (index, study) in input.studies.enumerated() {
      if index > 0 { flow.newPage() }
      starts.append(flow.pageIndex)
      let title = text(
        .studyTitle,
        [
          "label": study.label, "date": study.date,
          "day": study.dayFromOnset.map(NumberFormat.signedDay) ?? "–",
        ])
      flow.bookmark(title, parent: parent)
      flow.paragraph(title, style: style.heading, gapAfter: 2)
      flow.rule(color: style.colors.accent, gapAfter: 6)
      seriesLine(study, in: &flow)
      thickSliceCaveat(study, in: &flow)
      if !study.thumbnails.isEmpty {
        flow.figure(ThumbnailPanel(study: study, style: style).figure(), gapAfter: 8)
      }
      subheading(text(.measurementsHeading), in: &flow)
      keyValueGrid(measurementPairs(study.measurements), columns: 3, in: &flow)
      subheading(text(.lesionsHeading), in: &flow)
      lesionTable(study).place(in: &flow)
      if !study.warnings.isEmpty {
        subheading(text(.warningsHeading), keep: 12, in: &flow)
        for warning in study.warnings {
          flow.paragraph("• " + warning, style: style.small, gapAfter: 2)
        }
      }
    }
    return starts
  }

  /// On thick slices, the warning that the lesion figures below are overestimated.
  private func thickSliceCaveat(_ study: ReportStudy, in flow: inout PageFlow) {
    let limit = AnalysisParameters.reliableMaxSliceMM
    guard let slice = study.series.coarsestSliceMM, slice > limit else { return }
    let values = [
      "thickness": NumberFormat.fixed(slice, slice.rounded() == slice ? 0 : 2),
      "limit": NumberFormat.fixed(limit, 0),
    ]
    alertBox(text(.thickSliceCaveat, values), in: &flow)
  }

  private func seriesLine(_ study: ReportStudy, in flow: inout PageFlow) {
    var parts: [String] = []
    if let stage = study.ctStage {
      parts.append(text(.columnStage) + ": " + template.stageName(stage))
    }
    if let description = study.series.description {
      parts.append(text(.seriesDescription) + ": " + description)
    }
    if let thickness = study.series.sliceThicknessMM {
      parts.append(text(.seriesThickness) + ": " + NumberFormat.fixed(thickness, 2) + " mm")
    }
    if let count = study.series.imageCount { parts.append(text(.seriesImages) + ": \(count)") }
    guard !parts.isEmpty else { return }
    flow.paragraph(parts.joined(separator: " · "), style: style.muted, gapAfter: 6)
  }

  private func measurementPairs(_ m: StudyMeasurements) -> [(String, String)] {
    [
      (text(.lungVolume), NumberFormat.fixed(m.lungVolumeML, 1) + " mL"),
      (text(.rightLungVolume), NumberFormat.fixed(m.rightLungVolumeML, 1) + " mL"),
      (text(.leftLungVolume), NumberFormat.fixed(m.leftLungVolumeML, 1) + " mL"),
      (text(.lesionVolume), NumberFormat.fixed(m.lesionVolumeML, 2) + " mL"),
      (text(.ggoVolume), NumberFormat.fixed(m.ggoVolumeML, 2) + " mL"),
      (text(.consolidationVolume), NumberFormat.fixed(m.consolidationVolumeML, 2) + " mL"),
      (text(.poPercent), NumberFormat.fixed(m.poPercent, 2) + " %"),
      (text(.phoPercent), NumberFormat.fixed(m.phoPercent, 2) + " %"),
      (text(.severityScore), "\(m.severityScore) / 30"),
      (text(.rightInvolvement), NumberFormat.fixed(m.rightInvolvementPercent, 2) + " %"),
      (text(.leftInvolvement), NumberFormat.fixed(m.leftInvolvementPercent, 2) + " %"),
    ]
  }

  private func lesionTable(_ study: ReportStudy) -> TableLayout {
    let columns = [
      TableLayout.Column(text(.columnLesion), 0.6, .right),
      TableLayout.Column(text(.columnTrack), 0.6),
      TableLayout.Column(text(.columnSide), 0.6), TableLayout.Column(text(.columnZone), 0.7),
      TableLayout.Column(text(.columnType), 1.1),
      TableLayout.Column(text(.columnVolume), 1.1, .right),
      TableLayout.Column(text(.columnGGO), 0.9, .right),
      TableLayout.Column(text(.columnConsolidation), 1.1, .right),
      TableLayout.Column(text(.columnDiameters), 1.5, .right),
      TableLayout.Column(text(.columnMeanHU), 0.8, .right),
      TableLayout.Column(text(.columnSlice), 0.5, .right),
    ]
    let rows = study.measurements.lesions.map { lesion in
      [
        "\(lesion.id)", study.lesionTracks[lesion.id] ?? "–", template.sideName(lesion.side),
        template.zoneName(lesion.zone), template.lesionTypeName(lesion.type),
        NumberFormat.fixed(lesion.volumeML, 2), NumberFormat.fixed(lesion.ggoVolumeML, 2),
        NumberFormat.fixed(lesion.consolidationVolumeML, 2),
        NumberFormat.fixed(lesion.longestDiameterMM, 1) + " × "
          + NumberFormat.fixed(lesion.perpendicularDiameterMM, 1),
        NumberFormat.fixed(lesion.meanHU, 0), "\(lesion.axialSliceIndex)",
      ]
    }
    let shown = rows.isEmpty ? [[text(.noLesions)]] : rows
    return TableLayout(columns: columns, rows: shown, style: style)
  }
}
