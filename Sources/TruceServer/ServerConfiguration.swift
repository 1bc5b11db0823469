import Foundation
import Logging
import TruceApp
import TruceCore

/// How `truce serve` runs: where it listens, which store it serves, what it logs, and its limits.
///
/// Values come from, in order of precedence: command-line flags, `TRUCE_*` environment variables, a
/// configuration file (YAML or JSON), and the defaults here (see ``ConfigurationSources`` and docs/server.md).
public struct ServerConfiguration: Hashable, Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The TCP port to listen on; 0 picks a free one.
    public var port = 8080
    /// The SQLite database's path.
    public var database = "truce.sqlite"
    /// The least severe log level written.
    public var logLevel: Logger.Level = .info
    /// What anyone may read without signing in: everything a viewer reads (`on`, the default), nothing (`off`),
    /// or agreements and the verdicts at or above an evidence level.
    public var publicAccess: PublicAccess = .on
    /// The largest request body accepted, in bytes.
    public var maxRequestBodyBytes = 1 << 20
    /// The most items a page may hold (`limit`).
    public var maxPageSize = 1_000
    /// The items a page holds when `limit` is not given.
    public var defaultPageSize = 100
    /// Seconds a write waits while another writes.
    public var busyTimeout = 5.0
    /// Whether the session cookie is marked `Secure` (sent over HTTPS only): on when a TLS proxy fronts the server.
    public var secureCookies = false
    /// bcrypt's cost for passwords set through the server (4 to 31).
    public var bcryptCost: UInt8 = 12
    /// Failed sign-ins allowed per account within ``loginWindow``.
    public var loginFailuresPerAccount = 5
    /// Failed sign-ins allowed per client address within ``loginWindow``.
    public var loginFailuresPerAddress = 20
    /// The window failed sign-ins are counted in, in seconds.
    public var loginWindow = 900.0
    /// The largest file an import takes, in bytes.
    public var maxUploadBytes = 1 << 30
    /// The bytes of answers to reads kept to answer the same reads again until the store changes
    /// (``ResponseCache``); 0 keeps none.
    public var responseCacheBytes = 64 << 20
    /// Whether an incremental adjudication runs after each write (agreement saved, status event, import,
    /// quarantine retry).
    public var adjudicateAfterWrites = true
    /// The hosts webhooks may be posted to (a subscription naming another is refused); none by default, so that
    /// a server posts nowhere its operator has not allowed.
    public var webhookHosts: Set<String> = []
    /// Seconds between rounds of webhook deliveries.
    public var webhookInterval = 10.0

    public init() {}

    /// Every setting, as the file names it, with its environment variable and what it takes.
    public static let settings: [Setting] = [
        Setting(key: "host", variable: "TRUCE_HOST", expected: "a host name or address") { configuration, text in
            guard !text.isEmpty, text.utf8.count <= 255 else { return false }
            configuration.host = text
            return true
        },
        Setting.number(key: "port", variable: "TRUCE_PORT", expected: "a port number", in: 0...65_535, \.port),
        Setting(key: "database", variable: "TRUCE_DB", expected: "a database path") { configuration, text in
            guard !text.isEmpty else { return false }
            configuration.database = text
            return true
        },
        Setting(
            key: "log_level", variable: "TRUCE_LOG_LEVEL",
            expected: "one of " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        ) { configuration, text in
            guard let level = Logger.Level(rawValue: text.lowercased()) else { return false }
            configuration.logLevel = level
            return true
        },
        Setting(
            key: "public_access", variable: "TRUCE_PUBLIC_ACCESS",
            expected: "on, off or an evidence level (" + EvidenceLevel.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        ) { configuration, text in
            if let open = Self.boolean(text) {
                configuration.publicAccess = open ? .on : .off
            } else {
                guard let level = EvidenceLevel(rawValue: text.lowercased()) else { return false }
                configuration.publicAccess = .agreementsAndVerdicts(minimumEvidence: level)
            }
            return true
        },
        Setting(key: "max_request_body_bytes", variable: "TRUCE_MAX_REQUEST_BODY_BYTES", expected: "a number of bytes from 1 to 1073741824") {
            configuration, text in
            guard let bytes = Int(text), (1...(1 << 30)).contains(bytes) else { return false }
            configuration.maxRequestBodyBytes = bytes
            return true
        },
        Setting.number(key: "max_page_size", variable: "TRUCE_MAX_PAGE_SIZE", expected: "a whole number", in: 1...100_000, \.maxPageSize),
        Setting.number(key: "default_page_size", variable: "TRUCE_DEFAULT_PAGE_SIZE", expected: "a whole number", in: 1...100_000, \.defaultPageSize),
        Setting.seconds(key: "busy_timeout", variable: "TRUCE_BUSY_TIMEOUT", in: 0...3_600, \.busyTimeout),
        Setting.flag(key: "secure_cookies", variable: "TRUCE_SECURE_COOKIES", \.secureCookies),
        Setting(key: "bcrypt_cost", variable: "TRUCE_BCRYPT_COST", expected: "a whole number from 4 to 31") { configuration, text in
            guard let cost = UInt8(text), (4...31).contains(cost) else { return false }
            configuration.bcryptCost = cost
            return true
        },
        Setting.number(
            key: "login_failures_per_account", variable: "TRUCE_LOGIN_FAILURES_PER_ACCOUNT", expected: "a whole number", in: 1...1_000,
            \.loginFailuresPerAccount),
        Setting.number(
            key: "login_failures_per_address", variable: "TRUCE_LOGIN_FAILURES_PER_ADDRESS", expected: "a whole number", in: 1...100_000,
            \.loginFailuresPerAddress),
        Setting.seconds(key: "login_window", variable: "TRUCE_LOGIN_WINDOW", in: 1...86_400, \.loginWindow),
        Setting.number(
            key: "max_upload_bytes", variable: "TRUCE_MAX_UPLOAD_BYTES", expected: "a number of bytes", in: 1...(1 << 40), \.maxUploadBytes),
        Setting.number(
            key: "response_cache_bytes", variable: "TRUCE_RESPONSE_CACHE_BYTES", expected: "a number of bytes", in: 0...(1 << 34),
            \.responseCacheBytes),
        Setting.flag(key: "adjudicate_after_writes", variable: "TRUCE_ADJUDICATE_AFTER_WRITES", \.adjudicateAfterWrites),
        Setting(key: "webhook_hosts", variable: "TRUCE_WEBHOOK_HOSTS", expected: "host names separated by commas") { configuration, text in
            let hosts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            guard hosts.allSatisfy({ $0.utf8.count <= 255 && !$0.contains("/") }) else { return false }
            configuration.webhookHosts = Set(hosts)
            return true
        },
        Setting.seconds(key: "webhook_interval", variable: "TRUCE_WEBHOOK_INTERVAL", in: 0.1...3_600, \.webhookInterval),
    ]

    /// `true`, `on`, `yes` and `1`, or `false`, `off`, `no` and `0`, in any case; else `nil`.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "on", "yes", "1": return true
        case "false", "off", "no", "0": return false
        default: return nil
        }
    }

    /// One setting: its key in a file, its environment variable, what it takes, and how it is applied.
    public struct Setting: Sendable {
        public let key: String
        public let variable: String
        /// What the setting takes, for messages and docs.
        public let expected: String
        /// Sets the value `text` names; `false` when `text` is not a value of this setting.
        let apply: @Sendable (inout ServerConfiguration, String) -> Bool
    }

    /// Checks the settings that depend on one another.
    /// - Throws: ``ConfigurationError`` when the default page size is above the maximum.
    public func validated(source: String) throws -> ServerConfiguration {
        guard defaultPageSize <= maxPageSize else {
            throw ConfigurationError(
                source: source, line: nil, key: "default_page_size", message: "is \(defaultPageSize), above max_page_size (\(maxPageSize))")
        }
        return self
    }
}

extension ServerConfiguration.Setting {
    /// A setting that takes true or false (see ``ServerConfiguration/boolean(_:)``), stored at `property`.
    static func flag(key: String, variable: String, _ property: any WritableKeyPath<ServerConfiguration, Bool> & Sendable) -> Self {
        Self(key: key, variable: variable, expected: "true or false") { configuration, text in
            guard let value = ServerConfiguration.boolean(text) else { return false }
            configuration[keyPath: property] = value
            return true
        }
    }

    /// A setting that takes a whole number in `range`, stored at `property`; `expected` names what it counts
    /// (e.g. "a port number"), and the range is added to it.
    static func number(
        key: String, variable: String, expected: String, in range: ClosedRange<Int>,
        _ property: any WritableKeyPath<ServerConfiguration, Int> & Sendable
    ) -> Self {
        Self(key: key, variable: variable, expected: "\(expected) from \(range.lowerBound) to \(range.upperBound)") { configuration, text in
            guard let value = Int(text), range.contains(value) else { return false }
            configuration[keyPath: property] = value
            return true
        }
    }

    /// A setting that takes a number of seconds in `range`, stored at `property`.
    static func seconds(
        key: String, variable: String, in range: ClosedRange<Double>, _ property: any WritableKeyPath<ServerConfiguration, Double> & Sendable
    ) -> Self {
        Self(key: key, variable: variable, expected: "a number of seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound))") {
            configuration, text in
            guard let value = Double(text), value.isFinite, range.contains(value) else { return false }
            configuration[keyPath: property] = value
            return true
        }
    }
}

extension Logger.Level {
    static var allCases: [Logger.Level] { [.trace, .debug, .info, .notice, .warning, .error, .critical] }
}

/// A configuration value that cannot be used: where it was (a file and line, an environment variable or a
/// flag), its key, and why.
public struct ConfigurationError: Error, Hashable, CustomStringConvertible, Sendable {
    /// The file, environment variable or flag the value came from.
    public var source: String
    /// The line in the file, where known.
    public var line: Int?
    public var key: String
    public var message: String

    public init(source: String, line: Int?, key: String, message: String) {
        self.source = source
        self.line = line
        self.key = key
        self.message = message
    }

    /// E.g. `truce.yaml:3: port: takes a port number from 0 to 65535`.
    public var description: String {
        let place = line.map { "\(source):\($0)" } ?? source
        return "\(place): \(key): \(message)"
    }
}
