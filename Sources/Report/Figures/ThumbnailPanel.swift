/// The picture panel of one study: key axial slices in a row, then the coronal overview,
/// each with lesion outlines in track colours, track labels, orientation letters, a scale bar
/// and the slice position underneath.
public struct ThumbnailPanel {
  public static let widthMM = JournalWidth.doubleColumnMM
  static let gapPT = 8.0
  static let captionPT = 12.0
  static let scaleBarMM = 50.0
  static let letterInsetPT = 3.0
  static let outlineWidthPT = 0.9
  static let axialPerRow = 3

  let study: ReportStudy
  let style: ReportStyle

  public init(study: ReportStudy, style: ReportStyle) {
    self.study = study
    self.style = style
  }

  public func figure() -> Figure {
    let width = PointUnits.points(mm: Self.widthMM)
    let tile = (width - Double(Self.axialPerRow - 1) * Self.gapPT) / Double(Self.axialPerRow)
    var elements: [LayoutElement] = []
    var y = 0.0
    let axial = study.thumbnails.filter { $0.kind == .axial }
    for (index, thumbnail) in axial.enumerated() {
      let column = index % Self.axialPerRow
      if column == 0 && index > 0 { y += tile + Self.captionPT + Self.gapPT }
      let box = LayoutRect(
        x: Double(column) * (tile + Self.gapPT), y: y, width: tile, height: tile)
      elements += draw(thumbnail, in: box)
    }
    if !axial.isEmpty { y += tile + Self.captionPT + Self.gapPT }
    for coronal in study.thumbnails where coronal.kind == .coronal {
      let box = LayoutRect(x: 0, y: y, width: 2 * tile + Self.gapPT, height: tile)
      elements += draw(coronal, in: box)
      y += box.height + Self.captionPT + Self.gapPT
    }
    return Figure(size: LayoutSize(width, max(y - Self.gapPT, 1)), elements: elements)
  }

  /// One thumbnail fitted into `box` with its true aspect ratio, on black.
  func draw(_ thumbnail: Thumbnail, in box: LayoutRect) -> [LayoutElement] {
    let extent = thumbnail.extentMM
    let scale = min(box.width / extent.width, box.height / extent.height)
    let imageRect = LayoutRect(
      x: box.x + (box.width - extent.width * scale) / 2, y: box.y,
      width: extent.width * scale, height: extent.height * scale)
    var elements: [LayoutElement] = [
      .rect(
        LayoutRect(x: box.x, y: box.y, width: box.width, height: imageRect.height),
        fill: .black, stroke: nil),
      .image(
        GrayImage(
          widthPixels: thumbnail.widthPixels, heightPixels: thumbnail.heightPixels,
          pixels: thumbnail.pixels, rect: imageRect)),
    ]
    elements.append(.clipped(imageRect, outlines(thumbnail, in: imageRect)))
    elements += letters(thumbnail, in: imageRect)
    elements += scaleBar(pointsPerMM: scale, in: imageRect)
    elements.append(
      .text(
        TextRun(
          caption(thumbnail), at: LayoutPoint(box.x, imageRect.maxY + 2), width: box.width,
          style: style.tiny, singleLine: true)))
    return elements
  }

  private func caption(_ thumbnail: Thumbnail) -> String {
    let kind =
      thumbnail.kind == .axial
      ? style.template.text(.axialSlices)
      : style.template.text(.coronalOverview)
    let axis = thumbnail.kind == .axial ? "z" : "y"
    let position = style.template.text(
      .slicePosition,
      [
        "axis": axis, "mm": NumberFormat.fixed(thumbnail.slicePositionMM, 1),
        "index": "\(thumbnail.sliceIndex)",
      ])
    return "\(kind) · \(position)"
  }

  private func outlines(_ thumbnail: Thumbnail, in rect: LayoutRect) -> [LayoutElement] {
    let sx = rect.width / Double(thumbnail.widthPixels)
    let sy = rect.height / Double(thumbnail.heightPixels)
    var elements: [LayoutElement] = []
    for outline in thumbnail.outlines {
      let color =
        outline.trackID == nil
        ? RGBColor(red: 1, green: 0.85, blue: 0.2)
        : style.template.trackColor(outline.colorIndex)
      var top = LayoutPoint(rect.maxX, rect.maxY)
      for ring in outline.rings {
        let points = stride(from: 0, to: ring.count - 1, by: 2).map {
          LayoutPoint(rect.x + ring[$0] * sx, rect.y + ring[$0 + 1] * sy)
        }
        if let highest = points.min(by: { $0.y < $1.y }), highest.y < top.y { top = highest }
        elements.append(
          .path(
            PathShape(
              points, closed: true, stroke: StrokeStyle(color: color, widthPT: Self.outlineWidthPT))
          ))
      }
      let label = outline.trackID ?? "#\(outline.lesionID)"
      elements.append(
        .text(
          TextRun(
            label, at: LayoutPoint(top.x - 12, top.y - 10), width: 24,
            style: TextStyle(
              sizePT: ReportStyle.tinySizePT, bold: true, color: color, alignment: .center),
            singleLine: true)))
    }
    return elements
  }

  private func letters(_ thumbnail: Thumbnail, in rect: LayoutRect) -> [LayoutElement] {
    let letterStyle = TextStyle(
      sizePT: ReportStyle.smallSizePT, bold: true, color: .white, alignment: .center)
    let inset = Self.letterInsetPT
    let half = 6.0
    let places: [(String, LayoutPoint)] = [
      (thumbnail.leftLetter, LayoutPoint(rect.x + inset, rect.y + rect.height / 2 - half)),
      (
        thumbnail.rightLetter,
        LayoutPoint(rect.maxX - inset - 2 * half, rect.y + rect.height / 2 - half)
      ),
      (thumbnail.topLetter, LayoutPoint(rect.x + rect.width / 2 - half, rect.y + inset - 2)),
      (
        thumbnail.bottomLetter,
        LayoutPoint(rect.x + rect.width / 2 - half, rect.maxY - inset - 2 * half)
      ),
    ]
    // A dark box under each letter keeps it readable over bright soft tissue.
    return places.flatMap { letter, origin -> [LayoutElement] in
      let backing = LayoutRect(x: origin.x, y: origin.y + 1, width: 2 * half, height: 2 * half - 1)
      return [
        .rect(backing, fill: RGBColor(red: 0.1, green: 0.1, blue: 0.1), stroke: nil),
        .text(TextRun(letter, at: origin, width: 2 * half, style: letterStyle, singleLine: true)),
      ]
    }
  }

  private func scaleBar(pointsPerMM: Double, in rect: LayoutRect) -> [LayoutElement] {
    ScaleBar(
      lengthMM: Self.scaleBarMM, insetPT: 6, tickPT: 2.5, lineWidthPT: 1.2,
      textSizePT: ReportStyle.tinySizePT, labelRisePT: 11
    ).elements(pointsPerMM: pointsPerMM, in: rect)
  }
}
