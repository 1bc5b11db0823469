import Foundation

/// The import's own threads for normalising records, one per core (at most eight), shared by every import of the
/// process.
///
/// They are not the shared dispatch pool's: that pool runs about one thread per core, and while an import saves,
/// other work takes some of them (freeing saved batches, a group waiting for its slices), which left one thread
/// normalising while the other core idled. Threads of their own are scheduled by the system with the saving and
/// reading threads, so every core stays busy.
final class SliceWorkers: @unchecked Sendable {
    static let shared = SliceWorkers(count: max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)))

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var next = 0

    private init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [self] in work() }
            thread.name = "truce-normalise-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `body` for each of `0..<iterations` on the workers, in any order and at once, and returns when every
    /// one has finished.
    func perform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        let done = DispatchSemaphore(value: 0)
        condition.lock()
        for index in 0..<iterations {
            jobs.append {
                body(index)
                done.signal()
            }
        }
        condition.broadcast()
        condition.unlock()
        for _ in 0..<iterations { done.wait() }
    }

    private func work() {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count {  // every job taken: start the queue afresh
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job()
        }
    }
}
