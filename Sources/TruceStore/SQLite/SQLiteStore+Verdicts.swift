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
        try wrap("read adjudication state") {
            try writer.read { db in
                Set(
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT id FROM \(subject) WHERE id NOT IN
                                (SELECT id FROM adjudication_mark WHERE subject = ? AND rules_version = ?)
                            """,
                        arguments: [subject, rulesVersion]))
            }
        }
    }

    public func save(_ run: AdjudicationRun) throws {
        try wrap("save verdicts") {
            try writer.write { db in
                for id in run.incidents {
                    try db.run("DELETE FROM verdict WHERE incident_id = ?", arguments: [id])
                    try db.run(
                        "INSERT OR REPLACE INTO adjudication_mark (subject, id, rules_version) VALUES ('incident', ?, ?)",
                        arguments: [id, run.rulesVersion])
                }
                for id in run.agreements {
                    try db.run("DELETE FROM verdict WHERE agreement_id = ?", arguments: [id])
                    try db.run(
                        "INSERT OR REPLACE INTO adjudication_mark (subject, id, rules_version) VALUES ('agreement', ?, ?)",
                        arguments: [id, run.rulesVersion])
                }
                for verdict in run.verdicts {
                    try db.run(
                        """
                        INSERT OR REPLACE INTO verdict (incident_id, agreement_id, kind, checks, rules_version)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                        arguments: [
                            verdict.incident, verdict.agreement, verdict.kind.rawValue, try TruceJSON.string(verdict.checks),
                            verdict.rulesVersion,
                        ])
                }
            }
        }
    }

    public func save(evidence: [EvidenceRecord]) throws {
        try wrap("save evidence") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM evidence")
                for record in evidence {
                    try db.run(
                        "INSERT INTO evidence (incident_id, link_group, level) VALUES (?, ?, ?)",
                        arguments: [record.incident, record.group, record.level.rawValue])
                }
            }
        }
    }

    public func resetAdjudication() throws {
        try wrap("reset adjudication") { try writer.write { try $0.execute(sql: "DELETE FROM adjudication_mark") } }
    }

    public func verdicts(matching query: VerdictQuery) throws -> [StoredVerdict] {
        Self.inRegion(try readVerdicts(Self.filter(query)), query.region)
    }
}
