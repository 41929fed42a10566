import CDicom

/// A failure reported by the CDicomObjects shim, before the caller adds the file and object.
struct DicomShimFailure: Error, Equatable {
  var reason: String
}

/// Calls into the CDicomObjects shim with an error buffer and turns a non-zero status into a
/// `DicomShimFailure` carrying the shim's one-line reason.
enum DicomShim {
  private static let errorCapacity = 512

  static func check(_ call: (UnsafeMutablePointer<CChar>, Int) -> Int32) throws {
    var buffer = [CChar](repeating: 0, count: errorCapacity)
    let status = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress!, $0.count) }
    // baseAddress is non-nil: the buffer has errorCapacity > 0 elements.
    guard status == 0 else {
      let reason = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      throw DicomShimFailure(reason: reason.isEmpty ? "unknown DCMTK error" : reason)
    }
  }

  /// Runs `body` with a C code struct whose strings live as long as the call.
  static func withCode<R>(
    _ code: DicomCode, _ body: (CDicomObjects_Code) throws -> R
  ) rethrows -> R {
    try code.value.withCString { value in
      try code.scheme.withCString { scheme in
        try code.meaning.withCString { meaning in
          try body(CDicomObjects_Code(value: value, scheme: scheme, meaning: meaning))
        }
      }
    }
  }

  /// Like `withCode`, for an optional code passed to C as a nullable pointer.
  static func withOptionalCode<R>(
    _ code: DicomCode?, _ body: (UnsafePointer<CDicomObjects_Code>?) throws -> R
  ) rethrows -> R {
    guard let code else { return try body(nil) }
    return try withCode(code) { cCode in
      try withUnsafePointer(to: cCode) { try body($0) }
    }
  }
}
