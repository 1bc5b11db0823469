import Foundation
import GRDB
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
/// While the indexes are deferred the writing connection also syncs the WAL only at checkpoints
/// (`synchronous = NORMAL`, which in WAL mode still leaves the file consistent, with whole transactions, after a
/// crash or power loss) and checkpoints every ``bulkLoadCheckpointBytes`` of WAL instead of every 1,000 pages, so that the
/// load does not stop every few batches to copy pages back into the database file.
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
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.bulkLoadCheckpointBytes / max(pageSize, 512))")
            }
        }
    }

    /// Builds the indexes ``deferSecondaryIndexes()`` dropped (those still missing), in one transaction.
    public func buildDeferredIndexes() throws {
        try wrap("build indexes") {
            try immediateWrite { db in try Self.buildDeferredIndexes(db) }
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
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

    static func buildDeferredIndexes(_ db: Database) throws {
        guard try db.tableExists("deferred_index") else { return }
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
