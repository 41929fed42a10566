#if canImport(Glibc)
  import Glibc
#endif

/// Asks the kernel to back a large, freshly allocated buffer with transparent huge pages.
///
/// A CT volume is 100-300 MB. Filled through 4 KiB pages it takes tens of thousands of page
/// faults, each zeroing one page; with 2 MiB pages the kernel takes a few hundred. Only the
/// 2 MiB-aligned inside of the buffer is advised (malloc's header and tail stay as they are).
/// Advice only: when the system has huge pages off (`never`) the call does nothing, and
/// nothing here depends on it succeeding.
public enum HugePages {
  /// Below this size the advice is not worth a system call.
  static let minimumBytes = 8 << 20
  static let hugePageBytes = 2 << 20

  public static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      guard let base = buffer.baseAddress, buffer.count >= minimumBytes else { return }
      let start = (UInt(bitPattern: base) + UInt(hugePageBytes - 1)) & ~UInt(hugePageBytes - 1)
      let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~UInt(hugePageBytes - 1)
      guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(aligned, Int(end - start), MADV_HUGEPAGE)
    #endif
  }
}
