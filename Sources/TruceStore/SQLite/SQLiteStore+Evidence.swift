import Foundation
import GRDB
import TruceCore

extension SQLiteStore {
    /// Every stored evidence record, by incident id: each record's event (`link_group`), level, and for a
    /// record too vague to be placed in one event, the events it may describe.
    public func evidence() throws -> [EvidenceRecord] {
        try wrap("read evidence") {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT incident_id, link_group, level, may_describe FROM evidence ORDER BY incident_id")
                    .map(Self.evidenceRecord)
            }
        }
    }

    /// The stored evidence of every record of the event `incident` belongs to, as the last adjudication under
    /// `rulesVersion` linked it; `nil` when the incident awaits adjudication (new, changed, or judged by other
    /// rules) or has no stored evidence. Reads one event, not the store.
    public func storedEvent(of incident: IncidentID, rulesVersion: String) throws -> [EvidenceRecord]? {
        try wrap("read the evidence of \(incident)") {
            try writer.read { db in
                let judged =
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM adjudication_mark WHERE subject = 'incident' AND id = ? AND rules_version = ?",
                        arguments: [incident, rulesVersion]) ?? false
                guard judged, let group = try String.fetchOne(db, sql: "SELECT link_group FROM evidence WHERE incident_id = ?", arguments: [incident])
                else { return nil }
                return try Row.fetchAll(
                    db, sql: "SELECT incident_id, link_group, level, may_describe FROM evidence WHERE link_group = ? ORDER BY incident_id",
                    arguments: [group]
                ).map(Self.evidenceRecord)
            }
        }
    }

    static func evidenceRecord(_ row: Row) throws -> EvidenceRecord {
        let described: String = row["may_describe"]
        let mayDescribe = try [String](canonicalJSONArray: described) ?? TruceJSON.decoder().decode([String].self, from: Data(described.utf8))
        return EvidenceRecord(
            incident: row["incident_id"], group: row["link_group"], level: EvidenceLevel(rawValue: row["level"]) ?? .singleClaim,
            mayDescribe: mayDescribe)
    }
}
