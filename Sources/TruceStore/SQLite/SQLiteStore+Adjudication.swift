import Foundation
import GRDB
import TruceCore

/// Adjudication runs against a store that imports may change while they judge: incidents are read a batch at a
/// time, each batch in one snapshot, judged without holding the write lock, and saved in one transaction that
/// leaves out whatever changed in between, so every verdict and mark written matches the content judged.
extension SQLiteStore {
    public func adjudicationInput(rulesVersion: String) throws -> AdjudicationInput {
        try wrap("read agreements to judge") {
            // Taken before reading: a write after it, even before the read, changes it.
            let version = access == .readWrite ? try writtenVersion() : nil
            return try writer.read { db in
                let judged = try judgedAgreements(db)
                return AdjudicationInput(
                    agreements: judged.agreements, awaitingAgreements: try Self.awaiting("agreement", rulesVersion: rulesVersion, db: db),
                    basis: AdjudicationBasis(awaitingIncidents: [:], agreements: judged.prints, writtenVersion: version),
                    resets: try AwaitingQueue.resets(db), agreementsFingerprint: judged.fingerprint)
            }
        }
    }

    /// Every agreement with the fingerprint of its body, as of `db`'s snapshot. A server adjudicates after every
    /// write, and agreements rarely change: they are read again only when the store's count of agreement writes
    /// (kept by triggers, so that other processes' writes count too) has moved, and each is decoded once per content.
    private func judgedAgreements(_ db: Database) throws -> JudgedAgreements {
        let read = { () throws -> JudgedAgreements in
            var agreements: [Agreement] = []
            var prints: [AgreementID: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, body FROM agreement ORDER BY id") {
                let body: String = row["body"]
                agreements.append(try self.decodedAgreements.value(for: body) { Result { try self.decode(Agreement.self, body) } }.get())
                prints[row["id"]] = AdjudicationBasis.fingerprint(body)
            }
            var fingerprint = Hasher()
            for agreement in agreements {
                fingerprint.combine(agreement.id)
                fingerprint.combine(prints[agreement.id])
            }
            return JudgedAgreements(agreements: agreements, prints: prints, fingerprint: fingerprint.finalize())
        }
        let writes = try Int.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = ?", arguments: [Migrations.agreementWritesKey])
        return try writes.map { try agreementsByWrites.value(for: $0, read) } ?? read()
    }

    public func incidents(
        _ selection: IncidentsToJudge, rulesVersion: String, after position: IncidentBatch.Position?, limit: Int
    ) throws -> IncidentBatch {
        let marked = "EXISTS (SELECT 1 FROM adjudication_mark m WHERE m.subject = 'incident' AND m.id = incident.id AND m.rules_version = ?)"
        var filter = SQLFilter()
        filter.add("incident.rowid > ?", [position?.rowid ?? Int64.min])
        switch selection {
        case .awaiting:
            filter.add("NOT \(marked)", [rulesVersion])
        case .judged(let countries, let endingAfter):
            filter.add(marked, [rulesVersion])
            if let countries {
                // Incidents of unknown country, or in several, may still lie in the agreements' countries.
                let marks = ChunkedRows.list("?", countries.count)
                filter.add("(country IN (\(marks)) OR country IS NULL OR countries IS NOT NULL)", countries.sorted())
            }
            // Spans are stored rounded down to the second: `>=` keeps every incident that may end after.
            if let endingAfter { filter.add("(end_unix IS NULL OR end_unix >= ?)", [unix(endingAfter)]) }
        }
        return try wrap("read incidents to judge") {
            try writer.read { db in
                // When every incident awaiting judgement is among those saved since the last linking, those are read.
                let queued = try selection == .awaiting && AwaitingQueue.isWorthReading(rulesVersion: rulesVersion, limit: limit, db: db)
                let source = queued ? "link_pending CROSS JOIN incident ON incident.id = link_pending.incident_id" : "incident"
                // Read in place, row by row: the columns of each incident, its body and (for those awaiting
                // judgement) its fingerprint; the bodies are decoded together afterwards.
                let statement = try db.makeStatement(
                    sql: "SELECT \(Self.storedColumns), incident.rowid FROM \(source) \(filter.whereClause) ORDER BY incident.rowid LIMIT ?")
                let fingerprinting = selection == .awaiting
                var parts: [(summary: Incident, body: String)] = []
                var fingerprints: [IncidentID: Int] = [:]
                var last: Int64?
                parts.reserveCapacity(limit)
                if fingerprinting { fingerprints.reserveCapacity(limit) }
                try StatementColumns.forEachRow(of: statement, arguments: filter.arguments + [limit]) { row in
                    let summary = Self.summary(row)
                    parts.append((summary, row.text(Self.storedColumnCount - 1) ?? ""))
                    if fingerprinting { fingerprints[summary.id] = AdjudicationBasis.fingerprint(row) }
                    last = row.integer(Self.storedColumnCount)
                }
                return IncidentBatch(
                    incidents: try Self.incidents(fromParts: parts, withFields: false, db: db), fingerprints: fingerprints,
                    next: parts.count < limit ? nil : last.map { IncidentBatch.Position(rowid: $0) })
            }
        }
    }

    @discardableResult
    public func save(_ run: AdjudicationRun) throws -> Int {
        try wrap("save verdicts") {
            try immediateWrite(changesContent: false) { db in
                let (changedIncidents, changedAgreements) = try changedSince(run, db: db)
                // Marked judged: the incidents and agreements that did not change while judged, their old verdicts
                // forgotten first.
                let incidents = run.incidents.filter { !changedIncidents.contains($0) }
                let agreements = run.agreements.filter { !changedAgreements.contains($0) }
                for (subject, ids, column) in [("incident", incidents, "incident_id"), ("agreement", agreements, "agreement_id")] {
                    try ChunkedRows.write(ids, sql: { "DELETE FROM verdict WHERE \(column) IN (\(ChunkedRows.list("?", $0)))" }, db: db) { id, row in
                        try row.bind(id)
                    }
                    try ChunkedRows.write(
                        ids,
                        sql: { "INSERT OR REPLACE INTO adjudication_mark (subject, id, rules_version) VALUES \(ChunkedRows.list("(?, ?, ?)", $0))" },
                        db: db
                    ) { id, row in
                        try row.bind(subject)
                        try row.bind(id)
                        try row.bind(run.rulesVersion)
                    }
                }
                let verdicts = run.verdicts.filter { !changedIncidents.contains($0.incident) && !changedAgreements.contains($0.agreement) }
                try ChunkedRows.write(
                    verdicts,
                    sql: {
                        "INSERT OR REPLACE INTO verdict (incident_id, agreement_id, kind, outcomes, rules_version) VALUES "
                            + ChunkedRows.list("(?, ?, ?, ?, ?)", $0)
                    }, db: db
                ) { verdict, row in
                    try row.bind(verdict.incident)
                    try row.bind(verdict.agreement)
                    try row.bind(verdict.kind.rawValue)
                    try row.bind(Int64(PackedChecks.pack(verdict.checks)))
                    try row.bind(verdict.rulesVersion)
                }
                let queued = run.toReview.filter { !changedIncidents.contains($0) }
                let now = Date().timeIntervalSince1970
                try ChunkedRows.write(
                    queued,
                    sql: {
                        "INSERT OR IGNORE INTO review_status (incident_id, state, updated_at) VALUES \(ChunkedRows.list("(?, 'unreviewed', ?)", $0))"
                    }, db: db
                ) { id, row in
                    try row.bind(id)
                    try row.bind(now)
                }
                if run.linkRecords.isEmpty {
                    try StagedLinkRecords.forget(ids: run.incidents, db: db)
                } else {
                    let marked = Set(run.incidents).subtracting(changedIncidents)
                    try StagedLinkRecords.forget(ids: marked.subtracting(run.linkRecords.map(\.id)), db: db)
                    try StagedLinkRecords.stage(run.linkRecords.filter { marked.contains($0.id) }, rulesVersion: run.rulesVersion, db: db)
                }
                if let evidence = run.evidence {
                    try Self.replace(evidence: evidence.lazy.filter { !changedIncidents.contains($0.incident) }, db: db)
                }
                return changedIncidents.count + changedAgreements.count
            }
        }
    }

    /// A number that changes whenever what adjudication judges may have changed: SQLite's `data_version` on the
    /// writing connection, which changes when another connection (of this process or another) commits, with
    /// this store's own writes of content (``contentWrites``) mixed in.
    func writtenVersion(_ db: Database) throws -> Int {
        var hasher = Hasher()
        hasher.combine(try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0)
        hasher.combine(contentWrites.value)
        return hasher.finalize()
    }

    /// ``writtenVersion(_:)`` now.
    func writtenVersion() throws -> Int { try writer.unsafeReentrantWrite { try writtenVersion($0) } }

    /// The incidents and agreements the run judged whose content has changed since it was read. An incident
    /// that awaited judgement changed when its fingerprint differs; one already judged changed when its mark
    /// is gone (every save of new content removes the mark). An agreement changed when its fingerprint differs.
    private func changedSince(_ run: AdjudicationRun, db: Database) throws -> (Set<IncidentID>, Set<AgreementID>) {
        guard let basis = run.basis else { return ([], []) }
        // No other connection has written since the content was read: nothing can have changed.
        if let version = basis.writtenVersion, try writtenVersion(db) == version { return ([], []) }
        var incidents = Set<IncidentID>()
        let stored = try db.cachedStatement(sql: "SELECT \(Self.storedColumns) FROM incident WHERE id = ?")
        for (id, print) in basis.awaitingIncidents {
            var current: Int?
            try StatementColumns.forEachRow(of: stored, arguments: [id]) { current = AdjudicationBasis.fingerprint($0) }
            if current != print { incidents.insert(id) }
        }
        let marked = try db.cachedStatement(
            sql: "SELECT 1 FROM adjudication_mark WHERE subject = 'incident' AND id = ? AND rules_version = ?")
        var looked = Set<IncidentID>()
        for id in run.verdicts.map(\.incident) + (run.evidence?.map(\.incident) ?? [])
        where basis.awaitingIncidents[id] == nil && looked.insert(id).inserted {
            if try Bool.fetchOne(marked, arguments: [id, run.rulesVersion]) == nil { incidents.insert(id) }
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
