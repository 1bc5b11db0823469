import Foundation
import NIOConcurrencyHelpers
import TruceStore

/// Values worked out from the store and kept until it changes or a minute passes: the report figures of an
/// agreement's page (about a second of reading at a million records) and the pages rendered for signed-in readers
/// (each reader's copy differs only in its site header, ``TruceDashboard/Dashboard/personalised(_:for:)``).
///
/// Readers arriving together never work out one value together: while one caller works out a value, the others
/// are given the value of the minute before when there is one for the store as it is, and otherwise wait for it.
/// Thirty-two readers of a page whose figures have expired cost one build, not thirty-two at once.
final class MinuteMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let watch: StoreChangeWatch
    private let capacity: Int
    private let cost: @Sendable (Value) -> Int
    private let state = NIOLockedValueBox(State())

    private struct Entry: Sendable {
        var version: Int64
        var minute: Int
        var value: Value
        var cost: Int
    }

    private struct State: Sendable {
        var entries: [Key: Entry] = [:]
        var total = 0
        /// The values being worked out, each by one caller, whom the others may wait for.
        var inFlight: [Key: Flight] = [:]
    }

    /// What a caller does next: take a kept value, wait for another's, or work it out.
    private enum Next {
        case kept(Value)
        case wait(Flight)
        case make(Flight)
    }

    /// A value being worked out: those who wait for it are woken when it is done (or has failed).
    private final class Flight: @unchecked Sendable {
        let condition = NSCondition()
        var done = false
    }

    /// Keeps values of total cost up to `capacity` (counted by `cost`), forgetting all when full.
    init(watch: StoreChangeWatch, capacity: Int, cost: @escaping @Sendable (Value) -> Int = { _ in 1 }) {
        self.watch = watch
        self.capacity = capacity
        self.cost = cost
    }

    /// The value of `key`, worked out by `make` unless kept for the store's present version and minute.
    func value(_ key: Key, now: Date, make: () throws -> Value) throws -> Value {
        let version = try watch.version()
        let minute = Int(now.timeIntervalSince1970 / 60)
        while true {
            let next: Next = state.withLockedValue { state in
                let entry = state.entries[key]
                if let entry, entry.version == version, entry.minute == minute { return .kept(entry.value) }
                if let flight = state.inFlight[key] {
                    // Another caller is working it out: the minute before will do meanwhile, else wait for it.
                    if let entry, entry.version == version { return .kept(entry.value) }
                    return .wait(flight)
                }
                let flight = Flight()
                state.inFlight[key] = flight
                return .make(flight)
            }
            switch next {
            case .kept(let value):
                return value
            case .wait(let flight):
                flight.condition.lock()
                while !flight.done { flight.condition.wait() }
                flight.condition.unlock()
            // Then look again: the value is kept now, unless making it failed or the store moved on.
            case .make(let flight):
                defer {
                    state.withLockedValue { _ = $0.inFlight.removeValue(forKey: key) }
                    flight.condition.lock()
                    flight.done = true
                    flight.condition.broadcast()
                    flight.condition.unlock()
                }
                let value = try make()
                keep(value, for: key, version: version, minute: minute)
                return value
            }
        }
    }

    private func keep(_ value: Value, for key: Key, version: Int64, minute: Int) {
        let cost = cost(value)
        state.withLockedValue { state in
            if state.total + cost > capacity {
                state.entries.removeAll(keepingCapacity: true)
                state.total = 0
            }
            state.total += cost - (state.entries[key]?.cost ?? 0)
            state.entries[key] = Entry(version: version, minute: minute, value: value, cost: cost)
        }
    }
}
