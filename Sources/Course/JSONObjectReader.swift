/// A problem with one field of a JSON input file.
///
/// `file` is the name the user knows the file by (never patient data), `field` the dotted path
/// such as `studies[2].date` (empty for the document itself), `line` 1-based.
public struct JSONFieldError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var field: String
  public var problem: String

  public init(file: String, line: Int, field: String, problem: String) {
    self.file = file
    self.line = line
    self.field = field
    self.problem = problem
  }

  public var description: String {
    field.isEmpty
      ? "\(file): line \(line): \(problem)" : "\(file): \(field): \(problem) (line \(line))"
  }
}

/// Typed, validated access to one JSON object, producing `JSONFieldError`s that name the file,
/// the field path and the line.
public struct JSONObjectReader: Sendable {
  public let file: String
  /// Dotted path of this object ("" for the document root).
  public let path: String
  public let node: LocatedJSON
  private let members: [LocatedJSON.Member]

  /// - Throws: `JSONFieldError` when `node` is not an object or repeats a key.
  public init(file: String, path: String, node: LocatedJSON) throws {
    guard case .object(let members) = node.value else {
      throw JSONFieldError(
        file: file, line: node.line, field: path,
        problem: "expected an object, got \(node.kindName)")
    }
    self.file = file
    self.path = path
    self.node = node
    self.members = members
    var seen = Set<String>()
    for m in members where !seen.insert(m.key).inserted {
      throw JSONFieldError(
        file: file, line: m.line, field: fieldPath(m.key), problem: "key given more than once")
    }
  }

  /// Parses `text` and reads its root object.
  /// - Throws: `JSONFieldError` for malformed JSON (with the line) or a root that is no object.
  public static func document(_ text: String, file: String) throws -> JSONObjectReader {
    do {
      return try JSONObjectReader(file: file, path: "", node: try LocatedJSON.parse(text))
    } catch let e as LocatedJSONSyntaxError {
      throw JSONFieldError(
        file: file, line: e.line, field: "", problem: "not valid JSON: \(e.problem)")
    }
  }

  /// The keys of this object in file order.
  public var memberKeys: [String] { members.map(\.key) }

  /// The dotted path of a member of this object.
  public func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// An error about `key` (or about this object when the key is absent), at the key's line.
  public func error(_ key: String, _ problem: String) -> JSONFieldError {
    let line = members.first { $0.key == key }?.line ?? node.line
    return JSONFieldError(file: file, line: line, field: fieldPath(key), problem: problem)
  }

  /// Refuses any key not in `allowed`, naming the first one found.
  public func refuseUnknownKeys(_ allowed: Set<String>) throws {
    for m in members where !allowed.contains(m.key) {
      throw JSONFieldError(
        file: file, line: m.line, field: fieldPath(m.key),
        problem: "unknown key (allowed: \(allowed.sorted().joined(separator: ", ")))")
    }
  }

  /// The member's value, or nil when it is absent or JSON null.
  public func optionalValue(_ key: String) -> LocatedJSON? {
    guard let v = members.first(where: { $0.key == key })?.value else { return nil }
    if case .null = v.value { return nil }
    return v
  }

  private func required(_ key: String) throws -> LocatedJSON {
    guard let v = optionalValue(key) else { throw error(key, "required field is missing") }
    return v
  }

  public func optionalString(_ key: String) throws -> String? {
    guard let v = optionalValue(key) else { return nil }
    guard case .string(let s) = v.value else {
      throw error(key, "expected a string, got \(v.kindName)")
    }
    return s
  }

  public func string(_ key: String) throws -> String {
    _ = try required(key)
    return try optionalString(key) ?? ""
  }

  public func optionalNumber(_ key: String) throws -> Double? {
    guard let v = optionalValue(key) else { return nil }
    guard case .number(let n) = v.value else {
      throw error(key, "expected a number, got \(v.kindName)")
    }
    return n
  }

  public func number(_ key: String) throws -> Double {
    let v = try required(key)
    guard case .number(let n) = v.value else {
      throw error(key, "expected a number, got \(v.kindName)")
    }
    return n
  }

  public func optionalBool(_ key: String) throws -> Bool? {
    guard let v = optionalValue(key) else { return nil }
    guard case .bool(let b) = v.value else {
      throw error(key, "expected true or false, got \(v.kindName)")
    }
    return b
  }

  public func optionalObject(_ key: String) throws -> JSONObjectReader? {
    guard let v = optionalValue(key) else { return nil }
    return try JSONObjectReader(file: file, path: fieldPath(key), node: v)
  }

  public func object(_ key: String) throws -> JSONObjectReader {
    try JSONObjectReader(file: file, path: fieldPath(key), node: try required(key))
  }

  /// The elements of an array member, each with its path (`key[i]`); absent means empty.
  public func array(_ key: String, required isRequired: Bool) throws -> [(String, LocatedJSON)] {
    guard let v = isRequired ? try required(key) : optionalValue(key) else { return [] }
    guard case .array(let items) = v.value else {
      throw error(key, "expected an array, got \(v.kindName)")
    }
    return items.enumerated().map { ("\(fieldPath(key))[\($0.offset)]", $0.element) }
  }
}
