import Testing

@testable import Outputs

@Suite("SHA-256 and derived UIDs")
struct DicomSHA256Tests {
  @Test(
    "digests match the FIPS 180-4 examples",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func digest(message: String, expected: String) {
    #expect(Deidentifier.hex(DicomSHA256.digest(message)) == expected)
  }

  @Test("HMAC matches RFC 4231 test case 2")
  func hmac() {
    let mac = DicomSHA256.hmac(
      key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
    #expect(
      Deidentifier.hex(mac)
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  @Test("a million bytes hash like the FIPS long example")
  func longMessage() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      Deidentifier.hex(DicomSHA256.digest(message))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("UIDs are valid 2.25 UIDs, stable, and differ by kind and input")
  func uids() {
    let a = DicomUID.derive(kind: "series.pdf", ["1.2.3"])
    #expect(a == DicomUID.derive(kind: "series.pdf", ["1.2.3"]))
    #expect(a != DicomUID.derive(kind: "series.seg", ["1.2.3"]))
    #expect(a != DicomUID.derive(kind: "series.pdf", ["1.2.4"]))
    #expect(a.hasPrefix("2.25."))
    #expect(a.count <= 64)
    #expect(a.allSatisfy { $0.isNumber || $0 == "." })
    #expect(!a.dropFirst(5).hasPrefix("0"))
  }

  @Test(
    "decimal conversion of a 128-bit number",
    arguments: [
      ([UInt8](repeating: 0, count: 15) + [255], "255"),
      ([1] + [UInt8](repeating: 0, count: 15), "1329227995784915872903807060280344576"),
      ([UInt8](repeating: 0xff, count: 16), "340282366920938463463374607431768211455"),
    ])
  func decimal(bytes: [UInt8], expected: String) {
    #expect(DicomUID.decimal(bytes) == expected)
  }
}
