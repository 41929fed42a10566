import CCrypto
import Foundation

/// SHA-256 and HMAC-SHA-256 over byte arrays, used to derive UIDs and pseudonyms; both are
/// OpenSSL's libcrypto (`EVP_Digest`, `HMAC`), checked against the FIPS and RFC 4231 test
/// vectors in `DicomSHA256Tests`.
enum DicomSHA256 {
  static let digestBytes = 32

  /// The 32-byte digest of `message`.
  static func digest(_ message: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: digestBytes)
    var length: UInt32 = 0
    let ok = EVP_Digest(message, message.count, &out, &length, EVP_sha256(), nil)
    precondition(ok == 1 && length == digestBytes, "EVP_Digest(SHA-256) failed")
    return out
  }

  static func digest(_ text: String) -> [UInt8] { digest(Array(text.utf8)) }

  /// HMAC-SHA-256 of `message` under `key`.
  static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: digestBytes)
    var length: UInt32 = 0
    let result = HMAC(EVP_sha256(), key, Int32(key.count), message, message.count, &out, &length)
    precondition(result != nil && length == digestBytes, "HMAC(SHA-256) failed")
    return out
  }
}
