/// A small recursive-descent JSON parser (RFC 8259) that tracks line numbers.
struct LocatedJSONParser {
  /// Nesting deeper than this is refused so hostile input cannot exhaust the stack.
  private static let maximumDepth = 256

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var depth = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func parseDocument() throws -> LocatedJSON {
    skipWhitespace()
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else { throw fail("unexpected text after the JSON value") }
    return value
  }

  private func fail(_ problem: String) -> LocatedJSONSyntaxError {
    LocatedJSONSyntaxError(line: line, problem: problem)
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
      if c == 0x0A { line += 1 }
      index += 1
    }
  }

  private mutating func expect(_ c: UInt8, _ what: String) throws {
    guard current == c else { throw fail("expected \(what)") }
    index += 1
  }

  private mutating func parseValue() throws -> LocatedJSON {
    let startLine = line
    guard let c = current else { throw fail("unexpected end of text") }
    let value: LocatedJSON.Value
    switch c {
    case UInt8(ascii: "{"): value = try parseObject()
    case UInt8(ascii: "["): value = try parseArray()
    case UInt8(ascii: "\""): value = .string(try parseString())
    case UInt8(ascii: "t"): value = try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): value = try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): value = try parseLiteral("null", .null)
    default: value = .number(try parseNumber())
    }
    return LocatedJSON(value: value, line: startLine)
  }

  private mutating func parseLiteral(
    _ word: String, _ value: LocatedJSON.Value
  ) throws -> LocatedJSON.Value {
    for b in word.utf8 {
      guard current == b else { throw fail("invalid literal (expected \(word))") }
      index += 1
    }
    return value
  }

  private mutating func enterNesting() throws {
    depth += 1
    guard depth <= Self.maximumDepth else { throw fail("nesting deeper than 256 levels") }
  }

  private mutating func parseObject() throws -> LocatedJSON.Value {
    try enterNesting()
    defer { depth -= 1 }
    index += 1
    var members: [LocatedJSON.Member] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      let keyLine = line
      guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
      let key = try parseString()
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "':' after a key")
      skipWhitespace()
      members.append(LocatedJSON.Member(key: key, line: keyLine, value: try parseValue()))
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}' in an object")
      return .object(members)
    }
  }

  private mutating func parseArray() throws -> LocatedJSON.Value {
    try enterNesting()
    defer { depth -= 1 }
    index += 1
    var items: [LocatedJSON] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']' in an array")
      return .array(items)
    }
  }

  private mutating func parseNumber() throws -> Double {
    let start = index
    let allowed = Set("+-0123456789.eE".utf8)
    while let c = current, allowed.contains(c) { index += 1 }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard !text.isEmpty else { throw fail("unexpected character") }
    guard isStrictNumber(text), let v = Double(text), v.isFinite else {
      throw fail("invalid number '\(text)'")
    }
    return v
  }

  /// JSON forbids a leading '+', leading zeros and a bare '.', all of which `Double(_:)` accepts.
  private func isStrictNumber(_ text: String) -> Bool {
    var s = Substring(text)
    if s.hasPrefix("-") { s = s.dropFirst() }
    guard let first = s.first, first.isASCII, first.isNumber else { return false }
    if first == "0", let next = s.dropFirst().first, next.isNumber { return false }
    if let dot = s.firstIndex(of: ".") {
      guard let d = s[s.index(after: dot)...].first, d.isNumber else { return false }
    }
    return true
  }

  private mutating func parseString() throws -> String {
    index += 1
    var out: [UInt8] = []
    while true {
      guard let c = current else { throw fail("unterminated string") }
      index += 1
      switch c {
      case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"): try appendEscape(to: &out)
      case 0x00..<0x20: throw fail("control character inside a string")
      default: out.append(c)
      }
    }
  }

  private static let simpleEscapes: [UInt8: UInt8] = [
    UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
    UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
    UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
  ]

  private mutating func appendEscape(to out: inout [UInt8]) throws {
    guard let e = current else { throw fail("unterminated escape") }
    index += 1
    if let s = Self.simpleEscapes[e] {
      out.append(s)
      return
    }
    guard e == UInt8(ascii: "u") else { throw fail("invalid escape in a string") }
    var scalar = try parseHex4()
    if (0xD800..<0xDC00).contains(scalar) {
      try expect(UInt8(ascii: "\\"), "a low surrogate escape")
      try expect(UInt8(ascii: "u"), "a low surrogate escape")
      let low = try parseHex4()
      guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid surrogate pair") }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let u = Unicode.Scalar(scalar) else { throw fail("invalid unicode escape") }
    out.append(contentsOf: Array(String(Character(u)).utf8))
  }

  private mutating func parseHex4() throws -> UInt32 {
    guard index + 4 <= bytes.count,
      let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw fail("invalid \\u escape") }
    index += 4
    return v
  }
}
