import CCrypto
import Foundation

/// SHA-256 digests of input files, computed by OpenSSL's libcrypto (EVP interface).
public enum FileHash {
  private static let chunkBytes = 1 << 20

  /// The SHA-256 of a file's bytes as 64 lowercase hex digits; reads the file in 1 MiB chunks.
  /// - Throws: `IngestError.unreadable` naming the file when it cannot be opened or read.
  public static func sha256(of url: URL) throws -> String {
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      throw IngestError.unreadable(path: url.path, reason: "cannot open for hashing")
    }
    defer { try? handle.close() }

    let context = Digest()
    while true {
      let chunk: Data
      do {
        chunk = try handle.read(upToCount: chunkBytes) ?? Data()
      } catch {
        throw IngestError.unreadable(path: url.path, reason: "read failed while hashing")
      }
      if chunk.isEmpty { break }
      context.update(chunk)
    }
    return context.finish()
  }

  /// The SHA-256 of bytes in memory as 64 lowercase hex digits.
  public static func sha256(_ data: Data) -> String {
    let context = Digest()
    context.update(data)
    return context.finish()
  }
}

/// Owns one EVP digest context (SHA-256); freed on deinit. Feed bytes in file order with
/// `update`, then read the hex digest once with `finish`.
final class Digest {
  private let context: OpaquePointer?

  init() {
    context = EVP_MD_CTX_new()
    // EVP_DigestInit_ex on a fresh context with the built-in SHA-256 only fails when out of
    // memory, which the update/finish calls would then report as an empty digest.
    EVP_DigestInit_ex(context, EVP_sha256(), nil)
  }

  deinit { EVP_MD_CTX_free(context) }

  func update(_ data: Data) {
    data.withUnsafeBytes { raw in
      _ = EVP_DigestUpdate(context, raw.baseAddress, raw.count)
    }
  }

  func update(_ bytes: UnsafeRawBufferPointer) {
    _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
  }

  func finish() -> String {
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    EVP_DigestFinal_ex(context, &digest, &length)
    let hexDigits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(2 * Int(length))
    for byte in digest.prefix(Int(length)) {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }
}
