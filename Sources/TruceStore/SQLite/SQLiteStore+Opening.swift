import Foundation
import GRDB
import GRDBSQLite

/// How a store's file is opened: the connections' settings, the schema check and the migration.
struct Opening {
    let path: String
    let busyTimeout: Double
    let maximumValueLength: Int?
    /// What the store is opened for: a server's connections read through a memory map of up to ``mmapBytes``, and
    /// its writer keeps temporary files in memory.
    var workload = SQLiteStore.Workload.command

    /// The page size of a new store's file, in bytes.
    static let pageSize = 16_384
    /// The most of the file a connection reads through a memory map: 4 GiB.
    static let mmapBytes = 4 << 30

    /// Connection settings: foreign keys on, writers wait `busyTimeout` for each other, the value length limit, and
    /// the region function of filters (``RegionFunction``).
    func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        // 32 MiB of page cache per connection (SQLite's default is 2 MiB): a large import's lookups by id stay
        // in memory instead of reading the same pages again and again.
        let limit = maximumValueLength.map { Int32(clamping: max(1, $0)) }
        configuration.prepareDatabase { db in
            // A new file is laid out in 16 KiB pages (SQLite's default is 4 KiB): a large import writes, syncs and
            // checkpoints a quarter as many pages, and scans read a quarter as many. A file that has content keeps
            // its page size (the pragma changes nothing then), and read-only connections never lay out a file.
            if !readOnly { try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)") }
            try db.execute(sql: "PRAGMA cache_size = -32768")
            if workload == .server {
                // Pages read through a memory map rather than copied in by a read call each: linking a record a
                // reviewer decided reads a few thousand pages of its neighbourhood, most of the time then copying.
                try db.execute(sql: "PRAGMA mmap_size = \(Self.mmapBytes)")
                // Statement journals in memory: SQLite otherwise spills one to a temporary file for every statement
                // of a transaction that changes several rows. Large sorts (building indexes) go back to files.
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
            }
            if let limit { _ = sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_LENGTH, limit) }
            db.add(function: RegionFunction.function)
        }
        return configuration
    }

    /// A pool of connections in WAL mode, its schema brought up to date.
    ///
    /// Connections that open one new file at once all switch it from SQLite's rollback journal to WAL, and
    /// SQLite refuses all but one of them at once instead of letting them wait (waiting could deadlock). So
    /// an open refused as busy is tried again, after a short pause, until the busy timeout has passed.
    func readWrite() throws -> any DatabaseWriter {
        let deadline = Date(timeIntervalSinceNow: busyTimeout)
        var pause = 0.002
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
                try migrate(pool)
                try buildIndexesLeftDeferred(pool)
                return pool
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date(timeIntervalSinceNow: pause) < deadline {
                Thread.sleep(forTimeInterval: pause * Double.random(in: 0.5...1.5))
                pause = min(pause * 2, 0.1)
            }
        }
    }

    /// Builds the indexes a bulk load dropped and did not build again because it was stopped part-way (see
    /// ``SQLiteStore/deferSecondaryIndexes()``).
    func buildIndexesLeftDeferred(_ pool: DatabasePool) throws {
        guard try pool.read({ try $0.tableExists("deferred_index") }) else { return }
        try pool.writeWithoutTransaction { db in
            try SQLiteStore.buildingIndexes(db, workload: workload) {
                try db.inTransaction(.immediate) {
                    try SQLiteStore.buildDeferredIndexes(db)
                    return .commit
                }
            }
        }
    }

    /// Applies the migrations not yet applied. Two processes opening one new file at once both see the same
    /// migrations missing; the second to take the write lock then fails on one the first has just applied. So
    /// a failed migration is tried again, from a fresh look at what is applied, for as long as another process
    /// is seen to make progress (there are finitely many migrations, so this ends).
    func migrate(_ pool: DatabasePool) throws {
        let migrator = Migrations.migrator
        while true {
            let before = try pool.read { db in
                try checkNotNewer(db)
                return try migrator.appliedIdentifiers(db)
            }
            if try pool.read(migrator.hasCompletedMigrations) { return }
            do {
                try migrator.migrate(pool)
                return
            } catch {
                let after = try pool.read(migrator.appliedIdentifiers)
                guard after.isStrictSuperset(of: before) else { throw error }
            }
        }
    }

    /// One read-only connection that never writes. A database in WAL mode is read through two side files that
    /// SQLite creates beside it; in a folder the user may not write they cannot be created, and then, when no
    /// change waits in the `-wal` file, the main file alone holds the whole database and is read as immutable.
    func readOnly() throws -> any DatabaseWriter {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(path: path, operation: "open the database", cause: .missing)
        }
        let configuration = configuration(readOnly: true)
        do {
            return try checked(DatabaseQueue(path: path, configuration: configuration))
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) && !hasPendingChanges {
            let immutable = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            return try checked(DatabaseQueue(path: immutable, configuration: configuration))
        }
    }

    /// Whether the WAL file holds changes not yet in the main file.
    private var hasPendingChanges: Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return size > 0
    }

    /// `queue`, once its schema is known to be exactly the one this Truce writes.
    private func checked(_ queue: DatabaseQueue) throws -> DatabaseQueue {
        try queue.read { db in
            try checkNotNewer(db)
            let migrator = Migrations.migrator
            guard !(try migrator.appliedIdentifiers(db).isEmpty) else {
                throw StoreError(path: path, operation: "open the database", cause: .notTruce)
            }
            guard try migrator.hasCompletedMigrations(db) else {
                throw StoreError(path: path, operation: "open the database", cause: .schemaBehind)
            }
        }
        return queue
    }

    /// Throws when a newer Truce has migrated the file further than this one knows.
    private func checkNotNewer(_ db: Database) throws {
        if try Migrations.migrator.hasBeenSuperseded(db) {
            throw StoreError(path: path, operation: "open the database", cause: .schemaAhead)
        }
    }
}
