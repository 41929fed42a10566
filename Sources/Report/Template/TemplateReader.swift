import Foundation

/// Reads one JSON object of a template, turning every type mismatch into an error that names
/// the file and the dotted field path (`colors.accent`, `sections[2].id`).
struct TemplateReader {
  let path: String
  let field: String
  let dictionary: [String: Any]

  init(_ value: Any, path: String, field: String) throws {
    self.path = path
    self.field = field
    guard let dictionary = value as? [String: Any] else {
      throw ReportError.templateField(
        path: path, field: field.isEmpty ? "(top level)" : field, problem: "must be an object")
    }
    self.dictionary = dictionary
  }

  func fieldName(_ key: String) -> String { field.isEmpty ? key : "\(field).\(key)" }

  func fieldError(_ key: String, _ problem: String) -> ReportError {
    .templateField(path: path, field: fieldName(key), problem: problem)
  }

  func refuseUnknownKeys(allowed: Set<String>) throws {
    if let unknown = dictionary.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw fieldError(unknown, "unknown field")
    }
  }

  private func value(_ key: String) throws -> Any {
    guard let value = dictionary[key] else { throw fieldError(key, "missing") }
    return value
  }

  func string(_ key: String) throws -> String {
    guard let text = try value(key) as? String else { throw fieldError(key, "must be a string") }
    return text
  }

  func bool(_ key: String) throws -> Bool {
    // JSONSerialization gives NSNumber for numbers and booleans alike; only a JSON boolean
    // has the Objective-C type code "c".
    guard let number = try value(key) as? NSNumber, String(cString: number.objCType) == "c"
    else { throw fieldError(key, "must be true or false") }
    return number.boolValue
  }

  func array(_ key: String) throws -> [Any] {
    guard let items = try value(key) as? [Any] else { throw fieldError(key, "must be an array") }
    return items
  }

  func stringArray(_ key: String) throws -> [String] {
    guard let items = try value(key) as? [String] else {
      throw fieldError(key, "must be an array of strings")
    }
    return items
  }

  func object(_ key: String) throws -> TemplateReader {
    try TemplateReader(try value(key), path: path, field: fieldName(key))
  }

  func color(_ key: String) throws -> RGBColor {
    let hex = try string(key)
    guard let color = RGBColor(hex: hex) else {
      throw fieldError(key, "\"\(hex)\" is not a #RRGGBB colour")
    }
    return color
  }
}
