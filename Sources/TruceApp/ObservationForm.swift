import Foundation
import TruceCore

/// A monitor's observation as a web form gives it: named text fields, as typed. ``body()`` turns it into the JSON
/// an observation is submitted as (``Observations``), checking each field and naming the one at fault.
///
/// The same fields always give the same bytes (keys sorted), so a form sent twice under one idempotency key is
/// recognised as the same submission.
///
/// | field | meaning |
/// |---|---|
/// | `date`, `time` | the local date, `2025-03-22`, and time, `03:40` (optional: without it the span is the day) |
/// | `zone` | the time zone `when` is read in; the country's by default |
/// | `time_precision` | `minute`, `hour`, `day` or `week`: the span starts at `when` (the day's start for `day` and `week`) |
/// | `country` | ISO 3166-1 alpha-2; the region's country by default |
/// | `region` | a first-order region by any of its names or its ISO 3166-2 code |
/// | `place` | the town or village, as the monitor names it |
/// | `latitude`, `longitude` | decimal degrees, both or neither |
/// | `geo_precision` | `exact`, `locality`, `nearby`, `district` or `region` |
/// | `action`, `outcome` | an ``ActionType`` and an ``Outcome`` |
/// | `target_category`, `target_subtype`, `target_name` | the target |
/// | `party`, `attributed_by` | who is said to have done it, and who says so |
/// | `fatalities`, `injured` | counts |
/// | `description` | what the monitor saw |
public struct ObservationForm: Sendable {
    /// The form's fields by name, each as typed.
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// The precisions a monitor chooses between for the time and the place.
    public static let timePrecisions: [TimePrecision] = [.minute, .hour, .day, .week]
    public static let geoPrecisions: [GeoPrecision] = [.exact, .locality, .nearby, .district, .region]
    /// The longest description taken, in characters.
    public static let maxDescription = 8_000
    /// The longest other text field taken, in characters.
    public static let maxText = 200

    /// The observation as JSON, ready for ``Observations/submit(_:idempotencyKey:evidenceIn:by:in:now:)`` once
    /// the evidence's names are added (`evidence`).
    /// - Parameter evidence: the SHA-256 names of the files sent with it, in order.
    /// - Throws: ``IncidentEdits/Rejected`` naming the form field at fault.
    public func body(evidence: [String] = []) throws -> Data {
        var object: [String: Any] = ["time": try time(), "location": try location(), "target": try target()]
        object["action"] = try choice("action", ActionType.self)?.rawValue
        object["outcome"] = try choice("outcome", Outcome.self)?.rawValue
        object["description"] = try text("description", max: Self.maxDescription) ?? ""
        if let party = try text("party") {
            guard party.count <= 12, party.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw IncidentEdits.Rejected(field: "party", message: "is a party's code, e.g. RU or UA")
            }
            object["perpetrator"] = ["party": party, "attributedBy": try text("attributed_by") ?? "the monitor"]
        }
        var effects: [String: Any] = [:]
        effects["fatalities"] = try count("fatalities")
        effects["injured"] = try count("injured")
        object["effects"] = effects
        if !evidence.isEmpty { object["evidence"] = evidence }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    // MARK: - Fields

    private func time() throws -> [String: Any] {
        guard let day = try text("date") else { throw IncidentEdits.Rejected(field: "date", message: "is required") }
        let clock = try text("time")
        let zoneName = try text("zone") ?? zoneOfCountry() ?? "UTC"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw IncidentEdits.Rejected(field: "zone", message: "is not a time zone (e.g. Europe/Kyiv)")
        }
        var precision = try choice("time_precision", TimePrecision.self) ?? .minute
        guard Self.timePrecisions.contains(precision) else {
            throw IncidentEdits.Rejected(field: "time_precision", message: "takes one of minute, hour, day, week")
        }
        // Without a time of day, the most that is known is the day.
        if clock == nil, precision < .day { precision = .day }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard Self.localTime(day + "T00:00", calendar: calendar) != nil else {
            throw IncidentEdits.Rejected(field: "date", message: "is a date such as 2025-03-22")
        }
        guard let local = Self.localTime(day + "T" + (clock ?? "00:00"), calendar: calendar) else {
            throw IncidentEdits.Rejected(field: "time", message: "is a time of day such as 03:40")
        }
        let start: Date
        let end: Date?
        switch precision {
        case .minute:
            start = local
            end = calendar.date(byAdding: .minute, value: 1, to: local)
        case .hour:
            start = calendar.dateInterval(of: .hour, for: local)?.start ?? local
            end = calendar.date(byAdding: .hour, value: 1, to: start)
        case .day:
            start = calendar.startOfDay(for: local)
            end = calendar.date(byAdding: .day, value: 1, to: start)
        default:
            start = calendar.startOfDay(for: local)
            end = calendar.date(byAdding: .day, value: 7, to: start)
        }
        var span: [String: Any] = ["start": start.formatted(.iso8601)]
        span["end"] = end?.formatted(.iso8601)
        return ["span": span, "precision": precision.rawValue, "timeZone": zone.identifier]
    }

    /// `written` (`yyyy-MM-ddTHH:mm`, optionally with `:ss`) read in `calendar`'s zone.
    static func localTime(_ written: String, calendar: Calendar) -> Date? {
        let parts = written.split(separator: "T")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, (2...3).contains(clock.count), (1...12).contains(day[1]), (1...31).contains(day[2]),
            (0...23).contains(clock[0]), (0...59).contains(clock[1]), clock.count == 2 || (0...59).contains(clock[2])
        else { return nil }
        let components = DateComponents(
            year: day[0], month: day[1], day: day[2], hour: clock[0], minute: clock[1], second: clock.count == 3 ? clock[2] : 0)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day[2] else { return nil }
        return date
    }

    private func location() throws -> [String: Any] {
        var location: [String: Any] = [:]
        var country = try text("country")?.uppercased()
        if let region = try text("region") {
            guard let code = Regions.code(forName: region), let name = Regions.englishName(of: code) else {
                throw IncidentEdits.Rejected(
                    field: "region", message: "is not a region Truce knows (a name such as Kharkiv, or a code such as UA-63)")
            }
            let regionCountry = String(code.prefix(2))
            if let country, country != regionCountry {
                throw IncidentEdits.Rejected(field: "region", message: "\(region) lies in \(regionCountry), not in \(country)")
            }
            country = regionCountry
            location["admin1"] = name
        }
        guard let country, Countries.all.contains(where: { $0.alpha2 == country }) else {
            throw IncidentEdits.Rejected(field: "country", message: "is required: a country Truce knows, by its two-letter code, or a region")
        }
        location["country"] = country
        location["place"] = try text("place")
        let latitude = try degrees("latitude", within: -90...90)
        let longitude = try degrees("longitude", within: -180...180)
        switch (latitude, longitude) {
        case (let latitude?, let longitude?): location["coordinate"] = ["latitude": latitude, "longitude": longitude]
        case (nil, nil): break
        default:
            throw IncidentEdits.Rejected(field: latitude == nil ? "latitude" : "longitude", message: "is required with the other coordinate")
        }
        let fallback: GeoPrecision =
            location["coordinate"] != nil || location["place"] != nil ? .locality : location["admin1"] != nil ? .region : .country
        let precision = try choice("geo_precision", GeoPrecision.self) ?? fallback
        location["precision"] = precision.rawValue
        return location
    }

    private func target() throws -> [String: Any] {
        var target: [String: Any] = [:]
        let category = try choice("target_category", TargetCategory.self)
        target["category"] = category?.rawValue
        if let subtype = try text("target_subtype") {
            guard let category, category.accepts(subtype: subtype) else {
                let known = category.map { $0.knownSubtypes.joined(separator: ", ") } ?? "none without a category"
                throw IncidentEdits.Rejected(field: "target_subtype", message: "is not a subtype of the category (\(known))")
            }
            target["subtype"] = subtype
        }
        target["name"] = try text("target_name")
        return target
    }

    private func zoneOfCountry() throws -> String? {
        let country = try text("country")?.uppercased() ?? text("region").flatMap(Regions.code(forName:)).map { String($0.prefix(2)) }
        return country.map { Countries.zone(alpha2: $0).rawValue }
    }

    // MARK: - Values

    /// The field trimmed, `nil` when empty. - Throws: when longer than `max` characters or holding control characters.
    private func text(_ name: String, max: Int = maxText) throws -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        guard value.count <= max else { throw IncidentEdits.Rejected(field: name, message: "is longer than \(max) characters") }
        let allowed = name == "description" ? CharacterSet.controlCharacters.subtracting(CharacterSet(charactersIn: "\n\r\t")) : .controlCharacters
        guard value.unicodeScalars.allSatisfy({ !allowed.contains($0) }) else {
            throw IncidentEdits.Rejected(field: name, message: "holds control characters")
        }
        return value
    }

    private func choice<Value: RawRepresentable & CaseIterable>(_ name: String, _: Value.Type) throws -> Value? where Value.RawValue == String {
        guard let raw = try text(name) else { return nil }
        guard let value = Value(rawValue: raw) else {
            throw IncidentEdits.Rejected(field: name, message: "takes one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    private func count(_ name: String) throws -> Int? {
        guard let raw = try text(name) else { return nil }
        guard let value = Int(raw), (0...1_000_000).contains(value) else {
            throw IncidentEdits.Rejected(field: name, message: "is a whole number from 0")
        }
        return value
    }

    private func degrees(_ name: String, within range: ClosedRange<Double>) throws -> Double? {
        guard let raw = try text(name) else { return nil }
        guard let value = Double(raw.replacingOccurrences(of: ",", with: ".")), range.contains(value) else {
            throw IncidentEdits.Rejected(field: name, message: "is decimal degrees within \(Int(range.lowerBound))…\(Int(range.upperBound))")
        }
        return value
    }
}
