/// A mutable buffer handed to `ParallelSlices.map` workers.
///
/// The one audited way raw memory crosses threads in ctcase: the owner keeps the storage alive
/// for the whole parallel call, and every worker writes only the elements of the chunk it was
/// given, so no two threads ever touch the same element. Reads of shared input use
/// `SendableConstPointer`.
public struct SendablePointer<Element>: @unchecked Sendable {
  public let base: UnsafeMutablePointer<Element>
  public let count: Int

  /// Wraps `buffer`; precondition: it is not empty.
  public init(_ buffer: UnsafeMutableBufferPointer<Element>) {
    precondition(buffer.baseAddress != nil, "SendablePointer: empty buffer")
    base = buffer.baseAddress!  // checked non-nil on the line above
    count = buffer.count
  }

  @inline(__always)
  public subscript(i: Int) -> Element {
    get { base[i] }
    nonmutating set { base[i] = newValue }
  }
}

/// A read-only buffer shared by `ParallelSlices.map` workers; see `SendablePointer`.
public struct SendableConstPointer<Element>: @unchecked Sendable {
  public let base: UnsafePointer<Element>
  public let count: Int

  /// Wraps `buffer`; precondition: it is not empty.
  public init(_ buffer: UnsafeBufferPointer<Element>) {
    precondition(buffer.baseAddress != nil, "SendableConstPointer: empty buffer")
    base = buffer.baseAddress!  // checked non-nil on the line above
    count = buffer.count
  }

  @inline(__always)
  public subscript(i: Int) -> Element { base[i] }
}
