/// How a DICOM person name reads on a page.
///
/// A PN value holds up to three `=`-separated groups (alphabetic, ideographic, phonetic), each
/// `Family^Given^Middle^Prefix^Suffix`. Alphabetic groups read "Family, Given Middle";
/// ideographic groups run their parts together as Chinese and Japanese names are written
/// ("张^伟" reads "张伟"); a second group follows the first in parentheses. A name without `^`
/// or `=` (as typed into a manifest) is shown as written.
enum PersonNameText {
  /// Scalars from here up are CJK radicals, ideographs, kana and hangul (and rarer scripts that
  /// are also written without spaces between family and given name).
  static let ideographicStart: UInt32 = 0x2E80

  static func display(_ raw: String) -> String {
    guard raw.contains("^") || raw.contains("=") else { return raw }

    let groups = raw.split(separator: "=", omittingEmptySubsequences: false)
      .map { group(String($0)) }
      .filter { !$0.isEmpty }

    guard let first = groups.first else { return "" }
    let others = groups.dropFirst().filter { $0 != first }
    return others.isEmpty ? first : first + " (" + others.joined(separator: "; ") + ")"
  }

  private static func group(_ text: String) -> String {
    var parts = text.split(separator: "^", omittingEmptySubsequences: false)
      .map { $0.trimmingSpaces }
    while parts.count < 5 { parts.append("") }
    let (family, prefix, suffix) = (parts[0], parts[3], parts[4])
    let given = [parts[1], parts[2]].filter { !$0.isEmpty }

    if text.unicodeScalars.contains(where: { $0.value >= ideographicStart }) {
      return ([prefix, family] + given + [suffix]).joined()
    }
    var name = family
    if !given.isEmpty {
      name =
        family.isEmpty ? given.joined(separator: " ") : family + ", " + given.joined(separator: " ")
    }
    if !prefix.isEmpty { name = prefix + " " + name }
    if !suffix.isEmpty { name += ", " + suffix }
    return name
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
