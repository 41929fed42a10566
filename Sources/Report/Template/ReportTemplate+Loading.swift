import Foundation

extension ReportTemplate {
  /// Names of the templates shipped in `Templates/report/`.
  public static let shippedNames = ["standard", "zh-CN"]

  /// Loads a template by shipped name or file path.
  ///
  /// A value ending in `.json` or containing `/` is a path; otherwise it names a file
  /// `<name>.json` in `directory` (normally `Templates/report`).
  /// - Throws: `ReportError.templateNotFound`, `.templateUnreadable` or `.templateField`
  ///   naming the field that is wrong.
  public static func load(_ nameOrPath: String, directory: URL?) throws -> ReportTemplate {
    if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
      return try load(contentsOf: URL(fileURLWithPath: nameOrPath))
    }
    guard let directory else {
      throw ReportError.templateNotFound(name: nameOrPath, searched: "no Templates folder found")
    }
    let url = directory.appendingPathComponent("\(nameOrPath).json")
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw ReportError.templateNotFound(name: nameOrPath, searched: directory.path)
    }
    return try load(contentsOf: url)
  }

  /// Reads and validates one template file.
  /// - Throws: `ReportError.templateUnreadable` or `.templateField`.
  public static func load(contentsOf url: URL) throws -> ReportTemplate {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ReportError.templateUnreadable(path: url.path, reason: "file cannot be read")
    }
    return try parse(data, path: url.lastPathComponent)
  }

  /// Validates template JSON. `path` names the file in errors.
  /// - Throws: `ReportError.templateUnreadable` or `.templateField`.
  public static func parse(_ data: Data, path: String) throws -> ReportTemplate {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ReportError.templateUnreadable(path: path, reason: "not valid JSON")
    }
    let root = try TemplateReader(object, path: path, field: "")
    try root.refuseUnknownKeys(allowed: topLevelKeys)
    guard try root.string("schema") == currentSchema else {
      throw ReportError.templateField(
        path: path, field: "schema", problem: "must be \"\(currentSchema)\"")
    }

    let (headerText, logoText) = (try root.string("header_text"), try root.string("logo_text"))
    try checkPlaceholders(headerText, allowed: [], key: "header_text", in: root)
    try checkPlaceholders(logoText, allowed: [], key: "logo_text", in: root)

    return ReportTemplate(
      name: try root.string("name"), language: try root.string("language"),
      pageSize: try parsePageSize(root), headerText: headerText,
      logoText: logoText, colors: try parseColors(root.object("colors")),
      trackColors: try parseTrackColors(root), sections: try parseSections(root),
      strings: try parseStrings(root.object("strings")), sha256: Checksum.sha256Hex(data))
  }

  static let stageKeyPrefix = "stage."
  /// Optional string families: course stage names, alert-rule threshold wordings and the
  /// names of the figures rules read. A template without one falls back to the raw name.
  static let optionalKeyPrefixes = [
    stageKeyPrefix, "threshold.", "figure.", "choice.orientation.", "choice.role.",
  ]

  static let topLevelKeys: Set<String> = [
    "schema", "name", "language", "page_size", "header_text", "logo_text", "colors",
    "track_colors", "sections", "strings",
  ]

  private static func parsePageSize(_ root: TemplateReader) throws -> PageSize {
    let text = try root.string("page_size")
    guard let size = PageSize(rawValue: text) else {
      throw root.fieldError("page_size", "\"\(text)\" is not A4 or Letter")
    }
    return size
  }

  private static func parseColors(_ colors: TemplateReader) throws -> TemplateColors {
    try colors.refuseUnknownKeys(allowed: Set(TemplateColors.fieldNames))
    return TemplateColors(
      text: try colors.color("text"), muted: try colors.color("muted"),
      accent: try colors.color("accent"), rule: try colors.color("rule"),
      alert: try colors.color("alert"), stripe: try colors.color("stripe"))
  }

  private static func parseTrackColors(_ root: TemplateReader) throws -> [RGBColor] {
    let items = try root.stringArray("track_colors")
    guard !items.isEmpty else { throw root.fieldError("track_colors", "must not be empty") }
    return try items.enumerated().map { index, hex in
      guard let color = RGBColor(hex: hex) else {
        throw root.fieldError("track_colors[\(index)]", "\"\(hex)\" is not a #RRGGBB colour")
      }
      return color
    }
  }

  private static func parseSections(_ root: TemplateReader) throws -> [ReportSection] {
    let items = try root.array("sections")
    var seen = Set<ReportSection>()
    var enabled: [ReportSection] = []
    for (index, item) in items.enumerated() {
      let entry = try TemplateReader(item, path: root.path, field: "sections[\(index)]")
      try entry.refuseUnknownKeys(allowed: ["id", "enabled"])
      let id = try entry.string("id")
      guard let section = ReportSection(rawValue: id) else {
        let known = ReportSection.allCases.map(\.rawValue).joined(separator: ", ")
        throw entry.fieldError("id", "\"\(id)\" is not a section (\(known))")
      }
      guard seen.insert(section).inserted else {
        throw entry.fieldError("id", "\"\(id)\" appears more than once")
      }
      if try entry.bool("enabled") { enabled.append(section) }
    }
    return enabled
  }

  private static func parseStrings(_ strings: TemplateReader) throws -> [String: String] {
    let known = Set(TemplateString.allCases.map(\.rawValue))
    let extra = strings.dictionary.keys.filter { key in
      optionalKeyPrefixes.contains { key.hasPrefix($0) }
    }
    try strings.refuseUnknownKeys(allowed: known.union(extra))
    var result: [String: String] = [:]
    for key in extra.sorted() {
      let value = try strings.string(key)
      try checkPlaceholders(
        value, allowed: TemplateString.optionalPlaceholders(key), key: key, in: strings)
      result[key] = value
    }
    for key in TemplateString.allCases {
      let value = try strings.string(key.rawValue)
      guard !value.isEmpty else { throw strings.fieldError(key.rawValue, "must not be empty") }
      try checkPlaceholders(value, allowed: key.placeholders, key: key.rawValue, in: strings)
      result[key.rawValue] = value
    }
    return result
  }

  /// Refuses a `{name}` the layout does not fill in this text (a typo or a field from another
  /// text), naming it and the ones the text may use.
  private static func checkPlaceholders(
    _ value: String, allowed: Set<String>, key: String, in object: TemplateReader
  ) throws {
    guard
      let unknown = TemplateString.placeholderNames(in: value).first(where: {
        !allowed.contains($0)
      })
    else { return }
    let known =
      allowed.isEmpty
      ? "this text takes none"
      : "this text takes " + allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
    throw object.fieldError(key, "unknown placeholder {\(unknown)} (\(known))")
  }
}
