import Foundation
import Logging
import Testing
import TruceServer

@Suite("The server's log lines")
struct ServerLogHandlerTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [String] = []
        func append(_ line: String) { lock.withLock { kept.append(line) } }
        var all: [String] { lock.withLock { kept } }
    }

    @Test("a line holds the level, the label, the logger's and the event's metadata in key order, and the message; below the level, nothing")
    func lineFormat() {
        let lines = Lines()
        var logger = Logger(label: "truce.server") { ServerLogHandler(label: $0, output: lines.append) }
        logger.logLevel = .info
        logger[metadataKey: "request_id"] = "abc123"
        logger.debug("not written")
        logger.warning("store busy", metadata: ["attempt": "2"])
        #expect(lines.all.count == 1)
        let line = lines.all.first ?? ""
        #expect(line.hasSuffix(" warning truce.server: attempt=2 request_id=abc123 store busy\n"), "\(line)")
    }
}
