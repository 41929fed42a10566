import Foundation

/// What happened to one case of a library run.
enum CaseOutcome: Equatable {
  case rendered
  case current
  case failed(String)

  var word: String {
    switch self {
    case .rendered: return "rendered"
    case .current: return "up to date, skipped"
    case .failed: return "FAILED"
    }
  }
}

/// Runs the cases of a plan on `workers` threads; one failing case never stops the others.
///
/// `render` does the work of one case (by default a child `ctcase report` process, so that a
/// crash or a kill takes down one case only); `isCurrent` tells whether a case's outputs
/// already match its inputs and this version, in which case it is skipped.
struct LibraryRunner {
  var workers: Int
  var isCurrent: (LibraryCase, URL) -> Bool
  var render: (LibraryCase, URL) -> CaseOutcome
  var progress: (Int, Int, LibraryCase, CaseOutcome) -> Void

  /// Outcomes in the plan's shard order.
  func run(_ plan: LibraryPlan) -> [(LibraryCase, CaseOutcome)] {
    let cases = plan.casesInShard
    let state = RunState(count: cases.count)
    let body: (Int) -> Void = { _ in
      while let i = state.next() {
        let c = cases[i]
        let folder = plan.folder(of: c)
        let outcome = isCurrent(c, folder) ? .current : render(c, folder)
        let done = state.finish(i, outcome)
        progress(done, cases.count, c, outcome)
      }
    }
    if workers <= 1 {
      body(0)
    } else {
      withoutActuallyEscaping(body) { body in
        let shared = UncheckedBox(body)
        DispatchQueue.concurrentPerform(iterations: workers) { w in shared.value(w) }
      }
    }
    return zip(cases, state.outcomes).map { ($0, $1) }
  }
}

/// Hands out case indices and collects outcomes under a lock.
private final class RunState: @unchecked Sendable {
  private let lock = NSLock()
  private var cursor = 0
  private var finished = 0
  private var slots: [CaseOutcome?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard cursor < slots.count else { return nil }
    cursor += 1
    return cursor - 1
  }

  func finish(_ i: Int, _ outcome: CaseOutcome) -> Int {
    lock.lock()
    defer { lock.unlock() }
    slots[i] = outcome
    finished += 1
    return finished
  }

  /// Every slot is filled once all workers have returned.
  var outcomes: [CaseOutcome] { slots.map { $0 ?? .failed("not run") } }
}

/// Carries a closure into `concurrentPerform`; the closures given to `LibraryRunner` only touch
/// their own case's folder and the locked `RunState`, so sharing them across threads is safe.
private struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
