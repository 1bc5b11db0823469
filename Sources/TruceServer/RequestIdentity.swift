import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives each request an id: the client's `X-Request-ID` when it is sane (1 to 128 letters, digits and
/// `-_.:`), else one made up (``made()``). The id goes into every log line's metadata (`request_id`), into
/// problem details, and back to the client in `X-Request-ID`.
struct RequestIdentity: RouterMiddleware {
    typealias Context = TruceRequestContext

    static let header = HTTPField.Name("X-Request-ID")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = Self.id(of: request)
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        var response = try await next(request, context)
        response.headers[Self.header] = id
        return response
    }

    /// The id of `request`: the client's when it is sane, else a new one.
    static func id(of request: Request) -> String {
        request.headers[header].flatMap(accepted) ?? made()
    }

    /// `text` when it is a sane request id, else `nil`.
    static func accepted(_ text: String) -> String? {
        guard (1...128).contains(text.utf8.count) else { return nil }
        let allowed = text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
                || byte == 0x2E || byte == 0x3A
        }
        return allowed ? text : nil
    }

    /// A new id: 32 hex digits, the process's random prefix (eight bytes drawn once) and a counter, so ids differ
    /// across restarts and within a run without a draw of the system's generator per request.
    static func made() -> String {
        var bytes = prefix
        appendHex(counter.next(), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private static let counter = Counter()
    /// Eight random bytes in hex, drawn once per process.
    private static let prefix: [UInt8] = {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendHex(generator.next(), to: &bytes)
        return bytes
    }()

    /// Appends `word`'s sixteen hex digits, most significant first.
    private static func appendHex(_ word: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) { bytes.append(hex[Int((word >> UInt64(shift)) & 0x0F)]) }
    }
}

/// A number that goes up by one each time it is asked.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0

    func next() -> UInt64 {
        lock.withLock {
            value &+= 1
            return value
        }
    }
}
