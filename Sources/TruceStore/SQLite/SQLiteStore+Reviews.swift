import Foundation
import GRDB
import TruceCore

/// Review statuses and histories in `review_status` and `review_entry` (see migration `v18-review`).
extension SQLiteStore: ReviewStore {
    static let reviewStatusColumns = "incident_id, state, lock_holder, lock_expires, updated_at"

    public func reviewStatuses(ids: [IncidentID]) throws -> [IncidentID: ReviewStatus] {
        try wrap("read review statuses") {
            try writer.read { db in
                var statuses: [IncidentID: ReviewStatus] = [:]
                for chunk in stride(from: 0, to: ids.count, by: ChunkedRows.rowsPerStatement) {
                    let part = Array(ids[chunk..<min(chunk + ChunkedRows.rowsPerStatement, ids.count)])
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT \(Self.reviewStatusColumns) FROM review_status WHERE incident_id IN (\(ChunkedRows.list("?", part.count)))",
                        arguments: StatementArguments(part))
                    for row in rows {
                        let status = try Self.reviewStatus(row)
                        statuses[status.incident] = status
                    }
                }
                return statuses
            }
        }
    }

    public func reviewHistory(of id: IncidentID) throws -> [ReviewEntry] {
        try wrap("read review history") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT id, incident_id, action, reviewer, at, note, state FROM review_entry WHERE incident_id = ? ORDER BY id",
                    arguments: [id]
                ).map(Self.reviewEntry)
            }
        }
    }

    public func reviewQueue(_ query: ReviewQuery) throws -> [ReviewStatus] {
        var filter = SQLFilter()
        if !query.states.isEmpty {
            let states = query.states.map(\.rawValue).sorted()
            filter.add("r.state IN (\(ChunkedRows.list("?", states.count)))", states)
        }
        if let dataset = query.dataset {
            filter.add("EXISTS (SELECT 1 FROM source_record s WHERE s.incident_id = r.incident_id AND s.ordinal = 0 AND s.dataset = ?)", [dataset])
        }
        if let holder = query.heldBy {
            filter.add("r.lock_holder = ? COLLATE NOCASE AND r.lock_expires > ?", [holder, query.now.timeIntervalSince1970])
        }
        if let after = query.after {
            filter.add(
                "(r.updated_at > ? OR (r.updated_at = ? AND r.incident_id > ?))",
                [after.updated.timeIntervalSince1970, after.updated.timeIntervalSince1970, after.incident])
        }
        return try wrap("read the review queue") {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT \(Self.reviewStatusColumns) FROM review_status r \(filter.whereClause) ORDER BY r.updated_at, r.incident_id LIMIT ?",
                    arguments: filter.arguments + [max(0, query.limit)]
                ).map(Self.reviewStatus)
            }
        }
    }

    static func reviewStatus(_ row: Row) throws -> ReviewStatus {
        let holder: String? = row["lock_holder"]
        let expires: Double? = row["lock_expires"]
        let state: String = row["state"]
        guard let reviewState = ReviewState(rawValue: state) else { throw DatabaseError(message: "unknown review state \(state)") }
        return ReviewStatus(
            incident: IncidentID(row["incident_id"] as String), state: reviewState,
            lock: holder.flatMap { holder in expires.map { ReviewLock(holder: holder, expires: Date(timeIntervalSince1970: $0)) } },
            updated: Date(timeIntervalSince1970: row["updated_at"]))
    }

    static func reviewEntry(_ row: Row) throws -> ReviewEntry {
        let action: String = row["action"]
        let state: String = row["state"]
        guard let reviewAction = ReviewAction(rawValue: action), let reviewState = ReviewState(rawValue: state) else {
            throw DatabaseError(message: "unknown review action \(action) or state \(state)")
        }
        return ReviewEntry(
            id: row["id"], incident: IncidentID(row["incident_id"] as String), action: reviewAction, reviewer: row["reviewer"],
            at: Date(timeIntervalSince1970: row["at"]), note: row["note"], state: reviewState)
    }
}

extension AccountRows {
    func reviewStatus(of id: IncidentID) throws -> ReviewStatus? {
        try Row.fetchOne(db, sql: "SELECT \(SQLiteStore.reviewStatusColumns) FROM review_status WHERE incident_id = ?", arguments: [id])
            .map(SQLiteStore.reviewStatus)
    }

    func save(_ status: ReviewStatus) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO review_status (incident_id, state, lock_holder, lock_expires, updated_at) VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [
                status.incident, status.state.rawValue, status.lock?.holder, status.lock?.expires.timeIntervalSince1970,
                status.updated.timeIntervalSince1970,
            ])
    }

    @discardableResult
    func append(_ entry: ReviewEntry) throws -> ReviewEntry {
        try db.execute(
            sql: "INSERT INTO review_entry (incident_id, action, reviewer, at, note, state) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [entry.incident, entry.action.rawValue, entry.reviewer, entry.at.timeIntervalSince1970, entry.note, entry.state.rawValue])
        var stored = entry
        stored.id = db.lastInsertedRowID
        return stored
    }
}
