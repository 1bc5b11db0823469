import Foundation
import Yams

/// Where a configuration comes from: flags over `TRUCE_*` environment variables over a file over defaults.
public struct ConfigurationSources: Sendable {
    /// Values given as command-line flags, by setting key (`host`, `port`, `database`).
    public var flags: [String: String]
    /// The process's environment.
    public var environment: [String: String]
    /// A YAML or JSON file of settings; `TRUCE_CONFIG` names one when no flag does.
    public var file: String?

    public init(flags: [String: String] = [:], environment: [String: String] = ProcessInfo.processInfo.environment, file: String? = nil) {
        self.flags = flags
        self.environment = environment
        self.file = file
    }

    /// The configuration the sources make.
    /// - Throws: ``ConfigurationError`` naming the file and line, the variable or the flag, and the key of the
    ///   first value that cannot be used, or an unknown key in the file.
    public func configuration() throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        if let file = file ?? environment["TRUCE_CONFIG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            try Self.apply(file: file, to: &configuration)
        }
        for setting in ServerConfiguration.settings {
            guard let text = environment[setting.variable], !text.isEmpty else { continue }
            guard setting.apply(&configuration, text) else {
                throw ConfigurationError(source: setting.variable, line: nil, key: setting.key, message: "takes \(setting.expected)")
            }
        }
        for (key, text) in flags.sorted(by: { $0.key < $1.key }) {
            let flag = "--" + key.replacingOccurrences(of: "_", with: "-")
            guard let setting = ServerConfiguration.settings.first(where: { $0.key == key }) else {
                throw ConfigurationError(source: flag, line: nil, key: key, message: "is not a setting")
            }
            guard setting.apply(&configuration, text) else {
                throw ConfigurationError(source: flag, line: nil, key: key, message: "takes \(setting.expected)")
            }
        }
        return try configuration.validated(source: "the configuration")
    }

    /// Applies the settings of a YAML or JSON file: one mapping of keys to scalars.
    static func apply(file: String, to configuration: inout ServerConfiguration) throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw ConfigurationError(source: file, line: nil, key: "-", message: "cannot be read")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ConfigurationError(source: file, line: Self.line(of: error), key: "-", message: "is not YAML or JSON")
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            throw ConfigurationError(source: file, line: root.mark.map { $0.line }, key: "-", message: "must be a mapping of settings")
        }
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark.map { $0.line }
            let key = keyNode.string ?? "?"
            guard let setting = ServerConfiguration.settings.first(where: { $0.key == key }) else {
                let known = ServerConfiguration.settings.map(\.key).joined(separator: ", ")
                throw ConfigurationError(source: file, line: line, key: key, message: "is not a setting (settings are \(known))")
            }
            guard let scalar = valueNode.scalar?.string, setting.apply(&configuration, scalar) else {
                throw ConfigurationError(source: file, line: valueNode.mark.map { $0.line } ?? line, key: key, message: "takes \(setting.expected)")
            }
        }
    }

    /// The line a YAML error points at, where it says.
    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}
