import Foundation

/// A value computed on another thread; reading ``value`` waits for it (and then returns it at once).
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    /// Starts `work` on a global queue.
    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once `work` has finished.
    public var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
