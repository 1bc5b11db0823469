import Foundation
import GRDB

extension StoreError {
    /// The store error for `error` thrown while doing `operation` on the database at `path`, its cause told
    /// apart by SQLite's result code.
    init(path: String, operation: String, error: any Error, busyTimeout: Double) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let database = error as? DatabaseError else {
            self.init(path: path, operation: operation, cause: .other("\(error)"), details: "\(error)")
            return
        }
        var cause = Self.cause(of: database, busyTimeout: busyTimeout)
        // SQLite reports some writes to a full disk (growing its shared-memory file) as input/output errors.
        if cause == .inputOutput, Self.diskIsFull(holding: path) { cause = .diskFull }
        self.init(path: path, operation: operation, cause: cause, details: "\(database)")
    }

    /// Whether the file system holding `path` has (almost) no room left.
    static func diskIsFull(holding path: String) -> Bool {
        var stats = statvfs()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(folder, &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024
    }

    static func cause(of error: DatabaseError, busyTimeout: Double) -> Cause {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_PROTOCOL:
            return .busy(timeout: busyTimeout)
        case .SQLITE_FULL:
            return .diskFull
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .readOnly
        case .SQLITE_IOERR:
            return .inputOutput
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .damaged
        case .SQLITE_TOOBIG:
            return .recordRejected("a value is larger than the database accepts")
        case .SQLITE_CONSTRAINT:
            return .recordRejected("it breaks a rule of the database")
        case .SQLITE_MISMATCH, .SQLITE_RANGE:
            return .recordRejected("a value has a type or range the database does not accept")
        case .SQLITE_NOMEM:
            return .other("out of memory")
        case .SQLITE_CANTOPEN:
            return .other("the file cannot be opened (does its folder exist, and may it be written?)")
        default:
            return .other(error.message ?? "database error \(error.resultCode.rawValue)")
        }
    }
}
