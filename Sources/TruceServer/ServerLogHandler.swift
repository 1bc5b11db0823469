import Foundation
import Logging

/// The server's log lines, one per event on standard error: time, level, label, metadata (`key=value`, in key
/// order) and message. Unlike swift-log's stream handler, metadata set on a logger (a request id on every
/// request) is only kept, and formatted when a line is actually written: most requests write none.
public struct ServerLogHandler: LogHandler {
    public let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    /// Where lines go: standard error unless a test says otherwise.
    let output: @Sendable (String) -> Void

    /// A handler for the logger `label`, writing each line to `output`.
    public init(label: String, output: @escaping @Sendable (String) -> Void = ServerLogHandler.standardError) {
        self.label = label
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let explicit = event.metadata { all.merge(explicit) { _, new in new } }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().ISO8601Format()
        output("\(time) \(event.level) \(label):\(fields.isEmpty ? "" : " " + fields) \(event.message)\n")
    }

    /// Writes `line` to standard error in one call.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }
}
