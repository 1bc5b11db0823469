import ArgumentParser
import Foundation
import TruceCore
import TruceStore

/// Where the database lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file (default: $TRUCE_DB, then ./truce.sqlite).", valueName: "path"))
    var db: String?

    init() {}
    init(db: String) { self.db = db }

    var path: String { db ?? ProcessInfo.processInfo.environment["TRUCE_DB"] ?? "truce.sqlite" }

    func open() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: path)
        } catch let error as StoreError {
            throw Failure(message: error.description, code: .storeFailure)
        }
    }
}

/// The filters that incidents and verdicts share: party and dates.
struct PartyAndDateFilters: ParsableArguments {
    @Option(help: "Only incidents attributed to this party (e.g. RU).")
    var party: String?
    @Option(help: ArgumentHelp("Only incidents on or after this day (UTC).", valueName: Day.form), transform: Day.init(validating:))
    var from: Day?
    @Option(help: ArgumentHelp("Only incidents on or before this day (UTC).", valueName: Day.form), transform: Day.init(validating:))
    var to: Day?

    var perpetrator: PartyID? { party.map { PartyID($0) } }

    /// The days from `--from` to `--to` inclusive, or `nil` when neither is given.
    var span: TimeSpan? {
        guard from != nil || to != nil else { return nil }
        return TimeSpan(start: from?.startInUTC ?? .distantPast, end: to.map { $0.stated.adding(days: 1).instant(in: .utc) })
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
}

/// An error the CLI reports as one line on standard error before exiting with `code`.
struct Failure: Error, CustomStringConvertible {
    var message: String
    var code: ExitStatus
    var description: String { message }
}

/// Runs `body`, turning known errors into a message on standard error and the documented exit code.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        printError(failure.message)
        throw ExitCode(failure.code.rawValue)
    } catch let error as StoreError {
        printError(error.description)
        throw ExitCode(ExitStatus.storeFailure.rawValue)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
