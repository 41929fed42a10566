extension ReportLayoutBuilder {
  func summary(in flow: inout PageFlow) {
    sectionTitle(text(.summaryTitle), in: &flow)
    flow.paragraph(input.title, style: style.title.with(color: style.colors.text, sizePT: 14))
    patientBlock(in: &flow)
    subheading(text(.alertsHeading), in: &flow)
    alertsAtAGlance(in: &flow)
    subheading(text(.studiesHeading), in: &flow)
    studyTable().place(in: &flow)
  }

  private func patientBlock(in flow: inout PageFlow) {
    let patient = input.patient
    let missing = text(.notRecorded)
    var pairs: [(String, String)] = [
      (text(.patientName), patient.name.map(PersonNameText.display) ?? missing),
      (text(.patientID), patient.id ?? missing),
      (text(.patientSex), patient.sex.map(template.sexName) ?? missing),
      (text(.patientAge), patient.age.map(template.ageText) ?? missing),
      (text(.patientBirthDate), patient.birthDate ?? missing),
      (text(.onsetDate), input.onsetDate ?? missing),
    ]
    if patient.deidentified { pairs.append((text(.deidentified), "")) }
    keyValueGrid(pairs, columns: 2, in: &flow)
  }

  /// Label/value pairs in `columns` columns, labels muted and values in body text.
  func keyValueGrid(_ pairs: [(String, String)], columns: Int, in flow: inout PageFlow) {
    let columnWidth = flow.contentWidth / Double(columns)
    let labelWidth = columnWidth * (columns > 2 ? 0.58 : 0.42)
    let rowHeight = 13.0
    let rows = (pairs.count + columns - 1) / columns
    flow.ensure(Double(rows) * rowHeight)
    for (index, pair) in pairs.enumerated() {
      let x = flow.left + Double(index % columns) * columnWidth
      let y = flow.y + Double(index / columns) * rowHeight
      flow.add(
        .text(
          TextRun(
            pair.0, at: LayoutPoint(x, y), width: labelWidth - 4, style: style.muted,
            singleLine: true)))
      flow.add(
        .text(
          TextRun(
            pair.1, at: LayoutPoint(x + labelWidth, y - 0.8), width: columnWidth - labelWidth - 6,
            style: style.body, singleLine: true)))
    }
    flow.y += Double(rows) * rowHeight + PageFlow.paragraphGapPT
  }

  private func alertsAtAGlance(in flow: inout PageFlow) {
    guard !input.decisions.isEmpty else {
      flow.paragraph(text(.noAlerts), style: style.body)
      return
    }
    for decision in input.decisions {
      let study = input.studies[decision.firstStudyIndex]
      let line =
        "▲ " + decision.text(in: template.language).title + " — " + firedText(decision, study)
      let height = flow.height(of: line, style: style.body, width: flow.contentWidth)
      flow.ensure(height)
      let rect = LayoutRect(x: flow.left, y: flow.y, width: flow.contentWidth, height: height)
      flow.add(
        .text(
          TextRun(
            line, at: LayoutPoint(flow.left, flow.y), width: flow.contentWidth,
            style: style.body.with(color: style.colors.alert, bold: true))))
      if let page = sectionPages[.decisions] { flow.add(.link(rect, page: page)) }
      flow.y += height + 3
    }
    flow.y += 2
  }

  /// "first fired on day +2 (2020-01-22, CT 2)".
  func firedText(_ decision: ReportDecision, _ study: ReportStudy) -> String {
    let day = decision.firstDay.map(NumberFormat.signedDay) ?? text(.notRecorded)
    return text(.alertFirstFired, ["day": day, "date": decision.firstDate, "study": study.label])
  }

  private func studyTable() -> TableLayout {
    let columns = [
      TableLayout.Column(text(.columnStudy), 0.8), TableLayout.Column(text(.columnDate), 1.3),
      TableLayout.Column(text(.columnDay), 0.7, .right),
      TableLayout.Column(text(.columnStage), 1.3),
      TableLayout.Column(text(.columnLesionVolume), 1.9, .right),
      TableLayout.Column(text(.columnPO), 1.3, .right),
      TableLayout.Column(text(.columnPHO), 1.4, .right),
      TableLayout.Column(text(.columnSeverity), 1.4, .right),
      TableLayout.Column(text(.columnPage), 0.7, .right),
    ]
    let rows = input.studies.enumerated().map { index, study in
      let m = study.measurements
      return [
        study.label, study.date, study.dayFromOnset.map(NumberFormat.signedDay) ?? "–",
        study.ctStage.map(template.stageName) ?? "–", NumberFormat.fixed(m.lesionVolumeML, 2),
        NumberFormat.fixed(m.poPercent, 2), NumberFormat.fixed(m.phoPercent, 2),
        "\(m.severityScore)", index < studyPages.count ? "\(studyPages[index] + 1)" : "",
      ]
    }
    var table = TableLayout(columns: columns, rows: rows, style: style)
    table.rowLinks = input.studies.indices.map { $0 < studyPages.count ? studyPages[$0] : nil }
    return table
  }
}
