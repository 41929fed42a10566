import Dispatch
import Foundation

/// Runs work over independent chunks on a fixed number of threads.
///
/// The one place where raw-pointer work crosses threads: callers hand in a closure that touches
/// only the chunk it is given, so results never depend on scheduling. Reductions are done by the
/// caller over per-chunk results in chunk order, which keeps every number independent of the
/// thread count.
public enum ParallelSlices {
  /// The thread count used when a caller passes none: every core.
  public static var defaultThreadCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Calls `body(chunkIndex, range)` for `chunks` contiguous pieces of `0..<count`, on up to
  /// `threads` threads, and returns the per-chunk results in chunk order.
  public static func map<T: Sendable>(
    count: Int, chunks: Int? = nil, threads: Int, _ body: @Sendable (Int, Range<Int>) -> T
  ) -> [T] {
    let n = max(1, min(count, chunks ?? max(1, threads) * 4))
    let box = ResultBox<T>(count: n)
    let workers = max(1, min(threads, n))
    if workers == 1 {
      for c in 0..<n { box.set(c, body(c, (count * c / n)..<(count * (c + 1) / n))) }
    } else {
      // Worker w takes chunks w, w + workers, ...; which thread runs a chunk never matters.
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        for c in stride(from: w, to: n, by: workers) {
          box.set(c, body(c, (count * c / n)..<(count * (c + 1) / n)))
        }
      }
    }
    return box.values()
  }
}

/// Per-chunk results written from worker threads; each slot is written exactly once.
private final class ResultBox<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) { slots = [T?](repeating: nil, count: count) }

  func set(_ i: Int, _ v: T) {
    lock.lock()
    slots[i] = v
    lock.unlock()
  }

  func values() -> [T] { slots.map { $0! } }  // every slot was set before group.wait() returned
}
