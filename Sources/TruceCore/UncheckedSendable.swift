/// A value handed across threads where the code guarantees safety itself: a buffer that parallel workers
/// write at disjoint positions, or a value moved to the one thread that uses it from then on.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}
