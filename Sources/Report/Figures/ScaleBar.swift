/// A white scale bar with end ticks and its length in mm, in the bottom-right corner of an
/// image, on a near-black backing so it reads over bright anatomy too (the coronal view's
/// abdomen). Report thumbnails and library-catalogue tiles draw the same bar at their own size.
struct ScaleBar {
  var lengthMM = 50.0
  /// Distance of the bar from the image's right and bottom edges.
  var insetPT: Double
  var tickPT: Double
  var lineWidthPT: Double
  var textSizePT: Double
  /// How far above the bar the label's top sits.
  var labelRisePT: Double
  /// Label width beyond the bar on each side, so a short bar's label is not cut.
  var labelOverhangPT = 0.0
  static let backingColor = RGBColor(red: 0.08, green: 0.08, blue: 0.08)

  func elements(pointsPerMM: Double, in rect: LayoutRect) -> [LayoutElement] {
    let length = lengthMM * pointsPerMM
    let right = rect.maxX - insetPT
    let y = rect.maxY - insetPT
    let stroke = StrokeStyle(color: .white, widthPT: lineWidthPT)

    let labelLeft = right - length - labelOverhangPT
    let pad = lineWidthPT + 1
    let backing = LayoutRect(
      x: labelLeft - pad, y: y - labelRisePT - pad,
      width: right - labelLeft + labelOverhangPT + 2 * pad, height: labelRisePT + 2 * pad)
    return [
      .rect(backing, fill: Self.backingColor, stroke: nil),
      .path(
        PathShape(
          [
            LayoutPoint(right - length, y - tickPT), LayoutPoint(right - length, y),
            LayoutPoint(right, y), LayoutPoint(right, y - tickPT),
          ], stroke: stroke)),
      .text(
        TextRun(
          "\(Int(lengthMM)) mm", at: LayoutPoint(labelLeft, y - labelRisePT),
          width: length + 2 * labelOverhangPT,
          style: TextStyle(sizePT: textSizePT, color: .white, alignment: .center),
          singleLine: true)),
    ]
  }
}
