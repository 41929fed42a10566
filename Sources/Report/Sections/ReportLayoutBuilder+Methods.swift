extension ReportLayoutBuilder {
  func methods(in flow: inout PageFlow) {
    sectionTitle(text(.methodsTitle), in: &flow)
    let provenance = input.provenance
    subheading(text(.methodsSoftware), in: &flow)
    var software = [
      (text(.methodsVersion), "ctcase " + provenance.toolVersion),
      (text(.methodsCommit), provenance.buildCommit ?? text(.notRecorded)),
    ]
    software += provenance.libraries.map { ($0.name, $0.version) }
    keyValueGrid(software, columns: 2, in: &flow)

    subheading(text(.methodsParameters), in: &flow)
    parameterTable().place(in: &flow)

    subheading(text(.methodsSeries), in: &flow)
    for study in input.studies {
      let worded = study.series.choice.map { SeriesChoiceWording(template: template).text($0) }
      let reason = worded ?? study.series.selectionReason ?? text(.notRecorded)
      let uid = study.series.seriesInstanceUID.map { " · " + $0 } ?? ""
      flow.paragraph(
        study.label + " (" + study.date + ")" + uid + ": " + reason, style: style.small, gapAfter: 2
      )
    }

    subheading(text(.methodsWarnings), keep: 14, in: &flow)
    let warnings = input.studies.flatMap { study in study.warnings.map { study.label + ": " + $0 } }
    if warnings.isEmpty { flow.paragraph(text(.methodsNoWarnings), style: style.small) }
    for warning in warnings { flow.paragraph("• " + warning, style: style.small, gapAfter: 1) }

    subheading(text(.methodsTemplates), in: &flow)
    hashTable(provenance.templates.map { ($0.name, $0.version) }).place(in: &flow)
    subheading(text(.methodsInputs), in: &flow)
    hashTable(provenance.inputFiles.map { ($0.path, $0.sha256) }).place(in: &flow)
    subheading(text(.methodsFonts), in: &flow)
    hashTable(fonts.map { ($0.path, $0.sha256) }).place(in: &flow)

    subheading(text(.methodsReproduce), keep: 20, in: &flow)
    flow.paragraph(provenance.reproduceCommand, style: style.small.with(color: style.colors.accent))
    subheading(text(.methodsLimitations), keep: 30, in: &flow)
    flow.paragraph(text(.methodsLimitationsText), style: style.small)
  }

  private func parameterTable() -> TableLayout {
    let p = input.provenance.parameters
    let hu = " HU"
    let rows: [[String]] = [
      [text(.paramVersion), p.version],
      [text(.paramLungThreshold), NumberFormat.fixed(p.lungThresholdHU, 0) + hu],
      [text(.paramGGOMin), NumberFormat.fixed(p.ggoMinHU, 0) + hu],
      [text(.paramConsolidationMin), NumberFormat.fixed(p.consolidationMinHU, 0) + hu],
      [text(.paramLesionMax), NumberFormat.fixed(p.lesionMaxHU, 0) + hu],
      [text(.paramHighOpacityMin), NumberFormat.fixed(p.highOpacityMinHU, 0) + hu],
      [text(.paramMinLesionVolume), NumberFormat.fixed(p.minLesionVolumeML, 3) + " mL"],
      [text(.paramVesselMaxDiameter), NumberFormat.fixed(p.vesselMaxDiameterMM, 1) + " mm"],
      [text(.paramPeripheralDistance), NumberFormat.fixed(p.peripheralDistanceMM, 1) + " mm"],
      [
        text(.paramWindow),
        "L " + NumberFormat.fixed(LungWindow.levelHU, 0) + " / W "
          + NumberFormat.fixed(LungWindow.widthHU, 0) + hu,
      ],
    ]
    var table = TableLayout(
      columns: [TableLayout.Column("", 3), TableLayout.Column("", 1.5, .right)], rows: rows,
      style: style)
    table.showsHeader = false
    return table
  }

  /// Name and SHA-256 rows in a small type so a 64-digit hash fits on one line.
  private func hashTable(_ rows: [(String, String)]) -> TableLayout {
    let columns = [TableLayout.Column("", 1.25), TableLayout.Column("SHA-256", 2.2)]
    return TableLayout(
      columns: columns, rows: rows.map { [$0.0, $0.1] }, style: style,
      textStyle: style.tiny.with(color: style.colors.text))
  }
}
