import Foundation

extension Incident {
    /// The incident as canonical JSON: byte for byte what ``TruceJSON/encoder(pretty:)`` writes (sorted keys,
    /// ISO 8601 instants), written directly because the generic encoder is the slowest step of an import.
    public var canonicalJSON: String {
        var writer = JSONTextWriter()
        writer.write(self)
        return writer.isExact ? writer.text : ((try? TruceJSON.string(self)) ?? "")
    }
}

extension SourceRecord {
    /// The record's fields as canonical JSON (`[{"name":…,"value":…}]`), as Foundation's encoder writes them.
    public var canonicalFieldsJSON: String {
        var writer = JSONTextWriter()
        writer.write(fields)
        return writer.text
    }

    /// The field names as a JSON array of strings: a file's header, stored once for all its records.
    public var namesJSON: String { JSONTextWriter.array(fields.map(\.name)) }

    /// The field values as a JSON array of strings, in field order.
    public var valuesJSON: String { JSONTextWriter.array(fields.map(\.value)) }
}

/// Writes Truce's model types as sorted-key JSON, matching Foundation's encoder output exactly. Members are
/// written in sorted key order by hand; `nil` optionals are left out, as the synthesized `Codable` code does.
struct JSONTextWriter {
    private(set) var text = ""
    /// Cleared when a value cannot be written exactly (a fractional-second instant): the caller falls back.
    private(set) var isExact = true
    /// One flag per open object or array: whether it has a member yet.
    private var hasMember: [Bool] = []

    init() { text.reserveCapacity(2048) }

    mutating func write(_ incident: Incident) {
        open("{")
        string("action", incident.action?.rawValue)
        member("claims")
        open("[")
        for claim in incident.claims {
            element()
            open("{")
            string("accused", claim.accused?.rawValue)
            string("claimant", claim.claimant)
            string("claimantParty", claim.claimantParty?.rawValue)
            if let source = claim.source {
                member("source")
                write(source)
            }
            close("}")
        }
        close("]")
        string("description", incident.description)
        member("effects")
        open("{")
        integer("fatalities", incident.effects.fatalities)
        integer("injured", incident.effects.injured)
        close("}")
        string("id", incident.id)
        member("location")
        write(incident.location)
        if let perpetrator = incident.perpetrator {
            member("perpetrator")
            open("{")
            string("attributedBy", perpetrator.attributedBy)
            string("party", perpetrator.party.rawValue)
            close("}")
        }
        member("sources")
        open("[")
        for record in incident.sources {
            element()
            write(record)
        }
        close("]")
        member("target")
        open("{")
        string("category", incident.target.category?.rawValue)
        string("name", incident.target.name)
        string("subtype", incident.target.subtype)
        close("}")
        member("time")
        open("{")
        string("precision", incident.time.precision.rawValue)
        member("span")
        open("{")
        if let end = incident.time.span.end {
            member("end")
            instant(end)
        }
        member("start")
        instant(incident.time.span.start)
        close("}")
        string("timeZone", incident.time.timeZone?.rawValue)
        close("}")
        close("}")
    }

    private mutating func write(_ location: IncidentLocation) {
        open("{")
        string("admin1", location.admin1)
        if let coordinate = location.coordinate {
            member("coordinate")
            open("{")
            member("latitude")
            number(coordinate.latitude)
            member("longitude")
            number(coordinate.longitude)
            close("}")
        }
        string("country", location.country)
        string("place", location.place)
        string("precision", location.precision.rawValue)
        close("}")
    }

    private mutating func write(_ record: SourceRecord) {
        open("{")
        string("dataset", record.dataset)
        member("fields")
        write(record.fields)
        string("file", record.file)
        string("key", record.key)
        integer("line", record.line)
        string("release", record.release)
        close("}")
    }

    mutating func write(_ fields: [SourceRecord.Field]) {
        open("[")
        for field in fields {
            element()
            open("{")
            string("name", field.name)
            string("value", field.value)
            close("}")
        }
        close("]")
    }

    /// Strings as a JSON array, as Foundation's encoder writes `[String]`.
    static func array(_ strings: [String]) -> String {
        var writer = JSONTextWriter()
        writer.open("[")
        for string in strings {
            writer.element()
            writer.quoted(string)
        }
        writer.close("]")
        return writer.text
    }

    private mutating func write(_ source: SourceReference) {
        open("{")
        string("published", source.published)
        string("publisher", source.publisher)
        string("quote", source.quote)
        string("title", source.title)
        string("url", source.url)
        close("}")
    }

    // MARK: Building blocks

    private mutating func open(_ bracket: String) {
        text.append(bracket)
        hasMember.append(false)
    }

    private mutating func close(_ bracket: String) {
        text.append(bracket)
        hasMember.removeLast()
    }

    /// Starts an array element.
    private mutating func element() {
        if hasMember[hasMember.count - 1] { text.append(",") }
        hasMember[hasMember.count - 1] = true
    }

    /// Starts an object member: `"name":`.
    private mutating func member(_ name: String) {
        element()
        text.append("\"")
        text.append(name)
        text.append("\":")
    }

    private mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        member(name)
        quoted(value)
    }

    private mutating func integer(_ name: String, _ value: Int?) {
        guard let value else { return }
        member(name)
        text.append(String(value))
    }

    private mutating func quoted(_ value: String) {
        text.append("\"")
        var needsEscape = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        guard needsEscape else {
            text.append(value)
            text.append("\"")
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case "\u{08}": text.append("\\b")
            case "\u{0C}": text.append("\\f")
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }

    private mutating func number(_ value: Double) {
        var description = value.description
        if description.hasSuffix(".0") { description.removeLast(2) }
        text.append(description)
    }

    private mutating func instant(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        if whole != seconds { isExact = false }
        let total = Int(whole)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let (year, month, day) = CivilDays.date(number: days)
        text.append("\"")
        text.append(pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T")
        text.append(pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z\"")
    }
}
