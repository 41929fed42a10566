/// Builds the report's pages from a `ReportInput` and a template: the layout model the
/// renderer draws. Text is measured through `measurer` so boxes fit what is drawn.
public struct ReportLayoutBuilder {
  /// A font file to list on the methods page.
  public typealias FontRecord = FontFile

  let input: ReportInput
  let template: ReportTemplate
  let style: ReportStyle
  let pageSize: PageSize
  let measurer: any TextMeasuring
  let fonts: [FontFile]
  /// Page index of each study's first page and of each section, from a first pass.
  var studyPages: [Int] = []
  var sectionPages: [ReportSection: Int] = [:]

  /// - Parameters:
  ///   - input: what the report shows; its title is shown as `TitleText` displays it.
  ///   - pageSize: overrides the template's page size when given (US Letter on request).
  ///   - fonts: the embedded font files and hashes, listed under methods.
  public init(
    input: ReportInput, template: ReportTemplate, pageSize: PageSize? = nil,
    measurer: any TextMeasuring, fonts: [FontFile]
  ) {
    self.input = input.displayed
    self.template = template
    self.style = ReportStyle(template: template)
    self.pageSize = pageSize ?? template.pageSize
    self.measurer = measurer
    self.fonts = fonts
  }

  /// Lays out the whole document. A first pass finds the page of each study so the summary
  /// can link to it and print its number; the second pass is the result.
  /// - Throws: `ReportError.invalidInput` when the input breaks a rule the layout relies on.
  public func build() throws -> LayoutDocument {
    try input.validate()
    let first = layoutPass()
    var second = self
    second.studyPages = first.studyPages
    second.sectionPages = first.sectionPages
    return second.layoutPass().document
  }

  private func layoutPass() -> (
    document: LayoutDocument, studyPages: [Int], sectionPages: [ReportSection: Int]
  ) {
    var flow = PageFlow(pageSize: pageSize.size, measurer: measurer)
    var studyPages: [Int] = []
    var sectionPages: [ReportSection: Int] = [:]
    for section in template.sections {
      flow.newPage()
      sectionPages[section] = flow.pageIndex
      switch section {
      case .summary: summary(in: &flow)
      case .timeline: timeline(in: &flow)
      case .studies: studyPages = studies(in: &flow)
      case .trends: trends(in: &flow)
      case .decisions: decisions(in: &flow)
      case .methods: methods(in: &flow)
      }
    }
    let pages = PageFurniture(input: input, style: style).decorate(flow.pages)
    let document = LayoutDocument(
      pages: pages, outline: flow.outline, metadata: metadata(), language: template.language)
    return (document, studyPages, sectionPages)
  }

  func text(_ key: TemplateString, _ values: [String: String] = [:]) -> String {
    template.text(key, values)
  }

  /// A section title at the top of its page, with its outline entry.
  @discardableResult
  func sectionTitle(_ title: String, in flow: inout PageFlow) -> Int {
    let index = flow.bookmark(title)
    flow.paragraph(title, style: style.heading, gapAfter: 2)
    flow.rule(color: style.colors.accent, gapAfter: 8)
    return index
  }

  /// A bold sub-heading kept on the same page as at least `keep` points of what follows.
  func subheading(_ title: String, keep: Double = 40, in flow: inout PageFlow) {
    flow.y += 4
    flow.ensure(keep + 16)
    flow.paragraph(title, style: style.subheading, gapAfter: 3)
  }

  private func metadata() -> DocumentMetadata {
    DocumentMetadata.forCase(
      input, subject: text(.summaryTitle) + " · " + template.headerText)
  }
}

extension DocumentMetadata {
  /// Metadata for a document made from `input`: its title, and the last study date (when the
  /// content was fixed) as creation and modification date, so no clock reading lands in a file.
  public static func forCase(_ input: ReportInput, subject: String) -> DocumentMetadata {
    let last = input.studies.last?.date ?? "1970-01-01"
    let stamp = "\(last)T00:00:00"
    return DocumentMetadata(
      title: input.title, subject: subject, creator: "ctcase \(input.provenance.toolVersion)",
      keywords: "chest CT; case report", createDate: stamp, modDate: stamp)
  }
}
