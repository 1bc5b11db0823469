import Foundation
import GRDB
import TruceCore

extension SQLiteStore {
    public func save(incidents: [Incident], quarantined: [QuarantinedRecord]) throws -> LoadSummary {
        return try wrap("save incidents") {
            try writer.write { db in
                var summary = LoadSummary()
                for incident in incidents {
                    let body = incident.canonicalJSON
                    let release = incident.sources.first?.release
                    let existing = try Row.fetchOne(
                        try db.cachedStatement(sql: "SELECT body, release FROM incident WHERE id = ?"), arguments: [incident.id])
                    guard let existing else {
                        summary.new += 1
                        try insert(incident, body: body, release: release, db: db)
                        continue
                    }
                    let storedBody: String = existing["body"]
                    if storedBody == body {
                        summary.unchanged += 1
                        continue
                    }
                    let storedRelease: String? = existing["release"]
                    if Self.isOlder(release, than: storedRelease) {
                        // An older version of a record already stored: keep it in the history only.
                        try db.run("INSERT OR IGNORE INTO incident_history (incident_id, release, body) VALUES (?, ?, ?)",
                            arguments: [incident.id, release, body])
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated += 1
                    try db.run("INSERT OR IGNORE INTO incident_history (incident_id, release, body) VALUES (?, ?, ?)",
                        arguments: [incident.id, storedRelease, storedBody])
                    try db.execute(sql: "DELETE FROM incident WHERE id = ?", arguments: [incident.id])
                    try insert(incident, body: body, release: release, db: db)
                }
                for record in quarantined {
                    let problems = try TruceJSON.string(record.problems)
                    try db.run("""
                            INSERT OR IGNORE INTO quarantine (dataset, file, line, field, reason, problems, raw)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [record.dataset, record.file, record.line, record.field, record.reason, problems, record.raw])
                    summary.quarantined += 1
                }
                return summary
            }
        }
    }

    /// Whether release `incoming` is known to be older than `stored` (numerically when both are numbers, such as
    /// ACLED's Unix timestamps).
    static func isOlder(_ incoming: String?, than stored: String?) -> Bool {
        guard let incoming, let stored else { return false }
        if let left = Int64(incoming), let right = Int64(stored) { return left < right }
        return incoming < stored
    }

    private func insert(_ incident: Incident, body: String, release: String?, db: Database) throws {
        try db.run("""
                INSERT INTO incident (id, start_unix, end_unix, time_precision, country, admin1, place, latitude, longitude,
                    geo_precision, action, target_category, target_subtype, perpetrator, fatalities, body, release)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                incident.id, unix(incident.time.span.start), incident.time.span.end.map(unix),
                incident.time.precision.rawValue, incident.location.country, incident.location.admin1,
                incident.location.place, incident.location.coordinate?.latitude, incident.location.coordinate?.longitude,
                incident.location.precision.rawValue, incident.action?.rawValue, incident.target.category?.rawValue,
                incident.target.subtype, incident.perpetrator?.party.rawValue, incident.effects.fatalities, body, release,
            ])
        for (ordinal, record) in incident.sources.enumerated() {
            try db.run("""
                    INSERT INTO source_record (incident_id, ordinal, dataset, file, line, record_key, release, fields)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    incident.id, ordinal, record.dataset, record.file, record.line, record.key, record.release,
                    record.canonicalFieldsJSON,
                ])
        }
        for (ordinal, claim) in incident.claims.enumerated() {
            try db.run("""
                    INSERT INTO claim (incident_id, ordinal, claimant, claimant_party, accused, source_url, published)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    incident.id, ordinal, claim.claimant, claim.claimantParty?.rawValue, claim.accused?.rawValue,
                    claim.source?.url, claim.source?.published,
                ])
        }
    }
}

extension Database {
    /// Runs `sql` through the connection's statement cache, so a statement run for every row is prepared once.
    func run(_ sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
