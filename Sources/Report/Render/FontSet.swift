import CPango
import Foundation

/// A font file the report embeds, with its SHA-256 for the provenance record.
public struct FontFile: Sendable, Equatable {
  public var path: String
  public var sha256: String
}

/// The private font set: a fontconfig configuration holding exactly the report's font files,
/// attached to a PangoCairo font map of its own, so no user or system font can change the
/// output. Owns the fontconfig and Pango objects and frees them on deinit.
public final class FontSet {
  /// Noto Sans for Latin text, Noto Sans CJK (SC face chosen by language) for Chinese.
  public static let defaultFontPaths = [
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
  ]
  /// The Pango family list: Latin first, then CJK for the characters Noto Sans lacks.
  public static let familyList = "Noto Sans,Noto Sans CJK SC"

  public let files: [FontFile]
  let config: OpaquePointer
  let fontMap: UnsafeMutablePointer<PangoFontMap>

  /// Builds the private configuration from `paths` (calls `FcConfigCreate`,
  /// `FcConfigAppFontAddFile`, `pango_cairo_font_map_new_for_font_type`,
  /// `pango_fc_font_map_set_config`) and hashes each file.
  /// - Throws: `ReportError.fontUnavailable` naming the first file that is missing or refused.
  public init(paths: [String] = FontSet.defaultFontPaths) throws {
    guard let config = FcConfigCreate() else {
      throw ReportError.fontUnavailable(path: "fontconfig")
    }
    for path in paths {
      guard FileManager.default.fileExists(atPath: path),
        FcConfigAppFontAddFile(config, path) == FcTrue
      else {
        FcConfigDestroy(config)
        throw ReportError.fontUnavailable(path: path)
      }
    }
    let files: [FontFile]
    do {
      files = try FontSet.hashes(paths)
    } catch {
      FcConfigDestroy(config)
      throw error
    }
    guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
      FcConfigDestroy(config)
      throw ReportError.fontUnavailable(path: "pango font map")
    }
    pango_fc_font_map_set_config(OpaquePointer(map), config)
    self.config = config
    self.fontMap = map
    self.files = files
  }

  deinit {
    g_object_unref(fontMap)
    FcConfigDestroy(config)
  }

  private static let hashCache = HashCache()

  /// Hashes `paths` into the process's memo on a background thread and returns at once; wait
  /// on the group before building a `FontSet` of the same files, which then finds the hashes
  /// ready. A report starts this before its studies: their analysis leaves part of the cores
  /// idle, whereas hashing after them was a stage of its own. A file that cannot be hashed is
  /// left out, so `init` still throws for it.
  public static func hashInBackground(_ paths: [String] = FontSet.defaultFontPaths)
    -> DispatchGroup
  {
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      for path in paths { _ = try? cachedHash(path) }
    }
    return group
  }

  /// Hashes the files on all cores (the CJK collections are ~20 MB each); results keep the
  /// order of `paths`.
  private static func hashes(_ paths: [String]) throws -> [FontFile] {
    let results = HashResults(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      results.set(index, Result { try cachedHash(paths[index]) })
    }
    return try zip(paths, results.all()).map { FontFile(path: $0, sha256: try $1.get()) }
  }

  /// Hashing the CJK collections costs ~0.1 s each; a process hashes each file once.
  private static func cachedHash(_ path: String) throws -> String {
    if let known = hashCache.value(for: path) { return known }
    let hash = try Checksum.sha256Hex(fileAt: URL(fileURLWithPath: path))
    hashCache.store(hash, for: path)
    return hash
  }
}

/// A lock-protected path -> hash memo shared by every `FontSet` in the process.
private final class HashCache: @unchecked Sendable {
  private let lock = NSLock()
  private var hashes: [String: String] = [:]

  func value(for path: String) -> String? {
    lock.lock()
    defer { lock.unlock() }
    return hashes[path]
  }

  func store(_ hash: String, for path: String) {
    lock.lock()
    defer { lock.unlock() }
    hashes[path] = hash
  }
}

/// Per-index results written from concurrent workers.
private final class HashResults: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Result<String, any Error>]

  init(count: Int) {
    values = Array(repeating: .failure(ReportError.fontUnavailable(path: "")), count: count)
  }

  func set(_ index: Int, _ value: Result<String, any Error>) {
    lock.lock()
    defer { lock.unlock() }
    values[index] = value
  }

  func all() -> [Result<String, any Error>] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}
