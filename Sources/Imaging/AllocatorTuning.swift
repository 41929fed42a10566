#if canImport(Glibc)
  import CMalloc
#endif

/// Tunes glibc's allocator for a process that allocates and frees many large buffers in turn.
///
/// Each analysis step of a study allocates masks, crops and label buffers of 1-60 MB and frees
/// them before the next step. By default glibc serves anything above its (adaptive) mmap
/// threshold with a fresh `mmap` and returns it with `munmap`, and trims the heap top after
/// each free, so every step pays page faults and the kernel zeroes every page again
/// (`clear_page_erms` was 12 % of `ctcase report` on the example case under `perf`). Keeping
/// freed memory in the heap lets the next step reuse warm pages: on the six-day example this
/// cut CPU time by about a sixth and end-to-end wall time from 4.2 to 3.5 s, at about
/// 130 MB more peak memory (README, Benchmarks).
///
/// Buffers larger than the threshold (whole-volume masks) are still mapped and unmapped; no
/// result depends on any of this.
public enum AllocatorTuning {
  /// Requests up to this size come from the heap, not from their own mapping (glibc's maximum).
  static let mmapThresholdBytes: Int32 = 32 << 20
  /// Free memory at the heap top is returned to the system only above this size.
  static let trimThresholdBytes: Int32 = 1 << 30
  /// Extra space requested whenever the heap grows, so growth happens in few steps.
  static let topPadBytes: Int32 = 256 << 20

  /// Applies the settings; call once at process start, before any threads exist.
  public static func apply() {
    #if canImport(Glibc)
      _ = mallopt(M_MMAP_THRESHOLD, mmapThresholdBytes)
      _ = mallopt(M_TRIM_THRESHOLD, trimThresholdBytes)
      _ = mallopt(M_TOP_PAD, topPadBytes)
    #endif
  }
}
