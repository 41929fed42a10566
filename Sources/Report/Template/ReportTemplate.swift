import Foundation

/// The report's sections, in the order a template may arrange them.
public enum ReportSection: String, Sendable, CaseIterable {
  case summary, timeline, studies, trends, decisions, methods
}

/// The template's named colours.
public struct TemplateColors: Sendable, Equatable {
  public var text: RGBColor
  public var muted: RGBColor
  public var accent: RGBColor
  public var rule: RGBColor
  public var alert: RGBColor
  public var stripe: RGBColor

  /// The JSON field names under `colors`, all required.
  static let fieldNames = ["text", "muted", "accent", "rule", "alert", "stripe"]
}

/// A report layout as data: language, page size, colours, header text, section order and
/// every fixed text. Loaded from `Templates/report/<name>.json` or a user file and validated
/// on load (see `ReportTemplate+Loading.swift`).
public struct ReportTemplate: Sendable, Equatable {
  public static let currentSchema = "ctcase.report-template/1"

  public var name: String
  /// BCP 47 tag such as `en` or `zh-CN`.
  public var language: String
  public var pageSize: PageSize
  public var headerText: String
  public var logoText: String
  public var colors: TemplateColors
  /// Track colours, indexed by `ReportTrack.colorIndex` modulo the count.
  public var trackColors: [RGBColor]
  /// Enabled sections in display order.
  public var sections: [ReportSection]
  public var strings: [String: String]
  /// SHA-256 of the template file's bytes, for provenance.
  public var sha256: String

  /// The fixed text for `key` with `{name}` placeholders replaced.
  /// Validation guarantees every key is present; a missing one shows its key.
  public func text(_ key: TemplateString, _ values: [String: String] = [:]) -> String {
    var result = strings[key.rawValue] ?? key.rawValue
    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
      result = result.replacingOccurrences(of: "{\(name)}", with: value)
    }
    return result
  }

  /// The colour of track colour index `index` (wraps around).
  public func trackColor(_ index: Int) -> RGBColor {
    let count = trackColors.count
    return trackColors[((index % count) + count) % count]
  }
}

extension ReportTemplate {
  /// A CT stage name in the template's language when the template defines `stage.<name>`
  /// (an optional extra string), else the name as the course stage gave it.
  public func stageName(_ stage: String) -> String {
    strings["stage.\(stage)"] ?? stage
  }

  /// A rule threshold in the template's words: `threshold.<name>.zero` when the value is 0 and
  /// the template has it, else `threshold.<name>`, else the rule set's own sentence.
  public func thresholdText(_ threshold: ReportThreshold) -> String {
    let key = "threshold." + threshold.name
    let zero = threshold.value == 0 ? strings[key + ".zero"] : nil
    guard let wording = zero ?? strings[key] else { return threshold.text }
    return
      wording
      .replacingOccurrences(of: "{value}", with: Self.plainNumber(threshold.value))
      .replacingOccurrences(of: "{percent}", with: Self.plainNumber(threshold.value * 100))
  }

  /// An optional string (`stage.`, `threshold.`, `figure.`, `choice.orientation.`,
  /// `choice.role.` families), nil when the template does not define it.
  public func optionalText(_ key: String) -> String? { strings[key] }

  /// The name of a figure an alert rule read (`figure.<name>`), or the raw name.
  public func figureName(_ name: String) -> String {
    strings["figure." + name] ?? name
  }

  /// Whole numbers without decimals, others with two.
  static func plainNumber(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
  }
}
