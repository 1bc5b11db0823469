import Foundation
import GRDB
import TruceCore

/// Finding the incidents that await judgement without reading the store: after an adjudication has judged every
/// incident that awaited it and linked what it judged, every incident not yet judged under its rules is among
/// those saved since (`link_pending`, which every save of an incident fills), so a later run reads those.
///
/// `store_meta` says so with the key ``key(_:)`` of the rules. Whatever may leave an incident unjudged outside
/// `link_pending` removes the key: a linking that does not go with an adjudication (``LinkingTransaction/markLinked(rulesVersion:except:)``),
/// and forgetting judgements (``SQLiteStore/resetAdjudication()``), which also counts itself under
/// ``resetsKey``, so that a run during which judgements were forgotten does not set the key.
enum AwaitingQueue {
    /// The key saying that every incident awaiting judgement under `rulesVersion` waits in `link_pending`.
    static func key(_ rulesVersion: String) -> String { "awaiting_queued:" + rulesVersion }

    /// The key counting how often judgements were forgotten.
    static let resetsKey = "adjudication_resets"

    /// Above this many incidents saved since the last linking per incident of a batch, reading the store in
    /// order is cheaper than reading those again for every batch.
    static let batchesWorthQueueing = 8

    /// How often judgements were forgotten.
    static func resets(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = ?", arguments: [resetsKey]) ?? 0
    }

    /// Forgets that incidents awaiting judgement are queued, under any rules.
    static func forget(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM store_meta WHERE key LIKE 'awaiting_queued:%'")
    }

    /// Forgets every judgement: marks go, and the count of resets grows.
    static func resetJudgements(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM adjudication_mark")
        try forget(db)
        try db.execute(
            sql: "INSERT INTO store_meta (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1", arguments: [resetsKey])
    }

    /// Whether the incidents awaiting judgement under `rulesVersion` are best read from `link_pending`: they are
    /// all there, and there are few enough of them for batches of `limit`.
    static func isWorthReading(rulesVersion: String, limit: Int, db: Database) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM store_meta WHERE key = ?", arguments: [key(rulesVersion)]) ?? false else { return false }
        let most = batchesWorthQueueing * limit
        let queued = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM link_pending LIMIT ?)", arguments: [most + 1]) ?? 0
        return queued <= most
    }
}
