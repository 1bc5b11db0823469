import Foundation
import GRDB
import TruceCore

/// Link records (`link_key`) and evidence as linking reads and writes them: by the first day a record's span
/// touches, and by id in batches, with prepared statements.
extension SQLiteStore {
    public func linking<Value>(_ body: (any LinkingSession) throws -> Value) throws -> Value {
        try wrap("link records") { try immediateWrite(changesContent: false) { db in try LinkingTransaction.run(db, body) } }
    }
}

/// One linking transaction on a SQLite store.
struct LinkingTransaction: LinkingSession {
    let db: Database

    /// Runs `body` with a linking session on `db`, inside the caller's transaction. Linking a store writes a link
    /// record and an evidence row per incident: a larger page cache (128 MB) meanwhile spares most of the
    /// spilling to the write-ahead log.
    static func run<Value>(_ db: Database, _ body: (any LinkingSession) throws -> Value) throws -> Value {
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
        try db.execute(sql: "PRAGMA cache_size = -131072")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
        return try body(LinkingTransaction(db: db))
    }

    /// Ids bound at once in an `IN (…)` list.
    static let batch = 500

    static let columns = """
        incident_id, first_day, last_day, role, start_seconds, end_seconds, target_category, target_subtype, target_words,
        action, country, latitude, longitude, geo_precision, region, place, coded_dataset, own_level, claims
        """

    func isLinked(rulesVersion: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM store_meta WHERE key = ?", arguments: [Self.linkedKey(rulesVersion)]) ?? false
    }

    func incidentsToLink(rulesVersion: String) throws -> Set<IncidentID> {
        guard try isLinked(rulesVersion: rulesVersion) else { return try incidentIDs() }
        return Set(try String.fetchAll(db, sql: "SELECT p.incident_id FROM link_pending p JOIN incident i ON i.id = p.incident_id"))
    }

    func incidentIDs() throws -> Set<IncidentID> { Set(try String.fetchAll(db, sql: "SELECT id FROM incident")) }

    func savedIncidentsAwaitingAdjudication(rulesVersion: String) throws -> Set<IncidentID> {
        // Every save queues the incident in link_pending: reading those spares a pass over the whole store.
        Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT p.incident_id FROM link_pending p JOIN incident i ON i.id = p.incident_id
                    WHERE NOT EXISTS (
                        SELECT 1 FROM adjudication_mark m WHERE m.subject = 'incident' AND m.id = p.incident_id AND m.rules_version = ?)
                    """,
                arguments: [rulesVersion]))
    }

    func removeEvidence(ids: [IncidentID]) throws {
        for start in stride(from: 0, to: ids.count, by: Self.batch) {
            let slice = Array(ids[start..<min(start + Self.batch, ids.count)])
            try db.execute(sql: "DELETE FROM evidence WHERE incident_id IN \(Self.placeholders(slice.count))", arguments: StatementArguments(slice))
        }
    }

    func markLinked(rulesVersion: String, except waiting: Set<IncidentID>) throws {
        try db.execute(sql: "DELETE FROM link_pending")
        for id in waiting { try db.run("INSERT OR IGNORE INTO link_pending (incident_id) VALUES (?)", arguments: [id]) }
        try db.execute(sql: "DELETE FROM store_meta WHERE key LIKE 'linked:%'")
        try db.execute(sql: "INSERT INTO store_meta (key, value) VALUES (?, 1)", arguments: [Self.linkedKey(rulesVersion)])
        try AwaitingQueue.forget(db)
        try StagedLinkRecords.drop(db)
    }

    func noteJudgedAllAwaiting(rulesVersion: String, resets: Int) throws {
        guard try AwaitingQueue.resets(db) == resets else { return }
        try db.execute(sql: "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, 1)", arguments: [AwaitingQueue.key(rulesVersion)])
    }

    /// The key in `store_meta` saying the store is linked under `rulesVersion`.
    static func linkedKey(_ rulesVersion: String) -> String { "linked:" + rulesVersion }

    func incidentCount() throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incident") ?? 0 }

    func holdsIncidents(atLeast count: Int) throws -> Bool {
        guard count > 0 else { return true }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM incident LIMIT 1 OFFSET ?)", arguments: [count - 1]) ?? false
    }

    func linkRecordCount(rulesVersion: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM link_key WHERE rules_version = ?", arguments: [rulesVersion]) ?? 0
    }

    func refreshLinkRecords(ids: [IncidentID]?, rulesVersion: String, records: ([Incident]) -> [LinkRecord]) throws {
        // Records staged while judging are taken as they are: only the other incidents' bodies are decoded.
        let staged = try StagedLinkRecords.any(db)
        defer { if staged { try? StagedLinkRecords.drop(db) } }
        func save(_ rows: [Row]) throws {
            let incidents = try SQLiteStore.incidents(fromRows: rows, withFields: false, db: db)
            try StagedLinkRecords.write(records(incidents), rulesVersion: rulesVersion, into: "link_key", db: db)
        }
        func refresh(_ ids: [IncidentID]) throws {
            for start in stride(from: 0, to: ids.count, by: Self.batch) {
                let slice = Array(ids[start..<min(start + Self.batch, ids.count)])
                var sql = "SELECT \(SQLiteStore.storedColumns) FROM incident WHERE id IN \(Self.placeholders(slice.count))"
                var arguments = StatementArguments(slice)
                if staged {
                    try StagedLinkRecords.take(ids: slice, rulesVersion: rulesVersion, db: db)
                    sql += " AND " + StagedLinkRecords.notStaged
                    arguments += [rulesVersion, rulesVersion]
                }
                try save(try Row.fetchAll(db, sql: sql, arguments: arguments))
            }
        }
        if let ids { return try refresh(ids) }
        // Every incident; link records of incidents no longer stored go.
        try db.execute(sql: "DELETE FROM link_key WHERE incident_id NOT IN (SELECT id FROM incident)")
        if staged {
            try StagedLinkRecords.takeAll(rulesVersion: rulesVersion, db: db)
            return try refresh(
                try String.fetchAll(db, sql: "SELECT id FROM incident WHERE \(StagedLinkRecords.notStaged)", arguments: [rulesVersion, rulesVersion]))
        }
        // In order of rowid, a batch at a time.
        var after: Int64 = .min
        let statement = try db.cachedStatement(
            sql: "SELECT \(SQLiteStore.storedColumns), rowid FROM incident WHERE rowid > ? ORDER BY rowid LIMIT 4000")
        while true {
            let rows = try Row.fetchAll(statement, arguments: [after])
            guard let last = rows.last else { return }
            try save(rows)
            after = last[SQLiteStore.storedColumnCount]
        }
    }

    func linkRecords(ids: [IncidentID]) throws -> [LinkRecord] {
        var records: [LinkRecord] = []
        for start in stride(from: 0, to: ids.count, by: Self.batch) {
            let slice = Array(ids[start..<min(start + Self.batch, ids.count)])
            records += try fetch(
                "SELECT \(Self.columns) FROM link_key WHERE incident_id IN \(Self.placeholders(slice.count))", StatementArguments(slice))
        }
        return records
    }

    func linkRecords(firstDays: Range<Int32>, role: LinkRecord.Role?) throws -> [LinkRecord] {
        guard let role else {
            return try fetch(
                "SELECT \(Self.columns) FROM link_key WHERE first_day >= ? AND first_day < ? AND role <> 'apart'",
                [firstDays.lowerBound, firstDays.upperBound])
        }
        return try fetch(
            "SELECT \(Self.columns) FROM link_key WHERE first_day >= ? AND first_day < ? AND role = ?",
            [firstDays.lowerBound, firstDays.upperBound, role.rawValue])
    }

    func memberLinkRecords(firstDays: Range<Int32>, country: String) throws -> [LinkRecord] {
        try fetch(
            """
            SELECT \(Self.columns) FROM link_key
            WHERE role = 'member' AND ((country = ?1 AND first_day >= ?2 AND first_day < ?3) OR (country IS NULL AND first_day >= ?2 AND first_day < ?3))
            """,
            [country, firstDays.lowerBound, firstDays.upperBound])
    }

    func vagueLinkRecords(touching days: ClosedRange<Int32>) throws -> [LinkRecord] {
        try fetch(
            "SELECT \(Self.columns) FROM link_key WHERE role = 'vague' AND last_day >= ? AND first_day <= ?", [days.lowerBound, days.upperBound])
    }

    func linkBlockEnd(from firstDay: Int32, limit: Int) throws -> Int32? {
        let day = try Int32.fetchOne(
            db, sql: "SELECT first_day FROM link_key WHERE first_day >= ? AND role <> 'apart' ORDER BY first_day LIMIT 1 OFFSET ?",
            arguments: [firstDay, limit])
        return day.map { max($0, firstDay + 1) }
    }

    func firstLinkDay() throws -> Int32? { try Int32.fetchOne(db, sql: "SELECT MIN(first_day) FROM link_key") }

    func evidence(ids: [IncidentID]) throws -> [EvidenceRecord] {
        try evidence(where: "incident_id", in: ids)
    }

    func evidence(groups: [IncidentID]) throws -> [EvidenceRecord] {
        try evidence(where: "link_group", in: groups)
    }

    private func evidence(where column: String, in values: [IncidentID]) throws -> [EvidenceRecord] {
        var records: [EvidenceRecord] = []
        for start in stride(from: 0, to: values.count, by: Self.batch) {
            let slice = Array(values[start..<min(start + Self.batch, values.count)])
            records += try Row.fetchAll(
                db, sql: "SELECT incident_id, link_group, level, may_describe FROM evidence WHERE \(column) IN \(Self.placeholders(slice.count))",
                arguments: StatementArguments(slice)
            ).map(SQLiteStore.evidenceRecord)
        }
        return records
    }

    func writeApartEvidence(firstDays: Range<Int32>) throws -> Int {
        try db.execute(
            sql: """
                INSERT INTO evidence (incident_id, link_group, level, may_describe)
                SELECT k.incident_id, k.incident_id, k.own_level, '[]' FROM link_key k JOIN incident i ON i.id = k.incident_id
                WHERE k.first_day >= ? AND k.first_day < ? AND k.role = 'apart'
                ON CONFLICT (incident_id) DO UPDATE SET
                    link_group = excluded.link_group, level = excluded.level, may_describe = excluded.may_describe
                WHERE link_group IS NOT excluded.link_group OR level IS NOT excluded.level OR may_describe IS NOT excluded.may_describe
                """,
            arguments: [firstDays.lowerBound, firstDays.upperBound])
        return db.changesCount
    }

    func write(evidence: [EvidenceRecord]) throws -> Int {
        // A row is written only when it differs from the stored one; a record no longer stored is left out.
        try ChunkedRows.write(
            evidence,
            sql: {
                """
                INSERT INTO evidence (incident_id, link_group, level, may_describe)
                SELECT v.column1, v.column2, v.column3, v.column4 FROM (VALUES \(ChunkedRows.list("(?, ?, ?, ?)", $0))) AS v
                WHERE EXISTS (SELECT 1 FROM incident WHERE id = v.column1)
                ON CONFLICT (incident_id) DO UPDATE SET
                    link_group = excluded.link_group, level = excluded.level, may_describe = excluded.may_describe
                WHERE link_group IS NOT excluded.link_group OR level IS NOT excluded.level OR may_describe IS NOT excluded.may_describe
                """
            }, db: db
        ) { record, row in
            try row.bind(record.incident)
            try row.bind(record.group)
            try row.bind(record.level.rawValue)
            try row.bind(record.mayDescribe.isEmpty ? "[]" : try TruceJSON.string(record.mayDescribe))
        }
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments) throws -> [LinkRecord] {
        var records: [LinkRecord] = []
        try StatementColumns.forEachRow(of: try db.cachedStatement(sql: sql), arguments: arguments) { records.append(try Self.record($0)) }
        return records
    }

    static func placeholders(_ count: Int) -> String { "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")" }

    /// A link record from a row of ``columns``, read by position.
    static func record(_ row: some ColumnValues) throws -> LinkRecord {
        func decoded<Value: RawRepresentable<String>>(_ index: Int, _ type: Value.Type) throws -> Value? {
            guard let raw = row.text(index) else { return nil }
            guard let value = Value(rawValue: raw) else {
                throw DatabaseError(message: "link_key row \(row.text(0) ?? ""): unknown \(Value.self) '\(raw)'")
            }
            return value
        }
        let latitude = row.real(11)
        let longitude = row.real(12)
        let words = row.text(8)
        guard let role = try decoded(3, LinkRecord.Role.self), let precision = try decoded(13, GeoPrecision.self),
            let level = try decoded(17, EvidenceLevel.self)
        else { throw DatabaseError(message: "link_key row \(row.text(0) ?? ""): missing role, precision or level") }
        return LinkRecord(
            id: row.text(0) ?? "", start: row.real(4) ?? 0, end: row.real(5), category: try decoded(6, TargetCategory.self),
            subtype: row.text(7), targetWords: words.map { $0.split(separator: " ").map(String.init) },
            action: try decoded(9, ActionType.self), country: row.text(10),
            coordinate: latitude.flatMap { latitude in longitude.map { Coordinate(latitude: latitude, longitude: $0) } },
            precision: precision, region: row.text(14), place: row.text(15), eventCodedDataset: row.text(16), role: role,
            ownLevel: level, claimsText: row.text(18) ?? "")
    }
}
