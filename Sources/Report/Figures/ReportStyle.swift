/// Type sizes, line widths and colours shared by pages and figures, derived from a template.
public struct ReportStyle: Sendable {
  public static let bodySizePT = 9.0
  public static let smallSizePT = 7.5
  public static let tinySizePT = 6.5
  public static let titleSizePT = 17.0
  public static let headingSizePT = 12.0
  public static let subheadingSizePT = 9.5
  public static let hairlinePT = 0.5
  public static let dataLinePT = 1.2

  public let template: ReportTemplate

  public init(template: ReportTemplate) {
    self.template = template
  }

  public var colors: TemplateColors { template.colors }

  public var body: TextStyle { TextStyle(sizePT: Self.bodySizePT, color: colors.text) }
  public var small: TextStyle { TextStyle(sizePT: Self.smallSizePT, color: colors.text) }
  public var muted: TextStyle { TextStyle(sizePT: Self.smallSizePT, color: colors.muted) }
  public var tiny: TextStyle { TextStyle(sizePT: Self.tinySizePT, color: colors.muted) }
  public var title: TextStyle {
    TextStyle(sizePT: Self.titleSizePT, bold: true, color: colors.accent)
  }
  public var heading: TextStyle {
    TextStyle(sizePT: Self.headingSizePT, bold: true, color: colors.accent)
  }
  public var subheading: TextStyle {
    TextStyle(sizePT: Self.subheadingSizePT, bold: true, color: colors.text)
  }
  public var hairline: StrokeStyle { StrokeStyle(color: colors.rule, widthPT: Self.hairlinePT) }
  public var axisLine: StrokeStyle { StrokeStyle(color: colors.text, widthPT: 0.6) }

  /// Dash patterns per track (solid, dashed, dotted, dash-dot), cycled with the colour index,
  /// so tracks stay apart in grayscale print.
  public static let trackDashes: [[Double]] = [[], [4, 2], [1.2, 1.6], [5, 1.8, 1.2, 1.8]]

  /// The stroke, marker and colour of a track, from its colour index.
  public func trackLook(_ colorIndex: Int) -> (stroke: StrokeStyle, marker: MarkerShape.Kind) {
    let dashes = Self.trackDashes[colorIndex % Self.trackDashes.count]
    let kinds = MarkerShape.Kind.allCases
    let stroke = StrokeStyle(
      color: template.trackColor(colorIndex), widthPT: Self.dataLinePT, dashPT: dashes)
    return (stroke, kinds[colorIndex % kinds.count])
  }
}
