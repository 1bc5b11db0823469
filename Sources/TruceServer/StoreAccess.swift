import NIOPosix
import TruceStore

/// The server's one store, opened once, and the threads its blocking calls run on.
///
/// The store's calls block (SQLite reads and writes): they run on NIO's shared thread pool, a fixed number of
/// threads, so no event loop ever waits on the disk. Reads run in parallel on the store's pool of connections
/// (WAL mode: readers never wait for writers).
public struct StoreAccess: Sendable {
    public let store: SQLiteStore
    private let threads: NIOThreadPool

    public init(store: SQLiteStore, threads: NIOThreadPool = .singleton) {
        self.store = store
        self.threads = threads
    }

    /// Runs `body` with the store on the thread pool and hands back what it returns or throws.
    public func run<Value: Sendable>(_ body: @escaping @Sendable (SQLiteStore) throws -> Value) async throws -> Value {
        let store = store
        return try await threads.runIfActive { try body(store) }
    }
}
