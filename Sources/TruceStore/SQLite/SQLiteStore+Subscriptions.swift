import Foundation
import GRDB
import TruceCore

/// Subscriptions and their deliveries in `subscription` and `subscription_delivery` (migration `v20-subscriptions`).
extension SQLiteStore: SubscriptionStore {
    static let subscriptionColumns = "id, user_id, agreement_id, evidence, webhook_url, secret, created_at"

    public func add(_ subscription: Subscription, delivered: [String]) throws -> Subscription {
        try wrap("add a subscription") {
            try immediateWrite(changesContent: false) { db in
                try db.execute(
                    sql: "INSERT INTO subscription (user_id, agreement_id, evidence, webhook_url, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        subscription.userID, subscription.agreement, subscription.evidence.rawValue, subscription.webhookURL,
                        subscription.secret, subscription.created.timeIntervalSince1970,
                    ])
                var stored = subscription
                stored.id = db.lastInsertedRowID
                try Self.insertDeliveries(delivered, of: stored.id, at: subscription.created, db: db)
                return stored
            }
        }
    }

    public func subscriptions(userID: Int64?) throws -> [Subscription] {
        try wrap("read subscriptions") {
            try writer.read { db in
                let rows =
                    if let userID {
                        try Row.fetchAll(
                            db, sql: "SELECT \(Self.subscriptionColumns) FROM subscription WHERE user_id = ? ORDER BY id", arguments: [userID])
                    } else {
                        try Row.fetchAll(db, sql: "SELECT \(Self.subscriptionColumns) FROM subscription ORDER BY id")
                    }
                return try rows.map(Self.subscription)
            }
        }
    }

    public func removeSubscription(id: Int64) throws -> Bool {
        try wrap("remove a subscription") {
            try immediateWrite(changesContent: false) { db in
                try db.execute(sql: "DELETE FROM subscription_delivery WHERE subscription_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM subscription WHERE id = ?", arguments: [id])
                return db.changesCount > 0
            }
        }
    }

    public func deliveredEntries(of id: Int64) throws -> Set<String> {
        try wrap("read deliveries") {
            try writer.read { db in
                Set(try String.fetchAll(db, sql: "SELECT entry_id FROM subscription_delivery WHERE subscription_id = ?", arguments: [id]))
            }
        }
    }

    public func markDelivered(_ entries: [String], of id: Int64, at instant: Date) throws {
        try wrap("record deliveries") {
            try immediateWrite(changesContent: false) { db in try Self.insertDeliveries(entries, of: id, at: instant, db: db) }
        }
    }

    static func insertDeliveries(_ entries: [String], of id: Int64, at instant: Date, db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO subscription_delivery (subscription_id, entry_id, delivered_at) VALUES (?, ?, ?)")
        for entry in entries { try statement.execute(arguments: [id, entry, instant.timeIntervalSince1970]) }
    }

    static func subscription(_ row: Row) throws -> Subscription {
        let evidence: String = row["evidence"]
        guard let level = EvidenceLevel(rawValue: evidence) else { throw DatabaseError(message: "unknown evidence level \(evidence)") }
        return Subscription(
            id: row["id"], userID: row["user_id"], agreement: row["agreement_id"], evidence: level,
            webhookURL: row["webhook_url"], secret: row["secret"], created: Date(timeIntervalSince1970: row["created_at"]))
    }
}
