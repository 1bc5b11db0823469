import Foundation
import GRDB
import GRDBSQLite

/// Checkpoints taken off the writer's path. By default the connection that commits past 1,000 pages of WAL copies
/// them into the database file and syncs it before its commit returns: on a server that is one write in thirty
/// taking most of a second. A server instead has its writes skip checkpoints (``deferCheckpoints()``) and copies
/// the WAL from a connection of its own, in the background (``Checkpointer``), without ever holding up a writer or
/// a reader.
extension SQLiteStore {
    /// Stops this store's writes from checkpointing: a ``Checkpointer`` does it instead.
    public func deferCheckpoints() throws {
        try wrap("defer checkpoints") {
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
    }

    /// A connection of its own that copies this store's WAL into its file, and truncates it past
    /// `truncatingBeyond` bytes.
    public func checkpointer(truncatingBeyond truncation: Int = Checkpointer.truncationThreshold) throws -> Checkpointer {
        try wrap("open the database") {
            let opening = Opening(path: path, busyTimeout: busyTimeout, maximumValueLength: nil)
            return Checkpointer(
                queue: try DatabaseQueue(path: path, configuration: opening.configuration(readOnly: false)), walPath: path + "-wal",
                busyTimeout: busyTimeout, truncation: truncation)
        }
    }
}

/// Copies a store's WAL into its file from a connection of its own (a passive checkpoint: it waits for no one and
/// copies what no reader still needs), when the WAL has grown past a size. Under writes that never pause, the WAL
/// would never start again from its beginning (SQLite restarts it only when a writer finds it wholly copied), and
/// grew by 1.4 GB in a minute of reviewers' verifies: past a size (``truncationThreshold`` by default) it is also
/// truncated, when that needs no waiting for a writer or a reader.
public final class Checkpointer: Sendable {
    private let queue: DatabaseQueue
    private let walPath: String
    /// The connection's busy timeout, in seconds, given back after a truncation that waits for no one.
    private let busyTimeout: Double

    /// The WAL past which a checkpoint also truncates it.
    private let truncation: Int

    init(queue: DatabaseQueue, walPath: String, busyTimeout: Double, truncation: Int) {
        self.queue = queue
        self.walPath = walPath
        self.busyTimeout = busyTimeout
        self.truncation = truncation
    }

    /// The WAL past which ``checkpointIfNeeded(beyond:)`` copies it: 1 MiB.
    public static let threshold = 1 << 20

    /// The WAL past which ``checkpointIfNeeded(beyond:)`` also truncates it, unless told otherwise: 64 MiB.
    public static let truncationThreshold = 64 << 20

    /// Checkpoints when the WAL holds more than `bytes`, and truncates it past its truncation size if no writer or
    /// reader is using it at that moment. - Returns: whether it checkpointed.
    @discardableResult
    public func checkpointIfNeeded(beyond bytes: Int = threshold) throws -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0
        guard size > bytes else { return false }
        try queue.writeWithoutTransaction { db in
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            guard size > truncation else { return }
            // Only the frames written since the passive copy are left to copy; a writer waits for that alone.
            let connection = db.sqliteConnection
            sqlite3_busy_timeout(connection, 0)
            defer { sqlite3_busy_timeout(connection, Int32(clamping: Int(busyTimeout * 1000))) }
            _ = try? Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return true
    }
}
