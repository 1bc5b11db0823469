import Foundation
import TruceCore

/// One data row of Truce's incident CSV, turned into an ``Incident`` with every problem recorded.
struct IncidentRow: CSVRowReading {
    let record: CSVRecord
    let columns: HeaderIndex
    let file: String
    var problems: [Diagnostic] = []

    /// The trimmed value of `column` as every dataset reads it, with the guard Truce's exports put on
    /// spreadsheet formulas taken off (see ``SpreadsheetCell``), so an exported cell reads back exactly.
    func value(_ column: String) -> String? {
        Self.datasetValue(of: self, column).map(SpreadsheetCell.restored)
    }

    /// ``CSVRowReading``'s reading of a cell (a generic call reaches it past the method above).
    private static func datasetValue<Row: CSVRowReading>(of row: Row, _ column: String) -> String? { row.value(column) }

    mutating func required(_ column: String) -> String? {
        guard let text = value(column) else {
            problem(column, "is required")
            return nil
        }
        return text
    }

    mutating func parse<Value: RawRepresentable & CaseIterable>(_ column: String, as: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let text = value(column), text != "unknown" else { return nil }
        guard let parsed = Value(rawValue: text) else {
            problem(column, "\"\(text)\" is not one of: \(Value.allCases.map(\.rawValue).joined(separator: ", ")), unknown")
            return nil
        }
        return parsed
    }

    mutating func party(_ column: String) -> PartyID? {
        guard let text = value(column) else { return nil }
        guard PartyID.isWellFormed(text) else {
            problem(column, "\"\(text)\" is not a party id (upper-case letters, digits, underscores, e.g. RU)")
            return nil
        }
        return PartyID(text)
    }

    mutating func incident(sourceFile: String) -> Incident? {
        let id = required("id")
        if let id, !IncidentIDRule.accepts(id) {
            problem("id", "\(id.debugDescription) \(IncidentIDRule.statement)")
        }
        let time = readTime()
        let location = readLocation()
        let action = parse("action", as: ActionType.self)
        let category = parse("target_category", as: TargetCategory.self)
        let subtype = value("target_subtype")
        if let subtype {
            if let category, !category.accepts(subtype: subtype) {
                problem(
                    "target_subtype",
                    "\"\(subtype)\" is not a subtype of \(category.rawValue) (known: \(category.knownSubtypes.joined(separator: ", ")))")
            } else if category == nil {
                problem("target_subtype", "a subtype needs a target_category")
            }
        }
        let perpetrator = party("perpetrator")
        let denied = party("denies")
        if let denied, denied == perpetrator {
            problem("denies", "\(denied) is both blamed (perpetrator) and denied in one row")
        }
        let claimant = required("claimant")
        let claimantParty = party("claimant_party")
        let fatalities = people("fatalities")
        let injured = people("injured")
        let outcome = readOutcome()
        let acts = readActs()
        let url = value("source_url")  // may be empty for records without a web source (exports of dataset rows)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            problem("source_url", "\"\(url)\" is not a web address (http:// or https://)")
        }
        let published = value("source_published")
        if let published {
            if let date = StatedTime(parsing: published) {
                _ = plausible(date, column: "source_published", text: published)
            } else {
                problem("source_published", "\"\(published)\" is not a date or date-time")
            }
        }
        guard problems.isEmpty, let id, let time, let location, let claimant else { return nil }
        let source = url.map { SourceReference(url: $0, published: published) }
        let fields = verbatimFields
        // A denial alone attributes the act to nobody; with a perpetrator it comes with that counter-claim.
        var claims: [Claim] = []
        if perpetrator != nil || denied == nil {
            claims.append(Claim(claimant: claimant, claimantParty: claimantParty, accused: perpetrator, source: source))
        }
        if let denied {
            claims.append(Claim(claimant: claimant, claimantParty: claimantParty, accused: denied, source: source, stance: .denial))
        }
        return Incident(
            id: id, time: time, location: location, action: action, outcome: outcome, acts: acts,
            target: Target(category: category, subtype: subtype, name: value("target_name")),
            perpetrator: perpetrator.map { Attribution(party: $0, attributedBy: claimant) },
            effects: Effects(fatalities: fatalities, injured: injured), description: value("description") ?? "",
            claims: claims,
            sources: [SourceRecord(dataset: "truce-csv", file: sourceFile, line: record.line, key: id, fields: fields)])
    }

    /// `outcome`: `hit`, `intercepted`, `attempted` or `unknown` (kept as stated, not read as "not stated").
    private mutating func readOutcome() -> Outcome? {
        guard let text = value("outcome") else { return nil }
        guard let outcome = Outcome(rawValue: text) else {
            problem("outcome", "\"\(text)\" is not one of: \(Outcome.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return outcome
    }

    /// `acts`: how many acts an aggregate reports, a whole number from 1 to ``FieldLimits/people``.
    private mutating func readActs() -> Int? {
        guard let text = value("acts") else { return nil }
        guard let number = Self.wholeNumber(text), (1...FieldLimits.people).contains(number) else {
            problem("acts", "\"\(text)\" is not a whole number from 1 to \(FieldLimits.people)")
            return nil
        }
        return number
    }

    private mutating func readTime() -> IncidentTime? {
        // A time not stated is bounded by publication: `start` may then be left empty for `source_published`.
        let unstated = value("time_precision") == TimePrecision.unstated.rawValue
        guard let startText = value("start") ?? (unstated ? value("source_published") : nil) else {
            problem("start", unstated ? "is required, or source_published, when time_precision is unstated" : "is required")
            return nil
        }
        guard let parsedStart = StatedTime(parsing: startText) else {
            problem("start", "\"\(startText)\" is not a date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            return nil
        }
        guard let start = plausible(parsedStart, column: "start", text: startText) else { return nil }
        var zone: ZoneIdentifier?
        if let zoneText = value("time_zone") {
            zone = ZoneIdentifier(zoneText)
            if zone == nil { problem("time_zone", "\"\(zoneText)\" is not a time zone (e.g. Europe/Kyiv, UTC+03:00)") }
        } else if start.utcOffset == nil {
            problem("time_zone", "is required when start has no UTC offset")
        }
        let precision = parse("time_precision", as: TimePrecision.self) ?? (start.isDateOnly ? .day : .minute)
        if start.isDateOnly && precision < .day {
            problem("time_precision", "\"\(precision.rawValue)\" needs a time of day in start")
        }
        var end: StatedTime?
        if let endText = value("end") {
            end = StatedTime(parsing: endText)
            if let parsed = end {
                end = plausible(parsed, column: "end", text: endText)
            } else {
                problem("end", "\"\(endText)\" is not a date or date-time")
            }
        }
        guard let resolvedZone = zone ?? (start.utcOffset != nil ? .utc : nil) else { return nil }
        guard let end else { return IncidentTime.implied(by: start, precision: precision, in: resolvedZone) }
        let span = TimeSpan(start: start.instant(in: resolvedZone), end: end.instant(in: resolvedZone))
        if span.end! <= span.start {
            problem("end", "end \(end) is not after start \(start)")
            return nil
        }
        return IncidentTime(span: span, precision: precision, timeZone: resolvedZone)
    }

    private mutating func readLocation() -> IncidentLocation? {
        var country = value("country")
        if let country, !Self.isCountryCode(country) {
            problem("country", "\"\(country)\" is not an ISO 3166-1 alpha-2 code (e.g. UA)")
        }
        var countries = readCountries()
        if let first = countries.first {
            if let country, !countries.contains(country) {
                problem("countries", "\"\(value("countries") ?? "")\" does not name the country \(country)")
            }
            let primary = country ?? first
            countries = [primary] + countries.filter { $0 != primary }
            country = primary
            if countries.count == 1 { countries = [] }
        }
        var coordinate: Coordinate?
        switch (value("latitude"), value("longitude")) {
        case (nil, nil): break
        case (let latitude?, let longitude?):
            if let lat = Self.decimal(latitude), (-90...90).contains(lat) {
                if let lon = Self.decimal(longitude), (-180...180).contains(lon) {
                    coordinate = Coordinate(latitude: lat, longitude: lon)
                } else {
                    problem("longitude", "\"\(longitude)\" is not a longitude between -180 and 180")
                }
            } else {
                problem("latitude", "\"\(latitude)\" is not a latitude between -90 and 90")
            }
        case (nil, _): problem("latitude", "is required when longitude is given")
        case (_, nil): problem("longitude", "is required when latitude is given")
        }
        let place = value("place")
        let admin1 = value("admin1")
        let defaultPrecision: GeoPrecision =
            place != nil ? .locality : admin1 != nil ? .region : country != nil ? .country : .unknown
        let precision = parse("geo_precision", as: GeoPrecision.self) ?? defaultPrecision
        return IncidentLocation(country: country, admin1: admin1, place: place, coordinate: coordinate, precision: precision, countries: countries)
    }

    /// `countries`: alpha-2 codes separated by `;`, `,` or spaces (`RU;UA`), each once.
    private mutating func readCountries() -> [String] {
        guard let text = value("countries") else { return [] }
        var codes: [String] = []
        for code in text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).map(String.init) {
            guard Self.isCountryCode(code) else {
                problem("countries", "\"\(code)\" is not an ISO 3166-1 alpha-2 code (e.g. UA)")
                continue
            }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    private static func isCountryCode(_ text: String) -> Bool { text.count == 2 && text.allSatisfy { $0.isASCII && $0.isUppercase } }
}
