/// One of `count` equal parts of a case list, for a cluster job array (`--shard i/n`).
///
/// Case `p` (0-based, in the order given) belongs to shard `p % count + 1`, so every shard gets
/// a near-equal share and the union of all shards is the whole list, each case once.
struct Shard: Equatable {
  var index: Int
  var count: Int

  static let whole = Shard(index: 1, count: 1)

  /// Parses `i/n` with 1 <= i <= n.
  /// - Throws: `UsageError` naming the option when the text is not of that form.
  init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1,
      (1...n).contains(i)
    else {
      throw UsageError("--shard expects i/n with 1 <= i <= n (e.g. 2/8), got '\(text)'")
    }
    self.init(index: i, count: n)
  }

  init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  func contains(position: Int) -> Bool { position % count == index - 1 }
}
