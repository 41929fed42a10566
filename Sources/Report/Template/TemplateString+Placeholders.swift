import Foundation

extension TemplateString {
  /// The `{name}` placeholders the layout fills in this text. A template text holding any
  /// other is refused on load: it would otherwise print literally in the report.
  var placeholders: Set<String> {
    switch self {
    case .pageNumber: ["n", "total"]
    case .studyTitle: ["label", "date", "day"]
    case .alertFirstFired: ["day", "date", "study"]
    case .seePage: ["page"]
    case .ageYears, .choiceBestOf: ["n"]
    case .thickSliceCaveat: ["thickness", "limit"]
    case .slicePosition: ["axis", "mm", "index"]
    case .choiceVolumeFile: ["name"]
    case .choiceThickness, .choiceCoverage: ["value"]
    case .choiceSetAside: ["list"]
    default: []
    }
  }

  /// The placeholders an optional string (`threshold.`, `stage.`... families) may hold: a rule
  /// threshold's value and percentage; none for the others.
  static func optionalPlaceholders(_ key: String) -> Set<String> {
    key.hasPrefix("threshold.") ? ["value", "percent"] : []
  }

  /// Every `{name}` in `text` (a name is letters, digits and underscores), in order of first
  /// appearance. Braces around anything else are plain text.
  static func placeholderNames(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let name = after[..<close]
      let isName =
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0 == "_" || isASCIIAlphanumeric($0) }
      if isName && !names.contains(String(name)) { names.append(String(name)) }
      rest = isName ? after[after.index(after: close)...] : after
    }
    return names
  }

  private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
