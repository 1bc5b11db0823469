import Foundation
import GRDB
import TruceCore

extension SQLiteStore {
    public func quarantinedRecords() throws -> [QuarantinedRecord] {
        try quarantine(file: nil).map(\.record)
    }

    public func quarantine(file: String?) throws -> [QuarantineEntry] {
        try wrap("read quarantine") {
            try writer.read { db in
                var sql = "SELECT id, dataset, file, line, problems, raw FROM quarantine"
                var arguments = StatementArguments()
                if let file {
                    sql += " WHERE file = ?"
                    arguments += [file]
                }
                return try Row.fetchAll(db, sql: sql + " ORDER BY file, line, id", arguments: arguments).map(entry)
            }
        }
    }

    public func quarantineEntry(id: Int64) throws -> QuarantineEntry? {
        try wrap("read quarantine") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT id, dataset, file, line, problems, raw FROM quarantine WHERE id = ?", arguments: [id])
                    .map(entry)
            }
        }
    }

    public func removeQuarantine(ids: [Int64]) throws {
        try wrap("update quarantine") {
            try immediateWrite { db in
                for id in ids { try db.execute(sql: "DELETE FROM quarantine WHERE id = ?", arguments: [id]) }
            }
        }
    }

    private func entry(_ row: Row) throws -> QuarantineEntry {
        QuarantineEntry(
            id: row["id"],
            record: QuarantinedRecord(
                dataset: row["dataset"], file: row["file"], line: row["line"],
                problems: try decode([Diagnostic].self, row["problems"]), raw: row["raw"]))
    }
}
