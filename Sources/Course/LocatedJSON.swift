/// A parsed JSON value that remembers the 1-based line it starts on.
///
/// `JSONDecoder` reports neither lines nor unknown keys, and both matter here: a user's manifest
/// or rule set that is wrong must be refused with the line and the field at fault. Objects keep
/// their members in file order so "unknown key" and "duplicate key" can be reported precisely.
public struct LocatedJSON: Sendable, Equatable {
  /// One JSON value; numbers are held as `Double`.
  public indirect enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([LocatedJSON])
    case object([Member])
  }

  /// One `"key": value` pair of an object, with the line the key is written on.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var line: Int
    public var value: LocatedJSON
  }

  public var value: Value
  /// The 1-based line where the value starts.
  public var line: Int

  /// A short name of the value's JSON type for error messages ("a string", "an object").
  public var kindName: String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// Parses UTF-8 JSON text.
  /// - Throws: `LocatedJSONSyntaxError` with the line of the first character that is wrong.
  public static func parse(_ text: String) throws -> LocatedJSON {
    var parser = LocatedJSONParser(Array(text.utf8))
    return try parser.parseDocument()
  }
}

/// JSON text that is not well formed; `line` is 1-based.
public struct LocatedJSONSyntaxError: Error, Sendable, Equatable {
  public var line: Int
  public var problem: String
}
