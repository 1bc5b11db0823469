import Foundation
import GRDB
import TruceCore

extension SQLiteStore {
    /// Every stored evidence record, by incident id: each record's event (`link_group`), level, and for a
    /// record too vague to be placed in one event, the events it may describe.
    public func evidence() throws -> [EvidenceRecord] {
        try wrap("read evidence") {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT incident_id, link_group, level, may_describe FROM evidence ORDER BY incident_id").map { row in
                    let described: String = row["may_describe"]
                    let mayDescribe = try [String](canonicalJSONArray: described) ?? decode([String].self, described)
                    return EvidenceRecord(
                        incident: row["incident_id"], group: row["link_group"],
                        level: EvidenceLevel(rawValue: row["level"]) ?? .singleClaim, mayDescribe: mayDescribe)
                }
            }
        }
    }
}
