/// A catalogue thumbnail: the slice fitted into a square tile on black with its true aspect
/// ratio, lesion outlines in track colours, right/left letters and a scale bar. A case
/// without a picture gets a grey tile saying so.
struct CatalogueTile {
  static let outlineWidthPT = 0.6
  static let scaleBarMM = 50.0
  static let scaleBarInsetPT = 4.0
  static let letterBoxPT = 9.0
  /// Outlines of untracked lesions (the report uses the same amber).
  static let untrackedColor = RGBColor(red: 1, green: 0.85, blue: 0.2)

  let style: ReportStyle

  func elements(_ thumbnail: Thumbnail?, in box: LayoutRect) -> [LayoutElement] {
    guard let thumbnail else { return placeholder(in: box) }
    let extent = thumbnail.extentMM
    let scale = min(box.width / extent.width, box.height / extent.height)
    let image = LayoutRect(
      x: box.x + (box.width - extent.width * scale) / 2,
      y: box.y + (box.height - extent.height * scale) / 2,
      width: extent.width * scale, height: extent.height * scale)
    return [
      .rect(box, fill: .black, stroke: nil),
      .image(
        GrayImage(
          widthPixels: thumbnail.widthPixels, heightPixels: thumbnail.heightPixels,
          pixels: thumbnail.pixels, rect: image)),
      .clipped(image, outlines(thumbnail, in: image)),
    ] + letters(thumbnail, in: box) + scaleBar(pointsPerMM: scale, in: image)
  }

  private func placeholder(in box: LayoutRect) -> [LayoutElement] {
    [
      .rect(box, fill: style.colors.stripe, stroke: style.hairline),
      .text(
        TextRun(
          "no picture", at: LayoutPoint(box.x, box.y + box.height / 2 - 5), width: box.width,
          style: style.tiny.with(alignment: .center), singleLine: true)),
    ]
  }

  private func outlines(_ thumbnail: Thumbnail, in rect: LayoutRect) -> [LayoutElement] {
    let sx = rect.width / Double(thumbnail.widthPixels)
    let sy = rect.height / Double(thumbnail.heightPixels)
    return thumbnail.outlines.flatMap { outline in
      let color =
        outline.trackID == nil ? Self.untrackedColor : style.template.trackColor(outline.colorIndex)
      return outline.rings.map { ring -> LayoutElement in
        let points = stride(from: 0, to: ring.count - 1, by: 2).map {
          LayoutPoint(rect.x + ring[$0] * sx, rect.y + ring[$0 + 1] * sy)
        }
        return .path(
          PathShape(
            points, closed: true, stroke: StrokeStyle(color: color, widthPT: Self.outlineWidthPT)))
      }
    }
  }

  /// The patient's right and left at the tile's side edges, white on the black margin.
  private func letters(_ thumbnail: Thumbnail, in box: LayoutRect) -> [LayoutElement] {
    let letterStyle = TextStyle(
      sizePT: ReportStyle.tinySizePT, bold: true, color: .white, alignment: .center)
    let y = box.y + box.height / 2 - Self.letterBoxPT / 2
    return [
      (thumbnail.leftLetter, box.x + 1),
      (thumbnail.rightLetter, box.maxX - Self.letterBoxPT - 1),
    ].map { letter, x in
      .text(
        TextRun(
          letter, at: LayoutPoint(x, y), width: Self.letterBoxPT, style: letterStyle,
          singleLine: true))
    }
  }

  private func scaleBar(pointsPerMM: Double, in rect: LayoutRect) -> [LayoutElement] {
    ScaleBar(
      lengthMM: Self.scaleBarMM, insetPT: Self.scaleBarInsetPT, tickPT: 2, lineWidthPT: 0.8,
      textSizePT: ReportStyle.tinySizePT - 1, labelRisePT: 9, labelOverhangPT: 10
    ).elements(pointsPerMM: pointsPerMM, in: rect)
  }
}
