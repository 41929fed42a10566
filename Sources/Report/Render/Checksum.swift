import CPango
import Foundation

/// SHA-256 through GLib's GChecksum (already linked for Pango), as lowercase hex.
public enum Checksum {
  /// Reads at most this many bytes at a time when hashing a file.
  static let fileChunkBytes = 1 << 20

  /// The SHA-256 of `data`, lowercase hex (calls `g_checksum_update`).
  public static func sha256Hex(_ data: Data) -> String {
    let checksum = g_checksum_new(G_CHECKSUM_SHA256)
    defer { g_checksum_free(checksum) }
    data.withUnsafeBytes { raw in
      if let base = raw.bindMemory(to: UInt8.self).baseAddress {
        g_checksum_update(checksum, base, raw.count)
      }
    }
    return String(cString: g_checksum_get_string(checksum))
  }

  /// The SHA-256 of a file's bytes, lowercase hex, read in chunks.
  /// - Throws: `ReportError.invalidInput` naming the path when the file cannot be opened.
  public static func sha256Hex(fileAt url: URL) throws -> String {
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      throw ReportError.invalidInput(field: url.path, problem: "file cannot be read")
    }
    defer { try? handle.close() }
    let checksum = g_checksum_new(G_CHECKSUM_SHA256)
    defer { g_checksum_free(checksum) }
    while let chunk = try? handle.read(upToCount: fileChunkBytes), !chunk.isEmpty {
      chunk.withUnsafeBytes { raw in
        if let base = raw.bindMemory(to: UInt8.self).baseAddress {
          g_checksum_update(checksum, base, raw.count)
        }
      }
    }
    return String(cString: g_checksum_get_string(checksum))
  }
}
