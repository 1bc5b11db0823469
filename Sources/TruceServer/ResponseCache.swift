import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceStore

/// Answers a read again from what was answered before, as long as nothing was committed to the store since.
///
/// A mission's readers ask the same pages over and over (today's incidents under an agreement, one
/// incident's explanation) while writes are rare. A `200` answer to a `GET` of the record (agreements,
/// reports, incidents, explanations, verdicts) is kept, under the request's path and query, its `Accept`, and
/// who asks as far as reading goes (role and agreement scope, or anonymous): two users who may read the same
/// things get the same bytes. Every lookup first asks the store's ``StoreChangeWatch`` whether any connection,
/// of this process or another (a `truce import` on the command line), committed since; if one did, everything
/// kept is dropped. Kept bodies are bounded in bytes, the oldest dropped first. Exports (streamed) and
/// everything about accounts, sessions and import jobs are never kept.
final class ResponseCache: @unchecked Sendable {
    /// One answer kept: its status, headers and body, the template of the route that made it (for the metrics of
    /// the requests it answers again), and the store's version it was made at.
    struct Entry {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var endpoint: String
        var version: Int64
        /// For a dashboard page, the minute it was made in (it says what holds today); `nil` for the API's answers.
        var minute: Int? = nil
    }

    private let watch: StoreChangeWatch
    private let maxBytes: Int
    /// The largest single body kept: an eighth of the whole.
    private var maxEntryBytes: Int { maxBytes / 8 }
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var bytes = 0
    private var version: Int64?
    /// The keys being answered by a route now, each with the requests waiting for that answer.
    private var pending: [String: [CheckedContinuation<Entry?, Never>]] = [:]

    /// What a lookup found: an answer kept, the duty to make it (the first to ask), or another request making it.
    enum Lookup {
        case kept(Entry)
        case make
        case wait
    }

    init(watch: StoreChangeWatch, maxBytes: Int) {
        self.watch = watch
        self.maxBytes = maxBytes
    }

    /// The dashboard's pages (and agreements' feeds) whose `GET` answers are kept for anonymous readers only: a
    /// signed-in reader's page names them and holds their session's CSRF token.
    static func isCacheablePage(_ path: String) -> Bool {
        guard path != "/" else { return true }
        guard path.hasPrefix("/agreements/") else { return false }
        // An agreement's page, or its Atom feed (which reads every violation of the agreement).
        let rest = path.dropFirst("/agreements/".count)
        let id = rest.hasSuffix("/feed.atom") ? rest.dropLast("/feed.atom".count) : rest
        return !id.isEmpty && id.allSatisfy { $0 != "/" }
    }

    /// The paths whose `GET` answers are kept.
    static func isCacheable(_ path: String) -> Bool {
        // A record's review shows locks that expire with time, not with the store's version: never kept.
        (path == "/api/v1/agreements" || path.hasPrefix("/api/v1/agreements/") || path == "/api/v1/incidents"
            || path.hasPrefix("/api/v1/incidents/") || path == "/api/v1/verdicts") && !path.hasSuffix("/review")
    }

    /// The store's version now; drops everything kept when it changed.
    /// - Throws: ``TruceStore/StoreError`` when the store cannot be read.
    func currentVersion() throws -> Int64 {
        let now = try watch.version()
        lock.withLock {
            if version != now {
                entries.removeAll(keepingCapacity: true)
                order.removeAll(keepingCapacity: true)
                bytes = 0
                version = now
            }
        }
        return now
    }

    /// The answer kept under `key` at `version` (for a page, made in `minute`); else whether this request makes it
    /// or waits for the one that does. A page made in an earlier minute at the same version is made again by one
    /// request while the others are given it meanwhile: the turn of a minute never holds up every reader at once.
    func lookup(_ key: String, at version: Int64, minute: Int? = nil) -> Lookup {
        lock.withLock {
            if let entry = entries[key], entry.version == version {
                if entry.minute == minute || pending[key] != nil { return .kept(entry) }
                pending[key] = []
                return .make
            }
            if pending[key] != nil { return .wait }
            pending[key] = []
            return .make
        }
    }

    /// The answer kept under `key` at `version` (for a page, made in `minute`, or an earlier one while another
    /// request makes it again), if any, without making it.
    func kept(_ key: String, at version: Int64, minute: Int? = nil) -> Entry? {
        lock.withLock {
            guard let entry = entries[key], entry.version == version, entry.minute == minute || pending[key] != nil else { return nil }
            return entry
        }
    }

    /// Waits for the request making the answer under `key`: its entry, or `nil` when it made none (the route
    /// failed or answered something not kept, or the store moved on), and then the waiting request asks the route
    /// itself.
    func awaitAnswer(_ key: String) async -> Entry? {
        await withCheckedContinuation { continuation in
            let waiting: Bool = lock.withLock {
                guard pending[key] != nil else { return false }
                pending[key]?.append(continuation)
                return true
            }
            if !waiting { continuation.resume(returning: kept(key)) }
        }
    }

    /// Ends the making of the answer under `key`: keeps `entry` (when there is one) and wakes those waiting for it.
    func finish(_ key: String, with entry: Entry?) {
        if let entry { keep(entry, under: key) }
        let waiting = lock.withLock { pending.removeValue(forKey: key) ?? [] }
        for continuation in waiting { continuation.resume(returning: entry) }
    }

    /// The answer kept under `key`, whatever the store's version it was made at.
    private func kept(_ key: String) -> Entry? {
        lock.withLock { entries[key] }
    }

    /// Keeps `entry` under `key` unless the store has moved on since it was made or it is too large.
    func keep(_ entry: Entry, under key: String) {
        let size = entry.body.readableBytes + key.utf8.count
        guard size <= maxEntryBytes else { return }
        lock.withLock {
            guard version == entry.version else { return }
            if let earlier = entries[key] {
                // A page made again in a later minute takes the place of the earlier one.
                guard earlier.minute != entry.minute else { return }
                bytes -= earlier.body.readableBytes + key.utf8.count
                order.removeAll { $0 == key }
            }
            entries[key] = entry
            order.append(key)
            bytes += size
            var dropped = 0
            while bytes > maxBytes, dropped < order.count {
                let oldest = order[dropped]
                dropped += 1
                if let removed = entries.removeValue(forKey: oldest) { bytes -= removed.body.readableBytes + oldest.utf8.count }
            }
            if dropped > 0 { order.removeFirst(dropped) }
        }
    }
}

/// Serves `GET` reads of the record from the ``ResponseCache`` (placed after sign-in and the access gate, so
/// the request's principal is known), and keeps the `200` answers the routes give.
struct CachedReads: RouterMiddleware {
    typealias Context = TruceRequestContext
    let cache: ResponseCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get, ResponseCache.isCacheable(path) || (context.principal == nil && ResponseCache.isCacheablePage(path)) else {
            return try await next(request, context)
        }
        let key = Self.key(request, context)
        let minute = Self.minute(of: request)
        // A few microseconds that never wait for a writer: asked on the event loop rather than paying a hop to
        // the store's threads.
        let version = try cache.currentVersion()
        switch cache.lookup(key, at: version, minute: minute) {
        case .kept(let kept):
            return Self.response(kept)
        case .wait:
            // Another request is making this answer: the first requests after a change do not all make it at once.
            if let made = await cache.awaitAnswer(key), made.version == version { return Self.response(made) }
            return try await next(request, context)
        case .make:
            var made: ResponseCache.Entry?
            defer { cache.finish(key, with: made) }
            let response = try await next(request, context)
            guard response.status == .ok, let length = response.body.contentLength, length <= 64 << 20 else { return response }
            let collector = BodyCollector()
            try await response.body.write(collector)
            made = ResponseCache.Entry(
                status: response.status, headers: response.headers, body: collector.buffer, endpoint: context.endpointPath ?? request.uri.path,
                version: version, minute: minute)
            return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: collector.buffer))
        }
    }

    private static func response(_ entry: ResponseCache.Entry) -> Response {
        Response(status: entry.status, headers: entry.headers, body: ResponseBody(byteBuffer: entry.body))
    }

    /// Who asks, as far as reading goes, with what they accept and the request's path and query.
    static func key(_ request: Request, _ context: Context) -> String {
        key(request, principal: context.principal)
    }

    /// The key of `request` asked by `principal` (`nil`: anonymously). A dashboard page's also holds the languages
    /// asked.
    static func key(_ request: Request, principal: Principal?) -> String {
        let reader = principal.map { "\($0.role.rawValue):\($0.agreementScope.sorted().joined(separator: ","))" } ?? "anonymous"
        let page = ResponseCache.isCacheablePage(request.uri.path) ? "\n" + (request.headers[.acceptLanguage] ?? "") : ""
        return reader + "\n" + (request.headers[.accept] ?? "") + "\n" + request.uri.description + page
    }

    /// For a dashboard page, the minute now: a page says what holds today, which time changes too, so a page is
    /// made again in each minute it is read; `nil` for the API's answers, which only a write changes.
    static func minute(of request: Request, at now: Date = Date()) -> Int? {
        ResponseCache.isCacheablePage(request.uri.path) ? Int(now.timeIntervalSince1970 / 60) : nil
    }
}

/// Collects a response body into one buffer.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
