import Foundation
import GRDB

/// The migrations that rewrite stored JSON. Each reads and writes it through its own types, frozen as the
/// migration shipped, never through Truce's model: a model type that changes later must not change what a
/// migration does to an old store.
enum FrozenMigrations {
    /// v3: each incident's body keeps its source records without their fields, which move into one values array
    /// per record (`source_record.field_values`) beside a shared array of names (`source_header`). The body is
    /// otherwise kept as it was, written again with sorted keys as Truce writes JSON.
    static func compactSourceRecords(_ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        func text(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO source_record_v3 (incident_id, ordinal, dataset, file, line, record_key, release, header_id, field_values)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in try Row.fetchAll(db, sql: "SELECT id, body FROM incident") {
            let id: String = row["id"]
            var body = try decoder.decode([String: JSONValue].self, from: Data((row["body"] as String).utf8))
            guard case .array(let records)? = body["sources"] else { throw JSONValue.Unexpected(incident: id, member: "sources") }
            var stripped: [JSONValue] = []
            for (ordinal, value) in records.enumerated() {
                guard case .object(var record) = value, case .array(let fields)? = record["fields"] else {
                    throw JSONValue.Unexpected(incident: id, member: "sources[\(ordinal)].fields")
                }
                var names: [String] = []
                var values: [String] = []
                for field in fields {
                    guard case .object(let members) = field, case .string(let name)? = members["name"], case .string(let value)? = members["value"]
                    else { throw JSONValue.Unexpected(incident: id, member: "sources[\(ordinal)].fields") }
                    names.append(name)
                    values.append(value)
                }
                let header = try text(names)
                try db.execute(sql: "INSERT OR IGNORE INTO source_header (names) VALUES (?)", arguments: [header])
                let headerID = try Int64.fetchOne(db, sql: "SELECT id FROM source_header WHERE names = ?", arguments: [header])
                try insert.execute(arguments: [
                    id, ordinal, record["dataset"]?.string, record["file"]?.string, record["line"]?.integer, record["key"]?.string,
                    record["release"]?.string, headerID, try text(values),
                ])
                record["fields"] = .array([])
                stripped.append(.object(record))
            }
            body["sources"] = .array(stripped)
            try db.execute(sql: "UPDATE incident SET body = ? WHERE id = ?", arguments: [try text(body), id])
        }
    }

    /// v13: a verdict's clause checks, stored as JSON with their reasons, packed in one integer as
    /// `PackedChecks` packed them when it shipped: time, place, party, target and action from the lowest bits, five
    /// bits each (two of outcome: pass, fail, unknown; three of uncertainty: none, imprecise, disputed, missing,
    /// unattributed), and bit 25 for an `exceptions` check.
    static func packVerdictChecks(_ db: Database) throws {
        struct Check: Decodable {
            var clause: String
            var outcome: String
            var uncertainty: String?
            var reason: String
        }
        let clauses = ["time", "place", "party", "target", "action"]
        let outcomes = ["pass", "fail", "unknown"]
        let uncertainties = ["imprecise", "disputed", "missing", "unattributed"]
        let known = Set(clauses + ["relevance", "exceptions"])
        let decoder = JSONDecoder()
        let insert = try db.makeStatement(
            sql: "INSERT INTO verdict_packed (incident_id, agreement_id, kind, outcomes, rules_version) VALUES (?, ?, ?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT incident_id, agreement_id, kind, checks, rules_version FROM verdict")
        while let row = try rows.next() {
            var packed: UInt32 = 0
            for check in try decoder.decode([Check].self, from: Data((row["checks"] as String).utf8)) {
                guard known.contains(check.clause), let outcome = outcomes.firstIndex(of: check.outcome) else {
                    throw JSONValue.Unexpected(incident: row["incident_id"], member: "checks")
                }
                var uncertainty = 0
                if let stated = check.uncertainty {
                    guard let index = uncertainties.firstIndex(of: stated) else {
                        throw JSONValue.Unexpected(incident: row["incident_id"], member: "checks")
                    }
                    uncertainty = index + 1
                }
                if check.clause == "exceptions" { packed |= 1 << 25 }
                if let index = clauses.firstIndex(of: check.clause) { packed |= UInt32(outcome | uncertainty << 2) << UInt32(index * 5) }
            }
            try insert.execute(arguments: [row["incident_id"], row["agreement_id"], row["kind"], Int64(packed), row["rules_version"]])
        }
    }
}

/// Any JSON value, read and written as it is: what the frozen migrations read stored JSON into.
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A stored JSON text without a member a migration needs, or with one of another shape.
    struct Unexpected: Error, CustomStringConvertible {
        var incident: String
        var member: String
        var description: String { "incident \(incident): stored JSON has no readable \(member)" }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var integer: Int64? { if case .integer(let value) = self { value } else { nil } }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
