import Course
import Foundation

extension RuleSet {
  /// The rule set a case uses when it names none.
  public static let defaultName = "covid-alerts"

  private static let topLevelKeys: Set<String> = [
    "schema", "name", "version", "description", "disclaimer", "rules",
  ]
  private static let ruleKeys: Set<String> = [
    "id", "kind", "title", "thresholds", "recommendation", "translations",
  ]
  /// Threshold keys that count things and so must be whole numbers.
  private static let countKeys: Set<String> = ["min_lesion_count", "min_new_lesions"]
  /// Threshold keys that are fractions of one.
  private static let fractionKeys: Set<String> = ["min_ggo_fraction"]

  /// Loads a rule set by name (`Templates/rules/<name>.json`) or from a path to a JSON file.
  /// - Parameter rulesFolder: where named rule sets live; nil finds `Templates/rules` (see
  ///   `RuleSetLocator`).
  /// - Throws: `DecisionsError` naming the file and, for bad content, the field and line.
  public static func load(_ nameOrPath: String, rulesFolder: URL? = nil) throws -> RuleSet {
    let url = try RuleSetLocator.locate(nameOrPath, rulesFolder: rulesFolder)
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw DecisionsError.unreadable(path: url.path, reason: "not readable as UTF-8 text")
    }
    do {
      return try decode(text, file: url.lastPathComponent)
    } catch let e as JSONFieldError {
      throw DecisionsError.ruleSet(e)
    }
  }

  /// Validates rule-set text; `file` names it in errors.
  /// - Throws: `JSONFieldError` for the first problem (with its line and field path).
  public static func decode(_ text: String, file: String) throws -> RuleSet {
    let root = try JSONObjectReader.document(text, file: file)
    try root.refuseUnknownKeys(topLevelKeys)
    let schema = try root.string("schema")
    guard schema == schemaID else {
      throw root.error("schema", "\"\(schema)\" is not supported (expected \"\(schemaID)\")")
    }
    let items = try root.array("rules", required: true)
    guard !items.isEmpty else { throw root.error("rules", "at least one rule is required") }
    var rules: [Rule] = []
    for (path, node) in items {
      let rule = try decodeRule(JSONObjectReader(file: file, path: path, node: node))
      if rules.contains(where: { $0.id == rule.id }) {
        let r = try JSONObjectReader(file: file, path: path, node: node)
        throw r.error("id", "\"\(rule.id)\" is used by an earlier rule")
      }
      rules.append(rule)
    }
    return RuleSet(
      name: try root.string("name"), version: try root.string("version"),
      description: try root.optionalString("description"),
      disclaimer: try root.string("disclaimer"), rules: rules)
  }

  private static func decodeRule(_ r: JSONObjectReader) throws -> Rule {
    try r.refuseUnknownKeys(ruleKeys)
    let id = try r.string("id")
    guard !id.isEmpty else { throw r.error("id", "must not be empty") }
    let kindText = try r.string("kind")
    guard let kind = Rule.Kind(rawValue: kindText) else {
      let known = Rule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
      throw r.error("kind", "unknown rule kind \"\(kindText)\" (known: \(known))")
    }
    return Rule(
      id: id, kind: kind, title: try r.string("title"),
      thresholds: try decodeThresholds(try r.object("thresholds"), kind: kind),
      recommendation: try r.string("recommendation"),
      translations: try decodeTranslations(try r.optionalObject("translations")))
  }

  private static func decodeThresholds(
    _ t: JSONObjectReader, kind: Rule.Kind
  ) throws -> [String: Double] {
    let keys = Set(kind.thresholdUnits.keys)
    try t.refuseUnknownKeys(keys)
    var values: [String: Double] = [:]
    for key in keys.sorted() {
      let v = try t.number(key)
      guard v >= 0 else { throw t.error(key, "must not be negative, got \(v)") }
      if countKeys.contains(key), v != v.rounded() {
        throw t.error(key, "must be a whole number, got \(v)")
      }
      if fractionKeys.contains(key), v > 1 {
        throw t.error(key, "must be a fraction between 0 and 1, got \(v)")
      }
      values[key] = v
    }
    return values
  }

  private static func decodeTranslations(_ t: JSONObjectReader?) throws -> [String: RuleText] {
    guard let t else { return [:] }
    var texts: [String: RuleText] = [:]
    for member in t.memberKeys {
      let o = try t.object(member)
      try o.refuseUnknownKeys(["title", "recommendation"])
      texts[member] = RuleText(
        title: try o.string("title"), recommendation: try o.string("recommendation"))
    }
    return texts
  }
}
