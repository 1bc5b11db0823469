import NIOConcurrencyHelpers
import NIOPosix
import TruceApp
import TruceStore

/// Every write of the server, one at a time: agreements, status events, imports, quarantine retries and
/// adjudication runs take turns on one thread, so no two of them ever contend for the database (reads go on
/// in parallel, WAL mode). After each write an incremental adjudication runs on the same thread when
/// configured, so the verdicts follow the record.
///
/// Writes that arrive while others run wait together, and go in the next round: each in turn, then one
/// adjudication for all of them that asked for one, after which each is answered. Small writes that may share a
/// transaction (review actions) do, each a savepoint of it, with one commit for them all. Thirty reviewers
/// verifying at once wait for one round, one commit and one adjudication, not for thirty of each.
public final class WriteQueue: Sendable {
    public let store: SQLiteStore
    /// Whether an incremental adjudication follows each write.
    public let adjudicateAfterWrites: Bool
    private let thread: NIOThreadPool
    private let state = NIOLockedValueBox(State())

    private struct State {
        /// The writes waiting for the next round.
        var waiting: [Turn] = []
        /// Whether a round is running or about to: a write that arrives then waits for it to take it.
        var running = false
    }

    /// A write waiting for its turn.
    private struct Turn: Sendable {
        /// Whether an adjudication follows the write.
        var follows: Bool
        /// Whether the write may share a transaction with the writes next to it in its round.
        var shares: Bool
        /// Runs the write, and returns what answers its caller once the adjudication is done; `nil` when the
        /// write failed (its caller already answered).
        var run: @Sendable (SQLiteStore) -> (@Sendable (Result<AdjudicationSummary?, any Error>) -> Void)?
        /// Answers the caller when the queue has stopped.
        var cancel: @Sendable (any Error) -> Void
    }

    public init(store: SQLiteStore, adjudicateAfterWrites: Bool) {
        self.store = store
        self.adjudicateAfterWrites = adjudicateAfterWrites
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
    }

    deinit {
        thread.shutdownGracefully { _ in }
    }

    /// What a write did, and the adjudication that followed it (`nil` when none ran). Writes of one round share
    /// their adjudication, and so its summary.
    public struct Outcome<Value: Sendable>: Sendable {
        public var value: Value
        public var adjudication: AdjudicationSummary?
    }

    /// Runs `body` in its turn, then (when configured and `adjudicate` is true) an incremental adjudication.
    /// - Parameter sharesTransaction: whether `body`'s writes may share a transaction with other such writes of
    ///   its round (see ``SQLiteStore/inOneTransaction(_:)``): for small writes whose reads all happen within their
    ///   writes, since reads outside them do not see what the others wrote before the commit.
    public func write<Value: Sendable>(
        adjudicate: Bool = true, sharesTransaction: Bool = false, _ body: @escaping @Sendable (SQLiteStore) throws -> Value
    ) async throws -> Outcome<Value> {
        let follows = adjudicate && adjudicateAfterWrites
        return try await withCheckedThrowingContinuation { continuation in
            let turn = Turn(
                follows: follows, shares: sharesTransaction,
                run: { store in
                    let value: Value
                    do {
                        value = try body(store)
                    } catch {
                        continuation.resume(throwing: error)
                        return nil
                    }
                    return { adjudication in continuation.resume(with: adjudication.map { Outcome(value: value, adjudication: $0) }) }
                },
                cancel: { continuation.resume(throwing: $0) })
            enqueue(turn)
        }
    }

    /// Runs an adjudication in its turn: of what is new or changed, or with `all` of everything.
    public func adjudication(all: Bool) async throws -> AdjudicationSummary {
        try await write(adjudicate: false) { store in try Self.adjudicate(store, all: all) }.value
    }

    private func enqueue(_ turn: Turn) {
        let startRound = state.withLockedValue { state in
            state.waiting.append(turn)
            defer { state.running = true }
            return !state.running
        }
        guard startRound else { return }
        thread.submit { [self] work in
            guard case .active = work else {
                let stopped = state.withLockedValue { state in
                    defer { state = State() }
                    return state.waiting
                }
                for turn in stopped { turn.cancel(CancellationError()) }
                return
            }
            runRounds()
        }
    }

    /// Runs rounds until no write waits.
    private func runRounds() {
        while true {
            let turns = state.withLockedValue { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.running = false }
                return state.waiting
            }
            guard !turns.isEmpty else { return }
            var following: [Answer] = []
            var start = turns.startIndex
            while start < turns.endIndex {
                let end = turns[start...].firstIndex { $0.shares != turns[start].shares } ?? turns.endIndex
                run(turns[start..<end], together: turns[start].shares, following: &following)
                start = end
            }
            guard !following.isEmpty else { continue }
            let adjudication = Result { () throws -> AdjudicationSummary? in try Self.adjudicate(store, all: false) }
            for answer in following { answer(adjudication) }
        }
    }

    /// What answers a write's caller once its adjudication is done.
    private typealias Answer = @Sendable (Result<AdjudicationSummary?, any Error>) -> Void

    /// Runs `turns` in order, in one transaction when `together`, answering at once those that failed and, once
    /// committed, those that no adjudication follows, and adding the others' answers to `following`.
    private func run(_ turns: ArraySlice<Turn>, together: Bool, following: inout [Answer]) {
        let store = store
        var answers: [(follows: Bool, answer: Answer)] = []
        let runEach = {
            for turn in turns { if let answer = turn.run(store) { answers.append((turn.follows, answer)) } }
        }
        if together, turns.count > 1 {
            do {
                try store.inOneTransaction(runEach)
            } catch {
                // Nothing written was kept: every write that had succeeded fails with the commit.
                for (_, answer) in answers { answer(.failure(error)) }
                return
            }
        } else {
            runEach()
        }
        for (follows, answer) in answers {
            if follows { following.append(answer) } else { answer(.success(nil)) }
        }
    }

    private static func adjudicate(_ store: SQLiteStore, all: Bool) throws -> AdjudicationSummary {
        let summary = try Adjudicating.run(store: store, all: all)
        TruceMetrics.adjudicationFinished()
        TruceMetrics.incidentsJudged(summary.judged + summary.rejudged)
        return summary
    }
}
