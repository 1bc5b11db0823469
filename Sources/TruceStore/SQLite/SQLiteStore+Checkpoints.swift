import Foundation
import GRDB

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

    /// A connection of its own that copies this store's WAL into its file.
    public func checkpointer() throws -> Checkpointer {
        try wrap("open the database") {
            let opening = Opening(path: path, busyTimeout: busyTimeout, maximumValueLength: nil)
            return Checkpointer(queue: try DatabaseQueue(path: path, configuration: opening.configuration(readOnly: false)), walPath: path + "-wal")
        }
    }
}

/// Copies a store's WAL into its file from a connection of its own (a passive checkpoint: it waits for no one and
/// copies what no reader still needs), when the WAL has grown past a size.
public final class Checkpointer: Sendable {
    private let queue: DatabaseQueue
    private let walPath: String

    init(queue: DatabaseQueue, walPath: String) {
        self.queue = queue
        self.walPath = walPath
    }

    /// The WAL past which ``checkpointIfNeeded(beyond:)`` copies it: 1 MiB.
    public static let threshold = 1 << 20

    /// Checkpoints when the WAL holds more than `bytes`. - Returns: whether it did.
    @discardableResult
    public func checkpointIfNeeded(beyond bytes: Int = threshold) throws -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0
        guard size > bytes else { return false }
        try queue.writeWithoutTransaction { _ = try Row.fetchAll($0, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        return true
    }
}
