import Foundation
import GRDB
import TruceCore

extension SQLiteStore {
    public func incidentsAwaitingAdjudication(rulesVersion: String) throws -> Set<IncidentID> {
        try awaiting("incident", rulesVersion: rulesVersion)
    }

    public func agreementsAwaitingAdjudication(rulesVersion: String) throws -> Set<AgreementID> {
        try awaiting("agreement", rulesVersion: rulesVersion)
    }

    private func awaiting(_ subject: String, rulesVersion: String) throws -> Set<String> {
        try wrap("read adjudication state") { try writer.read { db in try Self.awaiting(subject, rulesVersion: rulesVersion, db: db) } }
    }

    /// The ids of `subject` (`incident` or `agreement`) not marked judged under `rulesVersion`.
    static func awaiting(_ subject: String, rulesVersion: String, db: Database) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM \(subject) WHERE id NOT IN
                        (SELECT id FROM adjudication_mark WHERE subject = ? AND rules_version = ?)
                    """,
                arguments: [subject, rulesVersion]))
    }

    public func save(evidence: [EvidenceRecord]) throws {
        try wrap("save evidence") {
            try immediateWrite { db in try Self.replace(evidence: evidence, db: db) }
        }
    }

    static func replace(evidence: some Sequence<EvidenceRecord>, db: Database) throws {
        try db.execute(sql: "DELETE FROM evidence")
        for record in evidence {
            try db.run(
                "INSERT INTO evidence (incident_id, link_group, level, may_describe) VALUES (?, ?, ?, ?)",
                arguments: [
                    record.incident, record.group, record.level.rawValue,
                    record.mayDescribe.isEmpty ? "[]" : try TruceJSON.string(record.mayDescribe),
                ])
        }
    }

    public func resetAdjudication() throws {
        try wrap("reset adjudication") { try immediateWrite { try AwaitingQueue.resetJudgements($0) } }
    }

    public func verdicts(matching query: VerdictQuery) throws -> [StoredVerdict] {
        try readVerdicts(Self.filter(query))
    }
}
