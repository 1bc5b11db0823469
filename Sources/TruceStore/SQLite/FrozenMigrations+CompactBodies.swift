import Foundation
import GRDB

extension FrozenMigrations {
    /// v16: each incident's body keeps only what its columns and its source records' rows do not hold, under
    /// one-letter keys, each left out when empty: `a` the perpetrator's attribution, `c` the claims, `d` the
    /// description, `i` the injured, `n` the target's name, `s` the source records without their fields (only
    /// when there are not exactly one, or when the one differs from its row), `z` the time zone.
    ///
    /// A body is left whole when its columns do not give back exactly what it says: a member the columns hold
    /// with another value, an instant outside 1582-10-15...9999-12-31 or not in whole seconds, a country code with a
    /// space, a coordinate of minus zero, a NUL character, or a member this migration does not know.
    static func compactIncidentBodies(_ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        let rows = try db.makeStatement(
            sql: """
                SELECT rowid, id, start_unix, end_unix, time_precision, country, admin1, place, latitude, longitude, geo_precision, action,
                    target_category, target_subtype, perpetrator, fatalities, outcome, acts, countries, body
                FROM incident WHERE rowid > ? ORDER BY rowid LIMIT 1000
                """)
        let records = try db.makeStatement(
            sql: "SELECT dataset, file, line, record_key, release FROM source_record WHERE incident_id = ? ORDER BY ordinal")
        let update = try db.makeStatement(sql: "UPDATE incident SET body = ? WHERE rowid = ?")
        var after = Int64.min
        while true {
            let batch = try Row.fetchAll(rows, arguments: [after])
            guard let last = batch.last else { return }
            after = last["rowid"]
            for row in batch {
                let text: String = row["body"]
                guard !text.contains("\\u0000"), !text.contains(":-0,"), !text.contains(":-0}"),
                    case .object(let body)? = try? decoder.decode(JSONValue.self, from: Data(text.utf8))
                else { continue }
                let sources = try Row.fetchAll(records, arguments: [row["id"]])
                guard let compact = CompactBodyV16(row: row, sources: sources).compact(body) else { continue }
                try update.execute(arguments: [String(decoding: try encoder.encode(compact), as: UTF8.self), row["rowid"]])
            }
        }
    }
}

/// The compact body of v16 worked out from a whole one and the columns of its row, frozen as it shipped.
private struct CompactBodyV16 {
    let row: Row
    let sources: [Row]

    /// The compact body, or `nil` when the body must stay whole.
    func compact(_ body: [String: JSONValue]) -> JSONValue? {
        let known: Set = [
            "action", "acts", "claims", "description", "effects", "id", "location", "outcome", "perpetrator", "sources", "target", "time",
        ]
        guard Set(body.keys).isSubset(of: known), body["id"] == .string(row["id"]), body["action"] == text("action"),
            body["outcome"] == text("outcome"), body["acts"] == integer("acts")
        else { return nil }
        var compact: [String: JSONValue] = [:]
        guard case .object(let effects)? = body["effects"], Set(effects.keys).isSubset(of: ["fatalities", "injured"]),
            effects["fatalities"] == integer("fatalities")
        else { return nil }
        if let injured = effects["injured"] {
            guard case .integer = injured else { return nil }
            compact["i"] = injured
        }
        guard location(body["location"]), time(body["time"], into: &compact) else { return nil }
        switch body["perpetrator"] {
        case nil:
            guard (row["perpetrator"] as String?) == nil else { return nil }
        case .object(let perpetrator)?:
            guard Set(perpetrator.keys).isSubset(of: ["attributedBy", "party"]), perpetrator["party"] == text("perpetrator"),
                case .string(let by)? = perpetrator["attributedBy"]
            else { return nil }
            if !by.isEmpty { compact["a"] = .string(by) }
        default: return nil
        }
        guard case .object(let target)? = body["target"], Set(target.keys).isSubset(of: ["category", "name", "subtype"]),
            target["category"] == text("target_category"), target["subtype"] == text("target_subtype")
        else { return nil }
        if let name = target["name"] {
            guard case .string = name else { return nil }
            compact["n"] = name
        }
        guard case .string(let description)? = body["description"], case .array(let claims)? = body["claims"],
            case .array(let records)? = body["sources"]
        else { return nil }
        if !description.isEmpty { compact["d"] = .string(description) }
        if !claims.isEmpty { compact["c"] = .array(claims) }
        if !(records.count == 1 && sources.count == 1 && sameRecord(records[0], sources[0])) { compact["s"] = .array(records) }
        return .object(compact)
    }

    private func text(_ column: String) -> JSONValue? { (row[column] as String?).map(JSONValue.string) }
    private func integer(_ column: String) -> JSONValue? { (row[column] as Int64?).map(JSONValue.integer) }

    private func location(_ value: JSONValue?) -> Bool {
        guard case .object(let location)? = value,
            Set(location.keys).isSubset(of: ["admin1", "coordinate", "countries", "country", "place", "precision"]),
            location["admin1"] == text("admin1"), location["country"] == text("country"), location["place"] == text("place"),
            location["precision"] == text("geo_precision")
        else { return false }
        let (latitude, longitude): (Double?, Double?) = (row["latitude"], row["longitude"])
        switch location["coordinate"] {
        case nil: guard latitude == nil, longitude == nil else { return false }
        case .object(let coordinate)?:
            guard Set(coordinate.keys) == ["latitude", "longitude"], let latitude, let longitude,
                number(coordinate["latitude"]) == latitude, number(coordinate["longitude"]) == longitude
            else { return false }
        default: return false
        }
        var countries: [String] = []
        if let listed = location["countries"] {
            guard case .array(let values) = listed else { return false }
            for value in values {
                guard case .string(let code) = value, !code.isEmpty, !code.contains(" ") else { return false }
                countries.append(code)
            }
        }
        return (countries.isEmpty ? nil : countries.joined(separator: " ")) == (row["countries"] as String?)
    }

    private func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let value)?: Double(value)
        case .number(let value)?: value
        default: nil
        }
    }

    /// Checks the time against the columns and adds its zone to `compact`; `false` when they differ.
    private func time(_ value: JSONValue?, into compact: inout [String: JSONValue]) -> Bool {
        guard case .object(let time)? = value, Set(time.keys).isSubset(of: ["precision", "span", "timeZone"]),
            time["precision"] == text("time_precision"), case .object(let span)? = time["span"],
            Set(span.keys).isSubset(of: ["start", "end"]), let start = span["start"], instant(start) == (row["start_unix"] as Int64?)
        else { return false }
        if let end = span["end"] {
            guard let seconds = instant(end), seconds == (row["end_unix"] as Int64?) else { return false }
        } else {
            guard (row["end_unix"] as Int64?) == nil else { return false }
        }
        if let zone = time["timeZone"] {
            guard case .string = zone else { return false }
            compact["z"] = zone
        }
        return true
    }

    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ` from 1582-10-15 through 9999-12-31.
    private func instant(_ value: JSONValue) -> Int64? {
        guard case .string(let text) = value, text.utf8.count == 20, text >= "1582-10-15T00:00:00Z" else { return nil }
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }), let year = digits(0..<4), let month = digits(5..<7),
            let day = digits(8..<10), let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
            (1...12).contains(month), hour < 24, minute < 60, second < 60
        else { return nil }
        let (byFour, byHundred, byFourHundred): (Bool, Bool, Bool) = (year % 4 == 0, year % 100 == 0, year % 400 == 0)
        let leap: Bool = byFour && (!byHundred || byFourHundred)
        let lengths: [Int64] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[Int(month - 1)]).contains(day) else { return nil }
        // Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth: Int64 = month > 2 ? month - 3 : month + 9
        let dayOfYear: Int64 = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra: Int64 = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days: Int64 = era * 146_097 + dayOfEra - 719_468
        let seconds: Int64 = hour * 3600 + minute * 60 + second
        return days * 86_400 + seconds
    }

    private func sameRecord(_ value: JSONValue, _ row: Row) -> Bool {
        guard case .object(let record) = value, Set(record.keys).isSubset(of: ["dataset", "fields", "file", "key", "line", "release"]),
            record["fields"] == .array([]), record["dataset"] == .string(row["dataset"]), record["file"] == .string(row["file"]),
            record["key"] == .string(row["record_key"]), record["line"] == .integer(row["line"]),
            record["release"] == (row["release"] as String?).map(JSONValue.string)
        else { return false }
        return true
    }
}
