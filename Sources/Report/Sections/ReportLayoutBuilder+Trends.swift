extension ReportLayoutBuilder {
  func trends(in flow: inout PageFlow) {
    sectionTitle(text(.trendsTitle), in: &flow)
    flow.figure(TrendChart(input: input, style: style).figure(), gapAfter: 6)
    flow.paragraph(text(.trendsCaption), style: style.muted, gapAfter: 8)
    trendTable().place(in: &flow)
  }

  /// The plotted numbers as text: per study, total and per-track volumes, PO, PHO, score.
  private func trendTable() -> TableLayout {
    var columns = [
      TableLayout.Column(text(.columnStudy), 0.9),
      TableLayout.Column(text(.columnDay), 0.6, .right),
      TableLayout.Column(text(.columnStage), 1.1),
      TableLayout.Column(text(.seriesTotal) + " (mL)", 1.0, .right),
    ]
    columns += input.tracks.map { TableLayout.Column($0.id + " (mL)", 0.8, .right) }
    columns += [
      TableLayout.Column(text(.columnPO), 1.0, .right),
      TableLayout.Column(text(.columnPHO), 1.1, .right),
      TableLayout.Column(text(.columnSeverity), 1.5, .right),
    ]
    let days = input.studyDays
    let rows = input.studies.enumerated().map { index, study in
      var row = [
        study.label, NumberFormat.signedDay(days[index]),
        study.ctStage.map(template.stageName) ?? "–",
        NumberFormat.fixed(study.measurements.lesionVolumeML, 2),
      ]
      row += input.tracks.map { track in
        track.points.first { $0.studyIndex == index }.map { NumberFormat.fixed($0.volumeML, 2) }
          ?? "–"
      }
      row += [
        NumberFormat.fixed(study.measurements.poPercent, 2),
        NumberFormat.fixed(study.measurements.phoPercent, 2), "\(study.measurements.severityScore)",
      ]
      return row
    }
    return TableLayout(columns: columns, rows: rows, style: style)
  }
}
