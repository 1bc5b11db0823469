import Foundation
import Hummingbird
import Logging
import NIOCore
import TruceApp
import TruceCore
import TruceReport

/// Exports sent as they are written: each on a thread of its own, a few chunks ahead of the client at most, so
/// memory does not grow with an export's size and a slow client holds up neither the event loops nor the
/// store's thread pool. At most ``maxRunning`` exports run at once; one more is refused as the store being busy.
final class ExportStreams: @unchecked Sendable {
    /// How many exports may run at once.
    let maxRunning: Int
    /// How many run now, guarded by `lock`.
    private var running = 0
    private let lock = NSLock()

    init(maxRunning: Int = 4) { self.maxRunning = maxRunning }

    /// A response body that writes `export` as it is read.
    /// - Throws: ``Problem`` (store unavailable) when ``maxRunning`` exports are running already.
    func body(of export: Export, logger: Logger) throws -> ResponseBody {
        let admitted = lock.withLock {
            guard running < maxRunning else { return false }
            running += 1
            return true
        }
        guard admitted else { throw Problem(.storeUnavailable, detail: "Too many exports are running; try again shortly.") }
        let pipe = ChunkPipe()
        let job = UncheckedSendable(export)
        let thread = Thread {
            defer { self.lock.withLock { self.running -= 1 } }
            do {
                _ = try job.value.write(to: BufferedOutput { try pipe.send($0) })
                pipe.finish(throwing: nil)
            } catch {
                if !(error is CancellationError) { logger.error("export stopped", metadata: ["error": .string(String(reflecting: error))]) }
                pipe.finish(throwing: error)
            }
        }
        thread.start()
        return ResponseBody { writer in
            for try await chunk in pipe.stream {
                try await writer.write(ByteBuffer(bytes: chunk))
                pipe.taken()
            }
            try await writer.finish(nil)
        }
    }
}

/// Chunks handed from the thread that writes them to the task that sends them, at most `depth` waiting: the
/// writer waits for room, and stops with `CancellationError` once the reader has gone.
final class ChunkPipe: @unchecked Sendable {
    let stream: AsyncThrowingStream<[UInt8], any Error>
    private let continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation
    private let room: DispatchSemaphore
    /// Whether the reader has gone, guarded by `lock`.
    private var stopped = false
    private let lock = NSLock()

    init(depth: Int = 4) {
        room = DispatchSemaphore(value: depth)
        (stream, continuation) = AsyncThrowingStream.makeStream()
        continuation.onTermination = { [weak self] _ in self?.stop() }
    }

    /// Hands `chunk` to the reader once there is room; blocks the writing thread until then.
    func send(_ chunk: [UInt8]) throws {
        room.wait()
        if lock.withLock({ stopped }) {
            // Wake any other wait the same way, then stop writing.
            room.signal()
            throw CancellationError()
        }
        continuation.yield(chunk)
    }

    private func stop() {
        lock.withLock { stopped = true }
        room.signal()
    }

    /// The reader has sent one chunk: there is room for another.
    func taken() { room.signal() }

    func finish(throwing error: (any Error)?) { continuation.finish(throwing: error) }
}
