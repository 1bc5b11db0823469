import Logging
import NIOPosix
import ServiceLifecycle
import TruceStore

/// The server's checkpoints, off its writers' path: every `interval`, the WAL is copied into the database file
/// by a connection of its own once it has grown past ``TruceStore/Checkpointer/threshold`` (see
/// ``TruceStore/SQLiteStore/deferCheckpoints()``).
struct BackgroundCheckpoints: Service {
    let checkpointer: Checkpointer
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                    let checkpointer = checkpointer
                    _ = try await NIOThreadPool.singleton.runIfActive { try checkpointer.checkpointIfNeeded() }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("the WAL could not be checkpointed", metadata: ["error": "\(error)"])
                }
            }
        }
        // A last copy at shutdown, so the next opening starts from a short WAL.
        _ = try? checkpointer.checkpointIfNeeded(beyond: 0)
    }
}
