/// One option a subcommand accepts.
public struct OptionSpec: Sendable {
  public var names: [String]
  public var valueName: String?
  public var help: String
  public var repeatable: Bool

  /// - Parameters:
  ///   - names: spellings including dashes, e.g. `["-o", "--out"]`; the last is the canonical key.
  ///   - valueName: nil for a flag, otherwise the placeholder shown in help (the option takes a value).
  public init(
    _ names: [String], value valueName: String? = nil, repeatable: Bool = false, help: String
  ) {
    self.names = names
    self.valueName = valueName
    self.help = help
    self.repeatable = repeatable
  }

  var key: String { names.last! }  // every spec is declared with at least one name
}

/// What a subcommand accepts: options, and how many positional arguments.
public struct CommandSpec: Sendable {
  public var name: String
  public var summary: String
  public var usage: String
  public var options: [OptionSpec]
  public var minPositionals: Int
  public var maxPositionals: Int?

  public init(
    name: String, summary: String, usage: String, options: [OptionSpec], minPositionals: Int = 0,
    maxPositionals: Int? = nil
  ) {
    self.name = name
    self.summary = summary
    self.usage = usage
    self.options = options + [OptionSpec(["-h", "--help"], help: "Show this help.")]
    self.minPositionals = minPositionals
    self.maxPositionals = maxPositionals
  }

  /// Help text for `ctcase NAME --help`.
  public var helpText: String {
    var lines = ["usage: ctcase \(usage)", "", summary, "", "options:"]
    for o in options {
      let spelled = o.names.joined(separator: ", ") + (o.valueName.map { " \($0)" } ?? "")
      let padded = spelled.padding(toLength: max(spelled.count, 26), withPad: " ", startingAt: 0)
      lines.append("  \(padded)  \(o.help)")
    }
    return lines.joined(separator: "\n")
  }
}

/// A command line that broke the rules of its spec; the CLI exits with code 2.
public struct UsageError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The parsed command line of one subcommand.
public struct ParsedArguments: Sendable, Equatable {
  public var positionals: [String] = []
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  /// True if the flag (canonical name, e.g. `--json`) was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The last value given for an option, if any.
  public func value(_ name: String) -> String? { values[name]?.last }

  /// Every value given for a repeatable option, in order.
  public func values(_ name: String) -> [String] { values[name] ?? [] }

  /// The value parsed as an integer within a range, or nil if absent.
  /// - Throws: `UsageError` naming the option when the value is not such an integer.
  public func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
    guard let text = value(name) else { return nil }
    guard let v = Int(text), range.contains(v) else {
      throw UsageError(
        "\(name) expects an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
    }
    return v
  }

  /// The value parsed as a number, or nil if absent.
  /// - Throws: `UsageError` naming the option when the value is not a finite number.
  public func number(_ name: String) throws -> Double? {
    guard let text = value(name) else { return nil }
    guard let v = Double(text), v.isFinite else {
      throw UsageError("\(name) expects a number, got '\(text)'")
    }
    return v
  }
}

/// The one place where command lines are parsed: `--opt value`, `--opt=value`, flags, `--` ends
/// options. Unknown options, missing values and wrong positional counts are `UsageError`s.
public enum ArgumentParser {
  public static func parse(_ args: [String], spec: CommandSpec) throws -> ParsedArguments {
    var result = ParsedArguments()
    var index = 0
    var optionsEnded = false

    while index < args.count {
      let arg = args[index]
      index += 1
      if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
        result.positionals.append(arg)
        continue
      }
      if arg == "--" {
        optionsEnded = true
        continue
      }

      let (name, inlineValue) = splitInlineValue(arg)
      guard let option = spec.options.first(where: { $0.names.contains(name) }) else {
        throw UsageError("\(spec.name): unknown option '\(name)' (see ctcase \(spec.name) --help)")
      }
      guard option.valueName != nil else {
        if inlineValue != nil { throw UsageError("\(spec.name): option \(name) takes no value") }
        result.flags.insert(option.key)
        continue
      }

      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard index < args.count else {
          throw UsageError("\(spec.name): option \(name) needs a value")
        }
        value = args[index]
        index += 1
      }
      if !option.repeatable, result.values[option.key] != nil {
        throw UsageError("\(spec.name): option \(name) given more than once")
      }
      result.values[option.key, default: []].append(value)
    }

    if result.flags.contains("--help") { return result }
    try checkPositionals(result.positionals.count, spec: spec)
    return result
  }

  private static func splitInlineValue(_ arg: String) -> (String, String?) {
    guard arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") else { return (arg, nil) }
    return (String(arg[..<eq]), String(arg[arg.index(after: eq)...]))
  }

  private static func checkPositionals(_ count: Int, spec: CommandSpec) throws {
    if count < spec.minPositionals {
      throw UsageError("\(spec.name): missing argument (usage: ctcase \(spec.usage))")
    }
    if let max = spec.maxPositionals, count > max {
      throw UsageError("\(spec.name): too many arguments (usage: ctcase \(spec.usage))")
    }
  }
}
