import Foundation

/// Values worked out once per key and then looked up, safe to share between threads. It holds at most `capacity`
/// values and starts afresh when full, so memory stays bounded whatever the input. For slow, pure answers an
/// import asks again and again (a zone's instants, ACLED's week spans).
public final class BoundedMemo<Key: Hashable, Value>: @unchecked Sendable {
    @usableFromInline let capacity: Int
    @usableFromInline let lock = NSLock()
    @usableFromInline var values: [Key: Value] = [:]

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key`, worked out by `compute` the first time (outside the lock: two threads may both work
    /// it out, to the same answer). When `compute` throws, nothing is kept and the next call tries again.
    @inlinable
    public func value(for key: Key, _ compute: () throws -> Value) rethrows -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let value = try compute()
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = value
        lock.unlock()
        return value
    }
}
