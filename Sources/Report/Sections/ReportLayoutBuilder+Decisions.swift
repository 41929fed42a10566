extension ReportLayoutBuilder {
  func decisions(in flow: inout PageFlow) {
    sectionTitle(text(.decisionsTitle), in: &flow)
    alertBox(text(.decisionsDisclaimer), in: &flow)
    guard !input.decisions.isEmpty else {
      flow.paragraph(text(.decisionsNone), style: style.body)
      return
    }
    for decision in input.decisions { decisionBlock(decision, in: &flow) }
  }

  /// `message` in bold alert colour inside a lightly filled, outlined box the width of the page.
  func alertBox(_ message: String, in flow: inout PageFlow) {
    let inner = flow.contentWidth - 16
    let height = flow.height(of: message, style: style.body.with(bold: true), width: inner) + 12
    flow.add(
      .rect(
        LayoutRect(x: flow.left, y: flow.y, width: flow.contentWidth, height: height),
        fill: style.colors.alert.lightened(0.9),
        stroke: StrokeStyle(color: style.colors.alert, widthPT: 0.8)))
    flow.add(
      .text(
        TextRun(
          message, at: LayoutPoint(flow.left + 8, flow.y + 6), width: inner,
          style: style.body.with(color: style.colors.alert, bold: true))))
    flow.y += height + 10
  }

  private func decisionBlock(_ decision: ReportDecision, in flow: inout PageFlow) {
    let wording = decision.text(in: template.language)
    subheading("▲ " + wording.title, keep: 80, in: &flow)
    let study = input.studies[decision.firstStudyIndex]
    flow.paragraph(
      firedText(decision, study) + " · " + decision.ruleID,
      style: style.muted)
    let inputs = decision.inputs.map { [template.figureName($0.name), $0.value, $0.unit] }
    TableLayout(
      columns: [
        TableLayout.Column(text(.decisionInputs), 3), TableLayout.Column("", 1.2, .right),
        TableLayout.Column("", 1),
      ], rows: inputs, style: style
    ).place(in: &flow)
    flow.paragraph(text(.decisionThresholds), style: style.small.with(bold: true), gapAfter: 2)
    for threshold in decision.thresholds {
      flow.paragraph(
        "• " + template.thresholdText(threshold), style: style.small, indent: 6, gapAfter: 1)
    }
    flow.y += 4
    flow.paragraph(
      text(.decisionRecommendation) + ": " + wording.recommendation,
      style: style.body.with(bold: true), gapAfter: 10)
  }
}
