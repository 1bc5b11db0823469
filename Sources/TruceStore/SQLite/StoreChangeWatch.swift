import GRDB

/// Tells whether anything was committed to a store since it last looked, by any connection of any process: a
/// read-only connection of its own whose SQLite `data_version` changes with every commit made by another
/// connection. One question is a few microseconds and never waits for a writer, so a server can ask it on
/// every request before it answers from what it kept.
///
/// ```swift
/// let watch = try store.changeWatch()
/// let version = try watch.version()   // differs from an earlier value once something was committed since
/// ```
public final class StoreChangeWatch: Sendable {
    private let queue: DatabaseQueue
    private let busyTimeout: Double

    init(queue: DatabaseQueue, busyTimeout: Double) {
        self.queue = queue
        self.busyTimeout = busyTimeout
    }

    /// A number that changes whenever a commit was made to the store since the last time it was read.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func version() throws -> Int64 {
        do {
            return try queue.inDatabase { try Int64.fetchOne($0.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
        } catch {
            throw StoreError(path: queue.path, operation: "read the store's version", error: error, busyTimeout: busyTimeout)
        }
    }
}

extension SQLiteStore {
    /// A watch on this store's commits (see ``StoreChangeWatch``), over a read-only connection of its own.
    /// - Throws: ``StoreError`` when the store cannot be opened.
    public func changeWatch() throws -> StoreChangeWatch {
        try wrap("open the database") {
            let opening = Opening(path: path, busyTimeout: busyTimeout, maximumValueLength: nil)
            return StoreChangeWatch(
                queue: try DatabaseQueue(path: path, configuration: opening.configuration(readOnly: true)), busyTimeout: busyTimeout)
        }
    }
}
