import Foundation
import GRDB
import TruceCore

/// What each dataset covers, and when it was last imported: reports state it beside their figures.
extension SQLiteStore {
    /// The `store_meta` key prefix of a dataset's last import time (Unix seconds), e.g. `last_import:acled`.
    static let importTimePrefix = "last_import:"

    public func coverage() throws -> [DatasetCoverage] {
        try wrap("read the data coverage") {
            try writer.read { db in
                var imported: [String: Date] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM store_meta WHERE key LIKE '\(Self.importTimePrefix)%'") {
                    let key: String = row["key"]
                    imported[String(key.dropFirst(Self.importTimePrefix.count))] = Date(timeIntervalSince1970: TimeInterval(row["value"] as Int64))
                }
                // An incident's dataset is that of its first source record.
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.dataset AS dataset, COUNT(*) AS records, MIN(i.start_unix) AS earliest, MAX(i.start_unix) AS latest
                        FROM incident i JOIN source_record s ON s.incident_id = i.id AND s.ordinal = 0
                        GROUP BY s.dataset ORDER BY s.dataset
                        """)
                return rows.map { row in
                    let dataset: String = row["dataset"]
                    return DatasetCoverage(
                        dataset: dataset, records: row["records"],
                        earliest: Date(timeIntervalSince1970: TimeInterval(row["earliest"] as Int64)),
                        latest: Date(timeIntervalSince1970: TimeInterval(row["latest"] as Int64)), lastImport: imported[dataset])
                }
            }
        }
    }

    /// Notes now as the last import time of each of `datasets`.
    static func noteImport(of datasets: Set<String>, db: Database) throws {
        let now = unix(Date())
        for dataset in datasets.sorted() {
            try db.run(
                "INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [Self.importTimePrefix + dataset, now])
        }
    }
}
