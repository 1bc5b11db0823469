import Foundation

extension Incident {
    /// The incident as canonical JSON: byte for byte what ``TruceJSON/encoder(pretty:)`` writes (sorted keys,
    /// ISO 8601 instants), written directly because the generic encoder is the slowest step of an import. It is
    /// Truce's JSON form of an incident: `truce export --format jsonl` writes it, and stores keep it (without
    /// the source records' fields) as each incident's body, so the same incident always gives the same bytes.
    public var canonicalJSON: String {
        var writer = JSONTextWriter()
        writer.write(self)
        return writer.isExact ? writer.text : ((try? TruceJSON.string(self)) ?? "")
    }

    /// Instants, in seconds since 1970, that ``canonicalJSON`` writes itself, exactly as Foundation's ISO 8601
    /// encoder writes them: from 1582-10-15T00:00:00Z, the first day of the Gregorian calendar (before it Foundation
    /// writes Julian dates), through 9999-12-31T23:59:59Z, the last with a four-digit year. A store's reader reads
    /// back the same range.
    package static let canonicalJSONInstants: ClosedRange<Double> = -12_219_292_800...253_402_300_799

    /// Appends ``canonicalJSON`` to `bytes` as UTF-8, without making a string of it.
    public func appendCanonicalJSON(to bytes: inout [UInt8]) {
        let start = bytes.count
        var writer = JSONTextWriter(reserving: 0)
        swap(&writer.bytes, &bytes)
        writer.write(self)
        swap(&writer.bytes, &bytes)
        guard !writer.isExact else { return }
        bytes.removeSubrange(start...)
        bytes.append(contentsOf: ((try? TruceJSON.string(self)) ?? "").utf8)
    }
}

extension SourceRecord {
    /// The record's fields as canonical JSON (`[{"name":…,"value":…}]`), as Foundation's encoder writes them.
    public var canonicalFieldsJSON: String {
        var writer = JSONTextWriter()
        writer.write(fields)
        return writer.text
    }
}

/// Writes Truce's model types as sorted-key JSON, matching Foundation's encoder output exactly. Members are
/// written in sorted key order by hand; `nil` optionals are left out, as the synthesized `Codable` code does.
struct JSONTextWriter {
    /// What was written; a caller may hand its own buffer in and take it back (``Incident/appendCanonicalJSON(to:)``).
    var bytes: [UInt8] = []
    var text: String { String(decoding: bytes, as: UTF8.self) }
    /// Cleared when a value cannot be written exactly (a fractional-second instant, or one outside
    /// ``Incident/canonicalJSONInstants``): the caller falls back to Foundation's encoder.
    private(set) var isExact = true
    /// One flag per open object or array: whether it has a member yet.
    private var hasMember: [Bool] = []

    init(reserving capacity: Int = 2048) { bytes.reserveCapacity(capacity) }

    mutating func write(_ incident: Incident) {
        open("{")
        string("action", incident.action?.rawValue)
        integer("acts", incident.acts)
        member("claims")
        write(incident.claims)
        string("description", incident.description)
        member("effects")
        open("{")
        integer("fatalities", incident.effects.fatalities)
        integer("injured", incident.effects.injured)
        close("}")
        string("id", incident.id)
        member("location")
        write(incident.location)
        string("outcome", incident.outcome?.rawValue)
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

    mutating func write(_ claims: [Claim]) {
        open("[")
        for claim in claims {
            element()
            open("{")
            string("accused", claim.accused?.rawValue)
            string("claimant", claim.claimant)
            string("claimantParty", claim.claimantParty?.rawValue)
            if let source = claim.source {
                member("source")
                write(source)
            }
            if claim.stance != .assertion { string("stance", claim.stance.rawValue) }
            close("}")
        }
        close("]")
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
        if !location.countries.isEmpty {
            member("countries")
            open("[")
            for country in location.countries {
                element()
                quoted(country)
            }
            close("]")
        }
        string("country", location.country)
        string("place", location.place)
        string("precision", location.precision.rawValue)
        close("}")
    }

    mutating func write(_ record: SourceRecord) {
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

    mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        hasMember.append(false)
    }

    mutating func close(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        hasMember.removeLast()
    }

    /// Starts an array element.
    mutating func element() {
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
    }

    /// Starts an object member: `"name":`.
    mutating func member(_ name: String) {
        element()
        bytes.append(0x22)
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x22)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        member(name)
        quoted(value)
    }

    mutating func integer(_ name: String, _ value: Int?) {
        guard let value else { return }
        member(name)
        JSONBytes.appendInteger(value, to: &bytes)
    }

    private mutating func quoted(_ value: String) { JSONBytes.appendString(value, to: &bytes) }

    private mutating func number(_ value: Double) { JSONBytes.appendNumber(value, to: &bytes) }

    private mutating func instant(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        guard Incident.canonicalJSONInstants.contains(seconds), seconds.rounded(.down) == seconds else {
            isExact = false  // the caller falls back; never convert an arbitrary Double to Int here
            bytes.append(contentsOf: [0x22, 0x22])
            return
        }
        let total = Int(seconds)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let (year, month, day) = CivilDays.date(number: days)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(0x30 + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        bytes.append(0x22)
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 3600 / 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(0x22)
    }
}
