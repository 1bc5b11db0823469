import Foundation
import GRDB

extension SQLiteStore {
    public func auditEntries(matching query: AuditQuery) throws -> [AuditEntry] {
        try wrap("read the audit trail") {
            try writer.read { db in
                var conditions: [String] = []
                var arguments = StatementArguments()
                func filter(_ condition: String, _ value: (any DatabaseValueConvertible)?) {
                    guard let value else { return }
                    conditions.append(condition)
                    arguments += [value]
                }
                filter("actor = ? COLLATE NOCASE", query.actor)
                filter("action = ?", query.action)
                filter("at >= ?", query.since?.timeIntervalSince1970)
                filter("record_kind = ?", query.recordKind)
                filter("record_id = ?", query.recordID)
                let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
                var sql = "SELECT id, at, actor, role, action, record_kind, record_id, before, after, request_id FROM audit_entry\(whereClause)"
                if let limit = query.limit {
                    // The latest `limit` entries, still listed oldest first.
                    sql = "SELECT * FROM (\(sql) ORDER BY id DESC LIMIT ?)"
                    arguments += [max(0, limit)]
                }
                return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
                    AuditEntry(
                        id: row["id"], at: Date(timeIntervalSince1970: row["at"]), actor: row["actor"],
                        role: (row["role"] as String?).flatMap(Role.init(rawValue:)), action: row["action"], recordKind: row["record_kind"],
                        recordID: row["record_id"], before: row["before"], after: row["after"], requestID: row["request_id"])
                }
            }
        }
    }
}
