import Foundation
import GRDB
import TruceCore

/// The filters of incident and verdict queries as SQL, shared by whole listings and pages, and pages read by
/// keyset: each page starts after the sort key of the last row of the one before, so reading page after page
/// costs the same however far in it is.
extension SQLiteStore {
    public func incidents(matching query: IncidentQuery, after position: PagePosition?, limit: Int) throws -> Page<Incident> {
        var filter = Self.filter(query)
        if let position {
            // `start_unix >= ?` alone lets the start index range-scan; the rest picks up within the same second.
            filter.add("start_unix >= ? AND (start_unix > ? OR id > ?)", [position.start, position.start, position.incident])
        }
        let (incidents, last) = try readIncidents(
            "FROM incident \(filter.whereClause) ORDER BY start_unix, id LIMIT ?", filter.arguments + [limit], detail: query.detail)
        return Page(items: incidents, next: incidents.count < limit ? nil : last)
    }

    public func incidentRows(matching query: IncidentQuery, after position: PagePosition?, limit: Int) throws -> Page<StoredIncidentRow> {
        var filter = Self.filter(query)
        if let position { filter.add("start_unix >= ? AND (start_unix > ? OR id > ?)", [position.start, position.start, position.incident]) }
        let sql = "SELECT \(Self.storedColumns) FROM incident \(filter.whereClause) ORDER BY start_unix, id LIMIT ?"
        let arguments = filter.arguments + [limit]
        // The stored body is compact (``CompactBody``): the canonical JSON is rebuilt from the columns, the body and,
        // where the body does not hold them, the first source record's row.
        let (rows, incidents) = try wrap("read incidents") {
            try writer.read { db in
                let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
                return (rows, try Self.incidents(fromRows: rows, withFields: false, db: db))
            }
        }
        let items = zip(rows, incidents).map { StoredIncidentRow(summary: Self.summary($0), body: $1.canonicalJSON) }
        return Page(items: items, next: rows.count < limit ? nil : rows.last.map(Self.position))
    }

    public func incidents(ids: [IncidentID], detail: IncidentQuery.Detail) throws -> [Incident] {
        var byID: [IncidentID: Incident] = [:]
        // SQLite bounds the number of bound values in one statement; 500 is far below every build's bound.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let marks = ChunkedRows.list("?", chunk.count)
            for incident in try readIncidents("FROM incident WHERE id IN (\(marks))", StatementArguments(chunk), detail: detail).incidents {
                byID[incident.id] = incident
            }
        }
        return ids.compactMap { byID[$0] }
    }

    public func verdicts(matching query: VerdictQuery, after position: PagePosition?, limit: Int) throws -> Page<StoredVerdict> {
        var filter = Self.filter(query)
        if let position {
            filter.add(
                "i.start_unix >= ? AND (i.start_unix > ? OR v.incident_id > ? OR (v.incident_id = ? AND v.agreement_id > ?))",
                [position.start, position.start, position.incident, position.incident, position.agreement ?? ""])
        }
        // Without an agreement, the page is found fastest by walking incidents in start order until `limit`
        // verdicts are read; with one, by reading that agreement's verdicts and sorting them.
        let rows = try readVerdicts(filter, limit: limit, fromIncidents: query.agreement == nil)
        let next = rows.count < limit ? nil : rows.last?.position
        return Page(items: rows, next: next)
    }

    // MARK: Shared by listings and pages

    /// An incident query's filters as SQL on the `incident` table, its columns named with `prefix`.
    static func filter(_ query: IncidentQuery, prefix: String = "") -> SQLFilter {
        var filter = SQLFilter()
        if let party = query.perpetrator { filter.add("\(prefix)perpetrator = ?", [party.rawValue]) }
        if let span = query.during { filter.add(overlapping: span, prefix: prefix) }
        if let category = query.category { filter.add("\(prefix)target_category = ?", [category.rawValue]) }
        if let country = query.country {
            // An incident in several countries is found under each of them.
            // (`countries IS NOT NULL` lets SQLite read the partial index of such incidents instead of every row.)
            filter.add(
                "(\(prefix)country = ? OR (\(prefix)countries IS NOT NULL AND instr(' ' || \(prefix)countries || ' ', ?) > 0))",
                [country, " \(country) "])
        }
        if let region = query.region { filter.add(RegionFunction.condition(prefix: prefix), [region, region]) }
        if let scope = query.scope { filter.add(scope, prefix: prefix) }
        return filter
    }

    /// A verdict query's filters as SQL on `verdict v JOIN incident i LEFT JOIN evidence e`.
    static func filter(_ query: VerdictQuery) -> SQLFilter {
        var filter = filter(IncidentQuery(perpetrator: query.perpetrator, during: query.during, region: query.region), prefix: "i.")
        if let agreement = query.agreement { filter.add("v.agreement_id = ?", [agreement]) }
        if let kind = query.kind { filter.add("v.kind = ?", [kind.rawValue]) }
        if let evidence = query.evidence { filter.add("e.level = ?", [evidence.rawValue]) }
        if let events = query.events {
            // One JSON array argument, however many events: no bound on the number of bound values.
            let list = String(decoding: (try? JSONEncoder().encode(events.sorted())) ?? Data("[]".utf8), as: UTF8.self)
            // Written on the verdict's incident so that SQLite starts from the events' members, not every verdict.
            filter.add("v.incident_id IN (SELECT incident_id FROM evidence WHERE link_group IN (SELECT value FROM json_each(?)))", [list])
        }
        return filter
    }

    /// The columns of an incident's summary, in the order ``summary(_:)`` and ``position(_:)`` read them by
    /// position: change both with it.
    static let summaryColumns = """
        id, start_unix, end_unix, time_precision, country, admin1, place, latitude, longitude, geo_precision, action,
        target_category, target_subtype, perpetrator, fatalities, outcome, acts, countries
        """

    /// Incidents read with `detail` by `SELECT … ` + `tail` (`FROM incident …`), and the sort key of the last.
    func readIncidents(_ tail: String, _ arguments: StatementArguments, detail: IncidentQuery.Detail) throws
        -> (incidents: [Incident], last: PagePosition?)
    {
        try wrap("read incidents") { try writer.read { db in try Self.readIncidents(tail, arguments, detail: detail, db: db) } }
    }

    /// ``readIncidents(_:_:detail:)`` within `db`'s current transaction.
    static func readIncidents(_ tail: String, _ arguments: StatementArguments, detail: IncidentQuery.Detail, db: Database) throws
        -> (incidents: [Incident], last: PagePosition?)
    {
        switch detail {
        case .summary:
            let rows = try Row.fetchAll(db, sql: "SELECT \(Self.summaryColumns) \(tail)", arguments: arguments)
            return (rows.map(Self.summary), rows.last.map(Self.position))
        case .withoutSourceFields, .full:
            let rows = try Row.fetchAll(db, sql: "SELECT \(Self.storedColumns) \(tail)", arguments: arguments)
            return (try Self.incidents(fromRows: rows, withFields: detail == .full, db: db), rows.last.map(Self.position))
        }
    }

    /// The sort key of an incident row.
    /// The sort key of a row that starts with ``summaryColumns``.
    static func position(_ row: Row) -> PagePosition { PagePosition(start: row[1], incident: row[0]) }

    /// Verdicts matching `filter`, by incident start, incident and agreement, at most `limit`. With
    /// `fromIncidents`, SQLite walks the incidents in start order and looks up each one's verdicts (it stops as
    /// soon as `limit` are read); otherwise it picks its own plan.
    func readVerdicts(_ filter: SQLFilter, limit: Int? = nil, fromIncidents: Bool = false) throws -> [StoredVerdict] {
        let join =
            fromIncidents
            ? "incident i CROSS JOIN verdict v ON v.incident_id = i.id" : "verdict v JOIN incident i ON i.id = v.incident_id"
        let sql = """
            SELECT v.incident_id, v.agreement_id, v.kind, v.outcomes, v.rules_version, e.level, e.link_group, i.perpetrator, i.start_unix,
                i.country, i.admin1
            FROM \(join) LEFT JOIN evidence e ON e.incident_id = v.incident_id
            \(filter.whereClause)
            ORDER BY i.start_unix, v.incident_id, v.agreement_id\(limit == nil ? "" : " LIMIT ?")
            """
        let arguments = filter.arguments + (limit.map { [$0] } ?? [])
        return try wrap("read verdicts") {
            try writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    let checks = PackedChecks.unpack(UInt32(truncatingIfNeeded: row["outcomes"] as Int64))
                    let verdict = Verdict(
                        incident: row["incident_id"], agreement: row["agreement_id"],
                        kind: VerdictKind(rawValue: row["kind"]) ?? .insufficientInformation, checks: checks,
                        rulesVersion: row["rules_version"])
                    return StoredVerdict(
                        verdict: verdict, evidence: (row["level"] as String?).flatMap(EvidenceLevel.init(rawValue:)), event: row["link_group"],
                        perpetrator: (row["perpetrator"] as String?).map(PartyID.init(rawValue:)),
                        start: Date(timeIntervalSince1970: TimeInterval(row["start_unix"] as Int64)), country: row["country"],
                        admin1: row["admin1"])
                }
            }
        }
    }
}

/// SQL conditions joined by `AND`, with their arguments in order.
struct SQLFilter {
    private(set) var conditions: [String] = []
    private(set) var arguments = StatementArguments()

    mutating func add(_ condition: String, _ values: [any DatabaseValueConvertible]) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }

    /// Rows (columns named with `prefix`) whose span overlaps `span`.
    mutating func add(overlapping span: TimeSpan, prefix: String) {
        if let end = span.end { add("\(prefix)start_unix < ?", [unix(end)]) }
        add("(\(prefix)end_unix IS NULL OR \(prefix)end_unix > ?)", [unix(span.start)])
        // No incident lasts longer than the longest span: a lower bound that lets the start index range-scan.
        add("\(prefix)start_unix >= ? - (SELECT value FROM store_meta WHERE key = 'longest_span')", [unix(span.start)])
    }

    /// Rows (columns named with `prefix`) whose columns may fall in a scope: each column empty or one of the
    /// values the scope allows; a row of several countries always.
    mutating func add(_ scope: ScopeColumns, prefix: String) {
        func among(_ column: String, _ values: [String]?, orElse extra: String = "") {
            guard let values else { return }
            let allowed = values.isEmpty ? "" : " OR \(prefix)\(column) IN (\(ChunkedRows.list("?", values.count)))"
            add("(\(prefix)\(column) IS NULL\(extra)\(allowed))", values)
        }
        among("perpetrator", scope.perpetrators?.map(\.rawValue))
        among("target_category", scope.categories?.map(\.rawValue))
        among("action", scope.actions?.map(\.rawValue))
        among("country", scope.countries, orElse: " OR \(prefix)countries IS NOT NULL")
    }

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }
}
