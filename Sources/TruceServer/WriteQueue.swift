import NIOPosix
import TruceApp
import TruceStore

/// Every write of the server, one at a time: agreements, status events, imports, quarantine retries and
/// adjudication runs take turns on one thread, so no two of them ever contend for the database (reads go on
/// in parallel, WAL mode). After each write an incremental adjudication runs in the same turn when
/// configured, so the verdicts follow the record.
public final class WriteQueue: Sendable {
    public let store: SQLiteStore
    /// Whether an incremental adjudication follows each write.
    public let adjudicateAfterWrites: Bool
    private let thread: NIOThreadPool

    public init(store: SQLiteStore, adjudicateAfterWrites: Bool) {
        self.store = store
        self.adjudicateAfterWrites = adjudicateAfterWrites
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
    }

    deinit {
        thread.shutdownGracefully { _ in }
    }

    /// What a write did, and the adjudication that followed it (`nil` when none ran).
    public struct Outcome<Value: Sendable>: Sendable {
        public var value: Value
        public var adjudication: AdjudicationSummary?
    }

    /// Runs `body` in its turn, then (when configured and `adjudicate` is true) an incremental adjudication.
    public func write<Value: Sendable>(
        adjudicate: Bool = true, _ body: @escaping @Sendable (SQLiteStore) throws -> Value
    ) async throws -> Outcome<Value> {
        let store = store
        let follow = adjudicate && adjudicateAfterWrites
        return try await thread.runIfActive {
            let value = try body(store)
            return Outcome(value: value, adjudication: follow ? try Self.adjudicate(store, all: false) : nil)
        }
    }

    /// Runs an adjudication in its turn: of what is new or changed, or with `all` of everything.
    public func adjudication(all: Bool) async throws -> AdjudicationSummary {
        let store = store
        return try await thread.runIfActive { try Self.adjudicate(store, all: all) }
    }

    private static func adjudicate(_ store: SQLiteStore, all: Bool) throws -> AdjudicationSummary {
        let summary = try Adjudicating.run(store: store, all: all)
        TruceMetrics.adjudicationFinished()
        TruceMetrics.incidentsJudged(summary.judged + summary.rejudged)
        return summary
    }
}
