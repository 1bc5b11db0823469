import Foundation
import GRDB
import TruceCore

/// Adjudication runs against a store that imports may change while they judge: the input is read in one
/// snapshot, judged without holding the write lock, and saved in one transaction that leaves out whatever
/// changed in between, so every verdict, mark and evidence level written matches the content judged.
extension SQLiteStore {
    public func adjudicationInput(rulesVersion: String) throws -> AdjudicationInput {
        try wrap("read incidents and agreements to judge") {
            try writer.read { db in
                let awaitingIncidents = try Self.awaiting("incident", rulesVersion: rulesVersion, db: db)
                let awaitingAgreements = try Self.awaiting("agreement", rulesVersion: rulesVersion, db: db)
                var agreements: [Agreement] = []
                var agreementPrints: [AgreementID: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, body FROM agreement ORDER BY id") {
                    let body: String = row["body"]
                    agreements.append(try decode(Agreement.self, body))
                    agreementPrints[row["id"]] = AdjudicationBasis.fingerprint(body)
                }
                var incidentPrints: [IncidentID: Int] = [:]
                let bodies = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT id, body FROM incident WHERE id NOT IN
                            (SELECT id FROM adjudication_mark WHERE subject = 'incident' AND rules_version = ?)
                        """,
                    arguments: [rulesVersion])
                while let row = try bodies.next() { incidentPrints[row["id"]] = AdjudicationBasis.fingerprint(row["body"]) }
                // Judging and linking read normalised values, claims and each source's dataset, never the
                // verbatim fields: leaving them out spares a query per incident and most of the memory.
                return AdjudicationInput(
                    incidents: try Self.incidents(matching: IncidentQuery(detail: .withoutSourceFields), db: db), agreements: agreements,
                    awaitingIncidents: awaitingIncidents, awaitingAgreements: awaitingAgreements,
                    basis: AdjudicationBasis(awaitingIncidents: incidentPrints, agreements: agreementPrints))
            }
        }
    }

    @discardableResult
    public func save(_ run: AdjudicationRun) throws -> Int {
        try wrap("save verdicts") {
            try immediateWrite { db in
                let awaitingNow = try Self.awaiting("incident", rulesVersion: run.rulesVersion, db: db)
                let (changedIncidents, changedAgreements) = try Self.changedSince(run, awaiting: awaitingNow, db: db)
                for id in run.incidents where !changedIncidents.contains(id) {
                    try db.run("DELETE FROM verdict WHERE incident_id = ?", arguments: [id])
                    try db.run(
                        "INSERT OR REPLACE INTO adjudication_mark (subject, id, rules_version) VALUES ('incident', ?, ?)",
                        arguments: [id, run.rulesVersion])
                }
                for id in run.agreements where !changedAgreements.contains(id) {
                    try db.run("DELETE FROM verdict WHERE agreement_id = ?", arguments: [id])
                    try db.run(
                        "INSERT OR REPLACE INTO adjudication_mark (subject, id, rules_version) VALUES ('agreement', ?, ?)",
                        arguments: [id, run.rulesVersion])
                }
                for verdict in run.verdicts
                where !changedIncidents.contains(verdict.incident) && !changedAgreements.contains(verdict.agreement) {
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
                if let evidence = run.evidence {
                    try Self.replace(evidence: evidence.lazy.filter { !changedIncidents.contains($0.incident) }, db: db)
                }
                if let link = run.linkEvidence {
                    // Saved since the run read: changed since, or awaiting judgement now but unknown to the run.
                    let savedSince = run.basis.map { basis in
                        changedIncidents.union(awaitingNow.filter { basis.awaitingIncidents[$0] == nil })
                    } ?? []
                    try LinkingTransaction.run(db) { try link($0, savedSince) }
                }
                return changedIncidents.count + changedAgreements.count
            }
        }
    }

    /// The incidents and agreements the run judged whose content has changed since it was read. An incident
    /// that awaited judgement changed when its fingerprint differs; one already judged changed when its mark
    /// is gone (every save of new content removes the mark). An agreement changed when its fingerprint differs.
    private static func changedSince(_ run: AdjudicationRun, awaiting: Set<IncidentID>, db: Database) throws -> (Set<IncidentID>, Set<AgreementID>) {
        guard let basis = run.basis else { return ([], []) }
        var incidents = Set<IncidentID>()
        let body = try db.cachedStatement(sql: "SELECT body FROM incident WHERE id = ?")
        for (id, print) in basis.awaitingIncidents {
            let current = try String.fetchOne(body, arguments: [id])
            if current.map(AdjudicationBasis.fingerprint) != print { incidents.insert(id) }
        }
        let judged = Set(run.verdicts.map(\.incident)).union(run.evidence?.map(\.incident) ?? [])
        for id in awaiting where basis.awaitingIncidents[id] == nil && judged.contains(id) {
            incidents.insert(id)
        }
        var agreements = Set<AgreementID>()
        let agreementBody = try db.cachedStatement(sql: "SELECT body FROM agreement WHERE id = ?")
        for (id, print) in basis.agreements {
            let current = try String.fetchOne(agreementBody, arguments: [id])
            if current.map(AdjudicationBasis.fingerprint) != print { agreements.insert(id) }
        }
        return (incidents, agreements)
    }
}
