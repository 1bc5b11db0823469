import Foundation
import TruceCore

/// One UCDP GED event row, normalised into an ``Incident`` with every problem recorded.
struct UCDPRow: CSVRowReading {
    let record: CSVRecord
    let columns: HeaderIndex
    let file: String
    var problems: [Diagnostic] = []

    mutating func incident(sourceFile: String, actors: ActorTable) -> Incident? {
        if record.fieldCount != columns.names.count {
            problem("", "has \(record.fieldCount) fields, the header has \(columns.names.count)")
            return nil
        }
        guard let key = value("id") else {
            problem("id", "is required")
            return nil
        }
        let country = value("iso3").flatMap(Countries.alpha2(alpha3:)) ?? value("country").flatMap(Countries.alpha2(ucdpName:))
        let time = readTime(zone: Countries.zone(alpha2: country))
        let location = readLocation(country: country)
        let sideA = value("side_a")
        if sideA == nil { problem("side_a", "is required") }
        let fatalities = people("best")
        guard problems.isEmpty, let time, let location, let sideA else { return nil }

        let sideB = value("side_b") ?? "unknown side"
        let violence = value("type_of_violence")
        let party = violence == "3" ? actors.party(for: sideA) : nil
        let description: String
        switch violence {
        case "1": description = "State-based conflict: \(sideA) vs \(sideB)"
        case "2": description = "Non-state conflict: \(sideA) vs \(sideB)"
        case "3": description = "One-sided violence by \(sideA) against \(sideB)"
        default: description = "\(sideA) vs \(sideB)"
        }
        let target =
            value("where_description").flatMap(TargetKeywords.target(atPlace:))
            ?? value("source_headline").flatMap(TargetKeywords.target(in:)) ?? Target(category: nil)
        let claimant = "UCDP GED" + (value("source_office").map { " (sources: \($0))" } ?? "")
        return Incident(
            id: "ucdp:\(key)", time: time, location: location, action: nil, target: target,
            perpetrator: party.map { Attribution(party: $0, attributedBy: "UCDP") },
            effects: Effects(fatalities: fatalities), description: description,
            claims: [Claim(claimant: claimant, accused: party)],
            sources: [SourceRecord(dataset: "ucdp", file: sourceFile, line: record.line, key: key, release: value("version"), fields: verbatimFields)]
        )
    }

    /// The local days from `date_start` to `date_end` inclusive, in the country's zone, with the precision
    /// `date_prec` states: 1 the day; 2 a range of 2–6 days and 3 the week → `week`; 4 a range of 8–30 days or
    /// the month → `month`; 5 more than a month → `year`. Without `date_prec`, the span's length decides.
    private mutating func readTime(zone: ZoneIdentifier) -> IncidentTime? {
        let start = readDate("date_start")
        let end = readDate("date_end")
        guard let start, let end else { return nil }
        let first = IncidentTime.implied(by: start, precision: .day, in: zone).span
        let last = IncidentTime.implied(by: end, precision: .day, in: zone).span
        guard let lastEnd = last.end, last.start >= first.start else {
            problem("date_end", "\"\(value("date_end") ?? "")\" is before date_start \"\(value("date_start") ?? "")\"")
            return nil
        }
        let span = TimeSpan(start: first.start, end: lastEnd)
        let precision: TimePrecision
        switch value("date_prec") {
        case "1": precision = .day
        case "2", "3": precision = .week
        case "4": precision = .month
        case "5": precision = .year
        case nil:
            let days = (span.duration ?? 0) / 86_400
            precision = days <= 1.1 ? .day : days <= 7.1 ? .week : days <= 31.1 ? .month : .year
        case let other?:
            problem("date_prec", "\"\(other)\" is not 1, 2, 3, 4 or 5")
            return nil
        }
        return IncidentTime(span: span, precision: precision, timeZone: zone)
    }

    /// A date as `2014-01-22` or `2014-01-22 00:00:00.000` (the clock, always midnight in GED, is dropped).
    private mutating func readDate(_ column: String) -> StatedTime? {
        guard let text = value(column) else {
            problem(column, "is required")
            return nil
        }
        guard var date = StatedTime(parsing: text), date.utcOffset == nil else {
            problem(column, "\"\(text)\" is not a date (expected e.g. 2014-01-22 or 2014-01-22 00:00:00.000)")
            return nil
        }
        date.clock = nil
        return plausible(date, column: column, text: text)
    }

    /// The point, its precision from `where_prec`, `adm_1` and the place named in `where_coordinates`.
    private mutating func readLocation(country: String?) -> IncidentLocation? {
        let latitudeText = value("latitude")
        let longitudeText = value("longitude")
        let latitude = latitudeText.flatMap(Self.decimal).flatMap { (-90...90).contains($0) ? $0 : nil }
        let longitude = longitudeText.flatMap(Self.decimal).flatMap { (-180...180).contains($0) ? $0 : nil }
        if latitude == nil {
            problem("latitude", latitudeText.map { "\"\($0)\" is not a latitude between -90 and 90" } ?? "is required")
        }
        if longitude == nil {
            problem("longitude", longitudeText.map { "\"\($0)\" is not a longitude between -180 and 180" } ?? "is required")
        }
        let precision: GeoPrecision
        switch value("where_prec") {
        case "1": precision = .locality
        case "2": precision = .nearby
        case "3": precision = .district
        case "4", "5": precision = .region
        case "6": precision = .country
        case "7", nil: precision = .unknown
        case let other?:
            problem("where_prec", "\"\(other)\" is not 1 to 7")
            return nil
        }
        guard let latitude, let longitude else { return nil }
        return IncidentLocation(
            country: country, admin1: value("adm_1"), place: value("where_coordinates"),
            coordinate: Coordinate(latitude: latitude, longitude: longitude), precision: precision)
    }
}
