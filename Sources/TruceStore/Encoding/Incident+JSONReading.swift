import Foundation
import TruceCore

extension Incident {
    /// Reads an incident from the canonical JSON that ``canonicalJSON`` writes, as stores keep it, without the
    /// generic decoder (several times faster, as reports and adjudication read tens of thousands). Returns `nil`
    /// for anything it does not recognise, so that the caller can fall back to `JSONDecoder`.
    package init?(canonicalJSON text: String) {
        var text = text
        guard
            let incident = text.withUTF8({ bytes -> Incident? in
                var reader = JSONTextReader(bytes)
                return try? reader.incident()
            })
        else { return nil }
        self = incident
    }
}

extension Array where Element == String {
    /// Reads a JSON array of strings (``SourceRecord/valuesJSON``, ``SourceRecord/namesJSON``) without the generic
    /// decoder. Returns `nil` for anything else, so that the caller can fall back to `JSONDecoder`.
    package init?(canonicalJSONArray text: String) {
        var text = text
        guard
            let strings = text.withUTF8({ bytes -> [String]? in
                var reader = JSONTextReader(bytes)
                return try? reader.strings()
            })
        else { return nil }
        self = strings
    }
}

/// A reader for the JSON ``Incident/canonicalJSON`` writes: objects read key by key into Truce's model types.
struct JSONTextReader {
    struct Malformed: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func incident() throws -> Incident {
        var id = ""
        var description = ""
        var action: ActionType?
        var outcome: Outcome?
        var acts: Int?
        var claims: [Claim] = []
        var effects = Effects()
        var location = IncidentLocation(country: nil, precision: .unknown)
        var perpetrator: Attribution?
        var sources: [SourceRecord] = []
        var target = Target(category: nil)
        var time: IncidentTime?
        try object { key, reader in
            switch key {
            case "action": action = try reader.enumeration()
            case "acts": acts = try reader.integer()
            case "claims": claims = try reader.array { try $0.claim() }
            case "description": description = try reader.string()
            case "effects":
                try reader.object { key, reader in
                    switch key {
                    case "fatalities": effects.fatalities = try reader.integer()
                    case "injured": effects.injured = try reader.integer()
                    default: throw Malformed()
                    }
                }
            case "id": id = try reader.string()
            case "location": location = try reader.location()
            case "outcome": outcome = try reader.enumeration()
            case "perpetrator":
                var party = ""
                var by = ""
                try reader.object { key, reader in
                    switch key {
                    case "attributedBy": by = try reader.string()
                    case "party": party = try reader.string()
                    default: throw Malformed()
                    }
                }
                perpetrator = Attribution(party: PartyID(party), attributedBy: by)
            case "sources": sources = try reader.array { try $0.sourceRecord() }
            case "target":
                try reader.object { key, reader in
                    switch key {
                    case "category": target.category = try reader.enumeration()
                    case "name": target.name = try reader.string()
                    case "subtype": target.subtype = try reader.string()
                    default: throw Malformed()
                    }
                }
            case "time": time = try reader.incidentTime()
            default: throw Malformed()
            }
        }
        skipSpace()
        guard position == bytes.count, let time else { throw Malformed() }
        return Incident(
            id: id, time: time, location: location, action: action, outcome: outcome, acts: acts, target: target, perpetrator: perpetrator,
            effects: effects, description: description, claims: claims, sources: sources)
    }

    /// Reads a body that ``Incident/remainderJSON(withSources:)`` wrote into `incident`, which holds what the
    /// columns hold. Returns whether the body named the source records.
    mutating func remainder(into incident: inout Incident) throws -> Bool {
        var namedSources = false
        try object { key, reader in
            switch key {
            case "a": incident.perpetrator?.attributedBy = try reader.string()
            case "c": incident.claims = try reader.array { try $0.claim() }
            case "d": incident.description = try reader.string()
            case "i": incident.effects.injured = try reader.integer()
            case "n": incident.target.name = try reader.string()
            case "s":
                incident.sources = try reader.array { try $0.sourceRecord() }
                namedSources = true
            case "z":
                guard let zone = ZoneIdentifier.cached(try reader.string()) else { throw Malformed() }
                incident.time.timeZone = zone
            default: throw Malformed()
            }
        }
        skipSpace()
        guard position == bytes.count else { throw Malformed() }
        return namedSources
    }

    /// A whole text that is an array of strings.
    mutating func strings() throws -> [String] {
        let strings = try array { try $0.string() }
        skipSpace()
        guard position == bytes.count else { throw Malformed() }
        return strings
    }

    private mutating func claim() throws -> Claim {
        var claim = Claim(claimant: "")
        try object { key, reader in
            switch key {
            case "accused": claim.accused = PartyID(try reader.string())
            case "claimant": claim.claimant = try reader.string()
            case "claimantParty": claim.claimantParty = PartyID(try reader.string())
            case "source": claim.source = try reader.sourceReference()
            case "stance": claim.stance = try reader.enumeration()
            default: throw Malformed()
            }
        }
        return claim
    }

    private mutating func sourceReference() throws -> SourceReference {
        var source = SourceReference(url: "")
        try object { key, reader in
            switch key {
            case "published": source.published = try reader.string()
            case "publisher": source.publisher = try reader.string()
            case "quote": source.quote = try reader.string()
            case "title": source.title = try reader.string()
            case "url": source.url = try reader.string()
            default: throw Malformed()
            }
        }
        return source
    }

    private mutating func sourceRecord() throws -> SourceRecord {
        var record = SourceRecord(dataset: "", file: "", line: 0, key: "", fields: [])
        try object { key, reader in
            switch key {
            case "dataset": record.dataset = try reader.string()
            case "fields":
                record.fields = try reader.array { reader in
                    var name = ""
                    var value = ""
                    try reader.object { key, reader in
                        switch key {
                        case "name": name = try reader.string()
                        case "value": value = try reader.string()
                        default: throw Malformed()
                        }
                    }
                    return SourceRecord.Field(name: name, value: value)
                }
            case "file": record.file = try reader.string()
            case "key": record.key = try reader.string()
            case "line": record.line = try reader.integer()
            case "release": record.release = try reader.string()
            default: throw Malformed()
            }
        }
        return record
    }

    private mutating func location() throws -> IncidentLocation {
        var location = IncidentLocation(country: nil, precision: .unknown)
        try object { key, reader in
            switch key {
            case "admin1": location.admin1 = try reader.string()
            case "coordinate":
                var latitude = 0.0
                var longitude = 0.0
                try reader.object { key, reader in
                    switch key {
                    case "latitude": latitude = try reader.number()
                    case "longitude": longitude = try reader.number()
                    default: throw Malformed()
                    }
                }
                location.coordinate = Coordinate(latitude: latitude, longitude: longitude)
            case "countries": location.countries = try reader.array { try $0.string() }
            case "country": location.country = try reader.string()
            case "place": location.place = try reader.string()
            case "precision": location.precision = try reader.enumeration()
            default: throw Malformed()
            }
        }
        return location
    }

    private mutating func incidentTime() throws -> IncidentTime {
        var precision = TimePrecision.day
        var start: Date?
        var end: Date?
        var zone: ZoneIdentifier?
        try object { key, reader in
            switch key {
            case "precision": precision = try reader.enumeration()
            case "span":
                try reader.object { key, reader in
                    switch key {
                    case "end": end = try reader.instant()
                    case "start": start = try reader.instant()
                    default: throw Malformed()
                    }
                }
            case "timeZone":
                guard let resolved = ZoneIdentifier.cached(try reader.string()) else { throw Malformed() }
                zone = resolved
            default: throw Malformed()
            }
        }
        guard let start else { throw Malformed() }
        return IncidentTime(span: TimeSpan(start: start, end: end), precision: precision, timeZone: zone)
    }

    // MARK: Tokens

    private mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { throw Malformed() }
        position += 1
    }

    private mutating func peek() -> UInt8? {
        skipSpace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Reads `{ "key": value, ... }`, handing each key to `member`, which must read its value.
    private mutating func object(_ member: (String, inout JSONTextReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(key, &self)
            guard let next = peek() else { throw Malformed() }
            position += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw Malformed() }
        }
    }

    private mutating func array<Element>(_ element: (inout JSONTextReader) throws -> Element) throws -> [Element] {
        try expect(UInt8(ascii: "["))
        var elements: [Element] = []
        if peek() == UInt8(ascii: "]") {
            position += 1
            return elements
        }
        while true {
            elements.append(try element(&self))
            guard let next = peek() else { throw Malformed() }
            position += 1
            if next == UInt8(ascii: "]") { return elements }
            guard next == UInt8(ascii: ",") else { throw Malformed() }
        }
    }

    private mutating func string() throws -> String {
        try expect(0x22)
        let start = position
        var escaped = false
        while position < bytes.count, bytes[position] != 0x22 {
            if bytes[position] == 0x5C {
                escaped = true
                position += 1
            }
            position += 1
        }
        guard position < bytes.count else { throw Malformed() }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        return try unescape(raw)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll()
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == 0x5C else {
                utf8.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { throw Malformed() }
            let code = raw[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                guard index + 4 <= raw.count,
                    let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[index..<index + 4]), as: UTF8.self), radix: 16)
                else { throw Malformed() }
                index += 4
                var scalarValue = value
                if (0xD800..<0xDC00).contains(value) {  // a surrogate pair
                    guard index + 6 <= raw.count, raw[index] == 0x5C, raw[index + 1] == UInt8(ascii: "u"),
                        let low = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[index + 2..<index + 6]), as: UTF8.self), radix: 16)
                    else { throw Malformed() }
                    index += 6
                    scalarValue = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { throw Malformed() }
                flush()
                scalars.append(scalar)
            default: utf8.append(code)  // \" \\ \/
            }
        }
        flush()
        return String(scalars)
    }

    private mutating func enumeration<Value: RawRepresentable>() throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw Malformed() }
        return value
    }

    private mutating func numberText() throws -> String {
        skipSpace()
        let start = position
        while position < bytes.count,
            (bytes[position] >= 0x30 && bytes[position] <= 0x39) || bytes[position] == UInt8(ascii: "-")
                || bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: "e")
                || bytes[position] == UInt8(ascii: "E")
        {
            position += 1
        }
        guard position > start else { throw Malformed() }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private mutating func integer() throws -> Int {
        guard let value = Int(try numberText()) else { throw Malformed() }
        return value
    }

    private mutating func number() throws -> Double {
        guard let value = Double(try numberText()) else { throw Malformed() }
        return value
    }

    /// An instant written as `YYYY-MM-DDTHH:MM:SSZ`, within the range the writer writes itself (Foundation's
    /// decoder reads dates before the Gregorian calendar as Julian ones).
    private mutating func instant() throws -> Date {
        guard let stated = StatedTime(parsing: try string()), stated.utcOffset != nil else { throw Malformed() }
        let instant = stated.instant(in: .utc)
        guard Incident.canonicalJSONInstants.contains(instant.timeIntervalSince1970) else { throw Malformed() }
        return instant
    }
}
