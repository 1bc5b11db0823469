import Foundation
import GRDB
import GRDBSQLite
import TruceCore

/// Bulk loads: the secondary indexes of the incident tables are dropped while a large import adds its rows, and
/// built once at its end, which is much cheaper than keeping them up to date row by row.
///
/// The dropped indexes' definitions are written to the table `deferred_index` in the same transaction that drops
/// them, and removed with it in the transaction that builds them again; so at every commit each index either
/// exists or is listed there. Opening a store for writing builds any index still listed (an import that was
/// killed part-way), so a crash never leaves a store without them. Queries are correct without the indexes,
/// only slower, so readers during a bulk load see every committed row.
///
/// While the indexes are deferred the load also writes each page once where it may. In WAL mode every page goes
/// to the WAL, then again into the database file at the checkpoint. A store opened with
/// ``BulkLoadJournal/rollbackWhenAlone`` (a command) switches the file to a rollback journal when no other
/// connection has it open (`journal_mode = TRUNCATE`, `synchronous = FULL`): the journal saves only the pages
/// the load changes that held data before, and new pages go straight into the file. The file is consistent
/// after a crash or power loss in either mode (an interrupted transaction is rolled back from the journal when
/// the file is next read), and returns to WAL when the indexes are built, or when the store is next opened. A
/// connection that opens the file meanwhile waits for each commit (its busy timeout covers that). Otherwise the
/// load stays in WAL, syncs it only at checkpoints (`synchronous = NORMAL`, which in WAL mode still leaves whole
/// transactions after a crash), and checkpoints every ``bulkLoadCheckpointBytes`` instead of every 1,000 pages.
extension SQLiteStore {
    /// The WAL a bulk load writes before it checkpoints: 64 MiB.
    static let bulkLoadCheckpointBytes = 64 << 20
    /// The tables whose secondary indexes a bulk load defers. Primary keys and unique constraints stay: the
    /// import's own lookups (one incident by id, a header by its names) need them.
    static let bulkLoadTables = ["incident", "source_record", "claim"]

    /// Drops the secondary indexes of the incident tables until ``buildDeferredIndexes()``, noting their
    /// definitions first. Does nothing when they are already deferred.
    public func deferSecondaryIndexes() throws {
        try wrap("defer indexes") {
            try immediateWrite { db in
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS deferred_index (name TEXT PRIMARY KEY NOT NULL, sql TEXT NOT NULL) STRICT")
                let tables = Self.bulkLoadTables.map { "'\($0)'" }.joined(separator: ", ")
                let indexes = try Row.fetchAll(
                    db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables))")
                for index in indexes {
                    let name: String = index["name"]
                    try db.execute(sql: "INSERT OR REPLACE INTO deferred_index (name, sql) VALUES (?, ?)", arguments: [name, index["sql"] as String])
                    try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
                }
            }
            // This process's idle readers keep the file open in WAL mode too: close them first.
            if bulkLoadJournal == .rollbackWhenAlone { (writer as? DatabasePool)?.releaseMemory() }
            try writer.writeWithoutTransaction { db in
                if bulkLoadJournal == .rollbackWhenAlone, try switchJournal(db, to: "truncate") {
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                } else {
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                    let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                    try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.bulkLoadCheckpointBytes / max(pageSize, 512))")
                }
            }
        }
    }

    /// Builds the indexes ``deferSecondaryIndexes()`` dropped (those still missing), in one transaction.
    public func buildDeferredIndexes() throws {
        try wrap("build indexes") {
            try writer.writeWithoutTransaction { db in
                try Self.buildingIndexes(db, workload: workload) {
                    try db.inTransaction(.immediate) {
                        try Self.buildDeferredIndexes(db)
                        return .commit
                    }
                }
            }
            let leftWAL = try writer.writeWithoutTransaction { try String.fetchAll($0, sql: "PRAGMA journal_mode").first != "wal" }
            if leftWAL { (writer as? DatabasePool)?.releaseMemory() }
            try writer.writeWithoutTransaction { db in
                // Should a connection opened during the load hold the file now, the next opening returns it to WAL.
                if leftWAL { _ = try switchJournal(db, to: "wal") }
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
                // A load through the WAL copies what is left of it into the file; after a rollback journal it is empty.
                if !leftWAL { _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            }
        }
    }

    /// Switches the file to the journal `mode` (`wal` or `truncate`) if no other connection has it open, without
    /// waiting for one that does. Returns whether the file is now in that mode.
    private func switchJournal(_ db: Database, to mode: String) throws -> Bool {
        let connection = db.sqliteConnection
        sqlite3_busy_timeout(connection, 0)
        defer { sqlite3_busy_timeout(connection, Int32(clamping: Int(busyTimeout * 1000))) }
        do {
            // Read to the end, so that no statement stays open to hold back the checkpoint that may follow.
            return try String.fetchAll(db, sql: "PRAGMA journal_mode = \(mode)").first?.lowercased() == mode
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return false
        }
    }

    /// The names of the indexes a bulk load has dropped and not yet built again.
    public func deferredIndexes() throws -> [String] {
        try wrap("read deferred indexes") {
            try writer.read { db in
                guard try db.tableExists("deferred_index") else { return [] }
                return try String.fetchAll(db, sql: "SELECT name FROM deferred_index ORDER BY name")
            }
        }
    }

    /// Runs `body` (outside a transaction), which builds indexes over whole tables, on a server's store with
    /// SQLite's temporary files on disk and without the memory map (``Workload/server``): sorting a million rows in
    /// memory would take as much memory as the index, and every page of the tables read through the map would count
    /// in the process's memory.
    static func buildingIndexes<Value>(_ db: Database, workload: Workload, _ body: () throws -> Value) throws -> Value {
        guard workload == .server else { return try body() }
        try db.execute(sql: "PRAGMA temp_store = FILE")
        try db.execute(sql: "PRAGMA mmap_size = 0")
        defer {
            try? db.execute(sql: "PRAGMA temp_store = MEMORY")
            try? db.execute(sql: "PRAGMA mmap_size = \(Opening.mmapBytes)")
        }
        return try body()
    }

    /// The most helper threads SQLite sorts with while it builds an index (`PRAGMA threads`): one per core, up to
    /// four. Building the four incident indexes of a million-row import takes 2.0 s with two, 2.8 s with none.
    static var indexSortThreads: Int { min(4, max(0, ProcessInfo.processInfo.activeProcessorCount)) }

    static func buildDeferredIndexes(_ db: Database) throws {
        guard try db.tableExists("deferred_index") else { return }
        try db.execute(sql: "PRAGMA threads = \(indexSortThreads)")
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        for index in try Row.fetchAll(db, sql: "SELECT name, sql FROM deferred_index ORDER BY name") {
            let name: String = index["name"]
            if try !db.indexExists(name) { try db.execute(sql: index["sql"]) }
        }
        try db.execute(sql: "DROP TABLE deferred_index")
    }
}

extension Database {
    func indexExists(_ name: String) throws -> Bool {
        try Bool.fetchOne(self, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?)", arguments: [name]) ?? false
    }
}
