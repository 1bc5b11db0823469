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
                "INSERT INTO evidence (incident_id, link_group, level) VALUES (?, ?, ?)",
                arguments: [record.incident, record.group, record.level.rawValue])
        }
    }

    public func resetAdjudication() throws {
        try wrap("reset adjudication") { try immediateWrite { try $0.execute(sql: "DELETE FROM adjudication_mark") } }
    }

    public func verdicts(matching query: VerdictQuery) throws -> [StoredVerdict] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let agreement = query.agreement {
            conditions.append("v.agreement_id = ?")
            arguments += [agreement]
        }
        if let party = query.perpetrator {
            conditions.append("i.perpetrator = ?")
            arguments += [party.rawValue]
        }
        if let kind = query.kind {
            conditions.append("v.kind = ?")
            arguments += [kind.rawValue]
        }
        if let evidence = query.evidence {
            conditions.append("e.level = ?")
            arguments += [evidence.rawValue]
        }
        if let span = query.during {
            if let end = span.end {
                conditions.append("i.start_unix < ?")
                arguments += [unix(end)]
            }
            conditions.append("(i.end_unix IS NULL OR i.end_unix > ?)")
            arguments += [unix(span.start)]
            // No incident lasts longer than the longest span: a lower bound that lets the start index range-scan.
            conditions.append("i.start_unix >= ? - (SELECT value FROM store_meta WHERE key = 'longest_span')")
            arguments += [unix(span.start)]
        }
        let sql = """
            SELECT v.incident_id, v.agreement_id, v.kind, v.checks, v.rules_version, e.level, i.perpetrator, i.start_unix,
                i.country, i.admin1
            FROM verdict v JOIN incident i ON i.id = v.incident_id LEFT JOIN evidence e ON e.incident_id = v.incident_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY i.start_unix, v.incident_id, v.agreement_id
            """
        let rows: [StoredVerdict] = try wrap("read verdicts") {
            try writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    let checks = try decode([ClauseCheck].self, row["checks"])
                    let verdict = Verdict(
                        incident: row["incident_id"], agreement: row["agreement_id"],
                        kind: VerdictKind(rawValue: row["kind"]) ?? .insufficientInformation, checks: checks,
                        rulesVersion: row["rules_version"])
                    return StoredVerdict(
                        verdict: verdict, evidence: (row["level"] as String?).flatMap(EvidenceLevel.init(rawValue:)),
                        perpetrator: (row["perpetrator"] as String?).map(PartyID.init(rawValue:)),
                        start: Date(timeIntervalSince1970: TimeInterval(row["start_unix"] as Int64)), country: row["country"],
                        admin1: row["admin1"])
                }
            }
        }
        guard let region = query.region else { return rows }
        return rows.filter { Regions.place(country: $0.country, admin1: $0.admin1, isIn: region) }
    }
}
