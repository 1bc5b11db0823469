import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceReport
import TruceStore

/// Where the database lives.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite database file (default: $TRUCE_DB, then ./truce.sqlite). A write waits up to $TRUCE_BUSY_TIMEOUT seconds "
                + "(default 120) while another command writes.", valueName: "path"))
    var db: String?

    init() {}
    init(db: String) { self.db = db }

    var path: String { db ?? ProcessInfo.processInfo.environment["TRUCE_DB"] ?? "truce.sqlite" }

    /// Opens the database to write, creating it or bringing its schema up to date if needed.
    func open() throws -> SQLiteStore {
        try open(.readWrite)
    }

    /// Opens the database only to read: it must exist with an up-to-date schema, and may be read-only.
    func openForReading() throws -> SQLiteStore {
        try open(.readOnly)
    }

    private func open(_ access: SQLiteStore.Access) throws -> SQLiteStore {
        let timeout = try Self.busyTimeout()
        do {
            // A command reads nothing else while it loads: a bulk load may write each page once.
            return try SQLiteStore(path: path, access: access, busyTimeout: timeout, bulkLoadJournal: .rollbackWhenAlone)
        } catch let error as StoreError {
            throw Failure(message: error.description, kind: .storeFailure, details: error.details)
        }
    }

    /// Seconds a write waits while another Truce command writes: `$TRUCE_BUSY_TIMEOUT`, else the store's default.
    static func busyTimeout() throws -> Double {
        guard let text = ProcessInfo.processInfo.environment["TRUCE_BUSY_TIMEOUT"], !text.isEmpty else {
            return SQLiteStore.defaultBusyTimeout
        }
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 * 365 else {
            throw Failure(message: "TRUCE_BUSY_TIMEOUT: \"\(text)\" is not a number of seconds", kind: .invalidInput)
        }
        return seconds
    }
}

/// Human tables by default, JSON for scripts.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}

/// Exit codes documented in `truce --help`.
enum ExitStatus: Int32 {
    case invalidInput = 1
    case storeFailure = 3

    init(_ kind: Failure.Kind) {
        switch kind {
        case .invalidInput: self = .invalidInput
        case .storeFailure: self = .storeFailure
        }
    }
}

/// The option that gives each shipped file instead, named when the file cannot be found.
private let optionsGivingBundledFiles = [
    Bundled.actorTable: "--actors FILE", Bundled.catalogue: "--catalog DIR", Bundled.exampleIncidents: "--incidents FILE",
    Bundled.acledSample: "--acled FILE",
]

/// Runs `body`, turning known errors into a message on standard error and the documented exit code. The
/// message is plain words; with `TRUCE_DEBUG` set, the underlying error follows it. An import that stopped
/// part-way first prints what it committed on standard output.
func reportingFailures(_ body: () throws -> Void) throws {
    let debug = ProcessInfo.processInfo.environment["TRUCE_DEBUG"].map { !$0.isEmpty && $0 != "0" } ?? false
    do {
        try body()
    } catch let failure as Failure {
        if let committed = failure.committed { print("\(committed.file): \(committed.summary) (incomplete)") }
        printError(failure.message)
        if debug, let details = failure.details, !details.isEmpty { printError("details: \(details)") }
        throw ExitCode(ExitStatus(failure.kind).rawValue)
    } catch let error as StoreError {
        printError(error.description)
        if debug, !error.details.isEmpty { printError("details: \(error.details)") }
        throw ExitCode(ExitStatus.storeFailure.rawValue)
    } catch let missing as MissingBundledFile {
        printError(optionsGivingBundledFiles[missing.relative].map { "\(missing): pass \($0)" } ?? missing.description)
        throw ExitCode(ExitStatus.invalidInput.rawValue)
    } catch let notFound as NotFound {
        printError(notFound.description)
        throw ExitCode(ExitStatus.invalidInput.rawValue)
    } catch let refused as AccountError {
        printError(refused.description)
        throw ExitCode(ExitStatus.invalidInput.rawValue)
    }
}

extension NotFound {
    /// The message a command gives for an id the store does not hold: the option that named it first, where to
    /// look up ids after, e.g. `--agreement: no agreement with id "x" (see `truce agreements list`)`.
    func failure(option: String? = nil, see command: String? = nil) -> Failure {
        Failure(message: (option.map { "\($0): " } ?? "") + description + (command.map { " (see `\($0)`)" } ?? ""), kind: .invalidInput)
    }
}

/// What `body` gives, with an id the store does not hold named as the command names it (see
/// ``NotFound/failure(option:see:)``).
func naming<Value>(option: String? = nil, see command: String? = nil, _ body: () throws -> Value) throws -> Value {
    do { return try body() } catch let missing as NotFound { throw missing.failure(option: option, see: command) }
}

/// Writes `message` on standard error, line by line, with no character that could act on the terminal (file
/// names and quoted values come from input; see ``DisplayText/singleLine(_:)``).
func printError(_ message: String) {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.singleLine(String($0)) }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
