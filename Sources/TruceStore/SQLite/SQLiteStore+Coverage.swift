import Foundation
import GRDB
import TruceCore

/// What each dataset covers, and when it was last imported: reports state it beside their figures.
extension SQLiteStore {
    /// The `store_meta` key prefix of a dataset's last import time (Unix seconds), e.g. `last_import:acled`.
    static let importTimePrefix = "last_import:"

    /// The `store_meta` key prefix of a dataset's figures: `coverage:acled:records`, `…:earliest`, `…:latest`
    /// (Unix seconds).
    static let coveragePrefix = "coverage:"

    public func coverage() throws -> [DatasetCoverage] {
        try wrap("read the data coverage") {
            try writer.read { db in
                var imported: [String: Date] = [:]
                var figures: [String: [String: Int64]] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT key, value FROM store_meta WHERE key LIKE '\(Self.importTimePrefix)%' OR key LIKE '\(Self.coveragePrefix)%'")
                {
                    let key: String = row["key"]
                    let value: Int64 = row["value"]
                    if key.hasPrefix(Self.importTimePrefix) {
                        imported[String(key.dropFirst(Self.importTimePrefix.count))] = Date(timeIntervalSince1970: TimeInterval(value))
                    } else if let colon = key.lastIndex(of: ":") {
                        let dataset = String(key[key.index(key.startIndex, offsetBy: Self.coveragePrefix.count)..<colon])
                        figures[dataset, default: [:]][String(key[key.index(after: colon)...])] = value
                    }
                }
                return figures.keys.sorted().compactMap { dataset in
                    let known = figures[dataset]!
                    guard let records = known["records"], records > 0, let earliest = known["earliest"], let latest = known["latest"] else {
                        return nil
                    }
                    return DatasetCoverage(
                        dataset: dataset, records: Int(records), earliest: Date(timeIntervalSince1970: TimeInterval(earliest)),
                        latest: Date(timeIntervalSince1970: TimeInterval(latest)), lastImport: imported[dataset])
                }
            }
        }
    }

    /// What one import wrote of a dataset: new records, and the earliest and latest start it saved.
    struct CoverageChange {
        var new: Int64 = 0
        var earliest: Int64 = .max
        var latest: Int64 = .min

        mutating func saw(_ incident: Incident, isNew: Bool) {
            if isNew { new += 1 }
            earliest = min(earliest, unix(incident.time.span.start))
            latest = max(latest, unix(incident.time.span.start))
        }
    }

    /// What one import wrote, by dataset; a record of the same dataset as the one before is counted without a
    /// lookup (the records of one import are mostly of one dataset).
    struct CoverageChanges {
        private var counted: [String: CoverageChange] = [:]
        private var current: (dataset: String, change: CoverageChange)?

        mutating func saw(_ incident: Incident, isNew: Bool) {
            guard let dataset = incident.sources.first?.dataset else { return }
            if current?.dataset != dataset {
                if let current { counted[current.dataset] = current.change }
                current = (dataset, counted[dataset] ?? CoverageChange())
            }
            current!.change.saw(incident, isNew: isNew)
        }

        /// Every dataset's change.
        var byDataset: [String: CoverageChange] {
            var all = counted
            if let current { all[current.dataset] = current.change }
            return all
        }
    }

    /// Adds what an import wrote to each dataset's figures, and notes now as its last import time. Figures only
    /// grow: a record whose start a later release moves leaves the old bound in place.
    static func noteImport(_ changes: [String: CoverageChange], db: Database) throws {
        let now = unix(Date())
        let upsert = "INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
        for (dataset, change) in changes.sorted(by: { $0.key < $1.key }) {
            let key = Self.coveragePrefix + dataset
            try db.run(upsert + "value + excluded.value", arguments: [key + ":records", change.new])
            try db.run(upsert + "MIN(value, excluded.value)", arguments: [key + ":earliest", change.earliest])
            try db.run(upsert + "MAX(value, excluded.value)", arguments: [key + ":latest", change.latest])
            try db.run(upsert + "excluded.value", arguments: [Self.importTimePrefix + dataset, now])
        }
    }
}
