import Foundation
import GRDB
import TruceCore

/// The embedded store: one SQLite file in WAL mode, schema by versioned migrations.
///
/// ```swift
/// let store = try SQLiteStore(path: "truce.sqlite")
/// let summary = try store.save(agreements: catalog.agreements)   // "6 new, 0 updated, 0 unchanged, 0 quarantined"
/// ```
///
/// Many processes may use one file at once. Readers never wait and never block writers; writers take turns:
/// every write is one `BEGIN IMMEDIATE` transaction, and a writer that finds the file being written waits up
/// to ``busyTimeout`` seconds before failing with ``StoreError/Cause/busy(timeout:)``. A store opened
/// ``Access/readOnly`` never migrates or writes, so it can read a file the user may not write.
public final class SQLiteStore: VerdictStore {
    let writer: any DatabaseWriter
    /// How many writes through this store may have changed what adjudication judges (SQLite's `data_version`
    /// tells of other connections' writes only).
    let contentWrites = WriteCounter()
    /// Agreements decoded from their stored bodies: a server reads the same few agreements on every request,
    /// and decoding one costs far more than reading its body. Keyed by the body, so an edit is never missed.
    let decodedAgreements = BoundedMemo<String, Result<Agreement, any Error>>(capacity: 4_096)
    /// Every agreement as adjudication reads it, by the store's count of agreement writes when read.
    let agreementsByWrites = BoundedMemo<Int, JudgedAgreements>(capacity: 4)
    /// The database file's path.
    public let path: String
    /// Whether this store may write.
    public let access: Access
    /// How long a write waits for another process's write to finish, in seconds.
    public let busyTimeout: Double

    /// How a store opens its file.
    public enum Access: Sendable {
        /// Creates the file if needed, brings its schema up to date, and writes.
        case readWrite
        /// Only reads: the file must exist with an up-to-date schema; nothing is ever written.
        case readOnly
    }

    /// How a bulk load writes its pages (see ``deferSecondaryIndexes()``).
    public let bulkLoadJournal: BulkLoadJournal
    /// What the store is opened for.
    public let workload: Workload

    /// What a store is opened for, which decides how its connections use memory.
    public enum Workload: Sendable {
        /// A command: large batches, and the process's memory is what it holds.
        case command
        /// A long-running server: many small writes, each reading a neighbourhood of pages. Connections read pages
        /// through a memory map (up to 4 GiB of the file) rather than copying each in, and the writer keeps its
        /// statement journals in memory (SQLite spills each to a temporary file otherwise: a reviewer's verify
        /// wrote four times as many bytes to those as to the WAL). Neither suits a command: every page mapped
        /// counts in its memory, and a batch's statement journals can reach hundreds of megabytes.
        case server
    }

    /// How a bulk load writes its pages.
    public enum BulkLoadJournal: Sendable {
        /// Through the WAL, always: this process's readers never wait for the load (a server).
        case wal
        /// Through a rollback journal when no other connection has the file open, so that each page is written
        /// once (a command that reads nothing else while it loads).
        case rollbackWhenAlone
    }

    /// The busy timeout when none is given: long enough for any other command's transaction.
    public static let defaultBusyTimeout: Double = 120

    /// Opens the database at `path`; read-write stores create it if needed and bring its schema up to date.
    /// - Parameters:
    ///   - busyTimeout: seconds a write waits while another process writes.
    ///   - maximumValueLength: the longest text the store accepts in one value, in bytes (SQLite's length limit;
    ///     `nil` keeps SQLite's default of 1,000,000,000). A record with a longer value is refused with
    ///     ``StoreError/Cause/recordRejected(_:)``.
    ///   - bulkLoadJournal: how a bulk load writes its pages; ``BulkLoadJournal/wal`` unless nothing else in this
    ///     process reads the store while it loads.
    ///   - workload: what the store is opened for (``Workload``): a command unless told otherwise.
    /// - Throws: ``StoreError`` naming the path when the file cannot be opened, read or migrated.
    public init(
        path: String, access: Access = .readWrite, busyTimeout: Double = SQLiteStore.defaultBusyTimeout,
        maximumValueLength: Int? = nil, bulkLoadJournal: BulkLoadJournal = .wal, workload: Workload = .command
    ) throws {
        self.path = path
        self.bulkLoadJournal = bulkLoadJournal
        self.access = access
        self.busyTimeout = busyTimeout
        let opening = Opening(path: path, busyTimeout: busyTimeout, maximumValueLength: maximumValueLength, workload: workload)
        self.workload = workload
        do {
            writer = access == .readWrite ? try opening.readWrite() : try opening.readOnly()
        } catch {
            throw StoreError(path: path, operation: "open the database", error: error, busyTimeout: busyTimeout)
        }
    }

    /// The names of the migrations applied, oldest first.
    /// Reads the store once, cheaply, to tell that it can be read.
    /// - Throws: ``StoreError`` when it cannot.
    public func ping() throws {
        try wrap("read the store") { try writer.read { try $0.execute(sql: "SELECT 1") } }
    }

    public func appliedMigrations() throws -> [String] {
        try wrap("read the schema") { try writer.read { try Migrations.migrator.appliedMigrations($0) } }
    }

    public func save(agreements: [Agreement]) throws -> LoadSummary {
        try wrap("save agreements") { try immediateWrite { db in try Self.save(agreements: agreements, db: db) } }
    }

    /// Saves agreements in `db`'s current transaction, replacing those whose content changed.
    static func save(agreements: [Agreement], db: Database) throws -> LoadSummary {
        let encoder = TruceJSON.encoder()
        var summary = LoadSummary()
        for agreement in agreements {
            let body = String(decoding: try encoder.encode(agreement), as: UTF8.self)
            let existing = try String.fetchOne(db, sql: "SELECT body FROM agreement WHERE id = ?", arguments: [agreement.id])
            if existing == body {
                summary.unchanged += 1
                continue
            }
            if existing == nil { summary.new += 1 } else { summary.updated += 1 }
            try db.execute(sql: "DELETE FROM agreement WHERE id = ?", arguments: [agreement.id])
            try db.execute(sql: "DELETE FROM adjudication_mark WHERE subject = 'agreement' AND id = ?", arguments: [agreement.id])
            let span = agreement.outerSpan
            try db.execute(
                sql: "INSERT INTO agreement (id, title, kind, start_unix, end_unix, body) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    agreement.id, agreement.title, agreement.kind.rawValue, span.map { unix($0.start) }, span?.end.map(unix), body,
                ])
            for party in agreement.parties {
                try db.execute(
                    sql: "INSERT INTO agreement_party (agreement_id, party_id, role) VALUES (?, ?, ?)",
                    arguments: [agreement.id, party.id.rawValue, party.role.rawValue])
            }
        }
        return summary
    }

    public func agreements() throws -> [Agreement] {
        try wrap("read agreements") {
            try writer.read { db in
                try String.fetchAll(db, sql: "SELECT body FROM agreement ORDER BY id").map { try decode(Agreement.self, $0) }
            }
        }
    }

    public func agreement(id: AgreementID) throws -> Agreement? {
        try wrap("read agreement \(id)") {
            try writer.read { db in
                try String.fetchOne(db, sql: "SELECT body FROM agreement WHERE id = ?", arguments: [id]).map { body in
                    try decodedAgreements.value(for: body) { Result { try decode(Agreement.self, body) } }.get()
                }
            }
        }
    }

    public func incidents(matching query: IncidentQuery) throws -> [Incident] {
        try wrap("read incidents") { try writer.read { db in try Self.incidents(matching: query, db: db) } }
    }

    /// Incidents matching `query`, read in `db`'s current transaction.
    static func incidents(matching query: IncidentQuery, db: Database) throws -> [Incident] {
        let filter = Self.filter(query)
        var tail = "FROM incident \(filter.whereClause) ORDER BY start_unix, id"
        var arguments = filter.arguments
        if let limit = query.limit {
            tail += " LIMIT ?"
            arguments += [limit]
        }
        return try readIncidents(tail, arguments, detail: query.detail, db: db).incidents
    }

    /// An incident from its columns alone (see ``IncidentQuery/Detail/summary``), read from a row of
    /// ``summaryColumns`` (a copied row, or a statement's row read in place).
    static func summary(_ row: some ColumnValues) -> Incident {
        // By position, in the order of ``summaryColumns``: GRDB looks a column up by name case-insensitively,
        // lowercasing the name each time, which was an eighth of a page's work.
        let latitude = row.real(7)
        let longitude = row.real(8)
        return Incident(
            id: IncidentID(row.text(0) ?? ""),
            time: IncidentTime(
                span: TimeSpan(
                    start: Date(timeIntervalSince1970: TimeInterval(row.integer(1) ?? 0)),
                    end: row.integer(2).map { Date(timeIntervalSince1970: TimeInterval($0)) }),
                precision: row.text(3).flatMap(TimePrecision.init(rawValue:)) ?? .day),
            location: IncidentLocation(
                country: row.text(4), admin1: row.text(5), place: row.text(6),
                coordinate: latitude.flatMap { lat in longitude.map { Coordinate(latitude: lat, longitude: $0) } },
                precision: row.text(9).flatMap(GeoPrecision.init(rawValue:)) ?? .unknown,
                countries: row.text(17).map { $0.split(separator: " ").map(String.init) } ?? []),
            action: row.text(10).flatMap(ActionType.init(rawValue:)),
            outcome: row.text(15).flatMap(Outcome.init(rawValue:)), acts: row.integer(16).map(Int.init),
            target: Target(category: row.text(11).flatMap(TargetCategory.init(rawValue:)), subtype: row.text(12)),
            perpetrator: row.text(13).map { Attribution(party: PartyID($0), attributedBy: "") },
            effects: Effects(fatalities: row.integer(14).map(Int.init)), description: "")
    }

    public func history(of id: IncidentID) throws -> [Incident] {
        try wrap("read history of \(id)") {
            try writer.read { db in
                try String.fetchAll(db, sql: "SELECT body FROM incident_history WHERE incident_id = ? ORDER BY id", arguments: [id])
                    .map { try decode(Incident.self, $0) }
            }
        }
    }

    /// What SQLite's integrity check finds wrong with the file: nothing when it is intact.
    public func integrityProblems() throws -> [String] {
        try wrap("check the database") {
            try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" } }
        }
    }

    /// Every row of every Truce table, as text, table by table in a fixed order: for comparing two databases'
    /// contents byte for byte.
    public func contentDump() throws -> [String: [String]] {
        try wrap("dump") {
            try writer.read { db in
                var dump: [String: [String]] = [:]
                let tables = try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' AND name != 'deferred_index' ORDER BY name"
                )
                for table in tables {
                    // Import times and the count of agreement writes say when, not what: they are left out of the content.
                    let only =
                        table == "store_meta"
                        ? " WHERE key NOT LIKE '\(Self.importTimePrefix)%' AND key <> '\(Migrations.agreementWritesKey)'" : ""
                    let columns = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pragma_table_info(?)", arguments: [table]) ?? 2
                    // When a record joined the review queue says when, too.
                    let selected = table == "review_status" ? "incident_id, state, lock_holder, lock_expires" : "*"
                    let rows = try Row.fetchAll(db, sql: "SELECT \(selected) FROM \(table)\(only) ORDER BY \(columns > 1 ? "1, 2" : "1")")
                    dump[table] = rows.map { $0.description }
                }
                return dump
            }
        }
    }

    func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try TruceJSON.decoder().decode(type, from: Data(json.utf8))
    }

    /// Runs `body`, turning any error into a ``StoreError`` that names the database and `operation`.
    func wrap<Value>(_ operation: String, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw StoreError(path: path, operation: operation, error: error, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: the write lock is taken (waiting up to the busy timeout)
    /// before anything is read, so no other writer can change what `body` reads before it writes.
    /// - Parameter changesContent: whether `body` may change what adjudication judges (incidents, agreements,
    ///   judgement marks); counted in ``contentWrites``. Saving verdicts and linking do not.
    /// - Parameter checkingForeignKeys: `false` turns SQLite's foreign-key checks off for the transaction, for a
    ///   `body` that keeps every reference itself; within ``inOneTransaction(_:)`` they stay as they are (SQLite
    ///   changes them only between transactions).
    func immediateWrite<Value>(
        changesContent: Bool = true, checkingForeignKeys: Bool = true, _ body: (Database) throws -> Value
    ) throws -> Value {
        guard access == .readWrite else { throw StoreError(path: path, operation: "write", cause: .openedReadOnly) }
        if changesContent { contentWrites.increment() }
        return try writer.unsafeReentrantWrite { db in
            if !checkingForeignKeys && !db.isInsideTransaction {
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
            }
            defer {
                if !checkingForeignKeys && !db.isInsideTransaction { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            }
            var result: Value?
            if db.isInsideTransaction {
                // Within ``inOneTransaction(_:)``: a savepoint, so that a failure undoes this write alone.
                try db.inSavepoint {
                    result = try body(db)
                    return .commit
                }
            } else {
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            }
            return result!
        }
    }

    /// Runs `body`, whose writes to this store on this thread share one transaction, committed when it returns:
    /// many small writes then cost one commit, and pages they share are written once. Each write is a savepoint
    /// of the transaction, so one that fails is undone alone and the others stand; when the commit fails, none
    /// of them is kept.
    ///
    /// Until the commit, reads outside a write (from other connections) see the store as it was before `body`.
    public func inOneTransaction<Value>(_ body: () -> Value) throws -> Value {
        guard access == .readWrite else { throw StoreError(path: path, operation: "write", cause: .openedReadOnly) }
        return try wrap("write together") {
            try writer.unsafeReentrantWrite { db in
                var result: Value?
                try db.inTransaction(.immediate) {
                    result = body()
                    return .commit
                }
                return result!
            }
        }
    }
}

func unix(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

/// Every agreement of a store with the fingerprint of its body, as adjudication reads them.
struct JudgedAgreements: Sendable {
    var agreements: [Agreement]
    var prints: [AgreementID: Int]
    /// The prints of every agreement in order, hashed together.
    var fingerprint: Int
}

/// A count shared between threads.
final class WriteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }

    var value: Int { lock.withLock { count } }
}
