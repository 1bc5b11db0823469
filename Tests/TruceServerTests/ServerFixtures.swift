import Foundation
import Hummingbird
import Logging
import TruceApp
import TruceCore
import TruceServer
import TruceStore
import TruceTestSupport

/// Servers over scratch stores: the bundled 2025 catalogue and a small incident fixture, adjudicated.
enum ServerFixtures {
    /// Four incidents (two energy strikes in Kharkiv and a port strike in Odesa during the energy moratorium,
    /// one strike in Gaza) and a row dated 2025-04-31, which is quarantined.
    static let incidents = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/incidents.csv").path

    /// The fixture's column header, for generated rows.
    static let header =
        "id,start,end,time_zone,time_precision,country,admin1,place,latitude,longitude,geo_precision,action,target_category,target_subtype,"
        + "target_name,perpetrator,claimant,claimant_party,fatalities,injured,description,source_url,source_published"

    /// A scratch store holding the catalogue and the fixture, adjudicated.
    static func store() throws -> SQLiteStore {
        let directory = try ScratchDirectory.make("truce-server")
        let store = try SQLiteStore(path: directory.appendingPathComponent("truce.sqlite").path)
        _ = try Loading.agreements(from: [try Bundled.path(Bundled.catalogue)], into: store)
        _ = try Importer(format: "truce")!.importFile(incidents, into: store)
        _ = try Adjudicating.run(store: store, all: false)
        return store
    }

    /// Imports `count` generated drone strikes on energy in Kharkiv (ids `gen-PREFIX-N`, starts spread over
    /// `days` of `month` 2025 by `generator`) into `store`.
    static func importGenerated(
        count: Int, prefix: String, month: Int = 3, days: ClosedRange<Int> = 1...31, into store: SQLiteStore, generator: inout SeededGenerator
    ) throws {
        var lines = [header]
        for index in 0..<count {
            let day = Int.random(in: days, using: &generator)
            let hour = Int.random(in: 0...23, using: &generator)
            let minute = Int.random(in: 0...59, using: &generator)
            let start = String(format: "2025-%02d-%02dT%02d:%02d", month, day, hour, minute)
            lines.append(
                "gen-\(prefix)-\(index),\(start),,Europe/Kyiv,minute,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,locality,drone_strike,energy,"
                    + ",,RU,Generated Wire,UA,,,Generated strike.,https://example.org/gen,")
        }
        let file = try ScratchDirectory.make("generated").appendingPathComponent("\(prefix).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        _ = try Importer(format: "truce")!.importFile(file.path, into: store)
    }

    /// The configuration of a test server: the defaults with `change` applied.
    static func configuration(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.port = 0
        change(&configuration)
        return configuration
    }

    /// An application over `store`, logging to `logs` when given, its import jobs running alongside.
    static func application(
        store: SQLiteStore, configuration: ServerConfiguration = configuration(), logs: LogRecorder? = nil
    ) throws -> Application<TruceRoutes.Responder> {
        let document = try OpenAPIDocument(maxPageSize: configuration.maxPageSize)
        let writeSide = WriteSide(configuration: configuration, store: store, uploads: try ScratchDirectory.make("uploads"))
        let router = TruceServer.router(
            configuration: configuration, store: StoreAccess(store: store), document: document, writeSide: writeSide)
        return TruceServer.application(configuration: configuration, router: router, logger: logger(logs), services: [writeSide.jobs])
    }

    static func logger(_ logs: LogRecorder?) -> Logger {
        guard let logs else {
            var quiet = Logger(label: "truce.test")
            quiet.logLevel = .critical
            return quiet
        }
        var logger = Logger(label: "truce.test") { _ in RecordingLogHandler(recorder: logs) }
        logger.logLevel = .info
        return logger
    }
}

/// Log lines a test server wrote: each message with its metadata.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(message: String, metadata: Logger.Metadata)] = []

    func add(_ message: String, _ metadata: Logger.Metadata) { lock.withLock { lines.append((message, metadata)) } }
    var recorded: [(message: String, metadata: Logger.Metadata)] { lock.withLock { lines } }
}

/// A log handler that hands every line to a ``LogRecorder``.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.add("\(event.message)", metadata.merging(event.metadata ?? [:]) { _, new in new })
    }
}
