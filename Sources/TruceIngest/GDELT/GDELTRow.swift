import Foundation
import TruceCore

/// One GDELT 2.0 event row, normalised into an ``Incident`` with every problem recorded.
struct GDELTRow: CSVRowReading {
    let record: CSVRecord
    let columns: HeaderIndex
    let file: String
    var problems: [Diagnostic] = []

    mutating func incident(sourceFile: String) -> Incident? {
        if record.fieldCount != columns.names.count {
            problem("", "has \(record.fieldCount) fields, GDELT 2.0 events have \(columns.names.count)")
            return nil
        }
        let key = value("GLOBALEVENTID")
        if key.map({ !Self.isDigits($0) || $0.count > 18 }) ?? true {
            problem("GLOBALEVENTID", key.map { "\"\($0)\" is not an event number (1 to 18 digits)" } ?? "is required")
        }
        let eventCode = value("EventCode")
        if eventCode.map({ !Self.isDigits($0) || $0.count > 4 }) ?? true {
            problem("EventCode", eventCode.map { "\"\($0)\" is not a CAMEO code" } ?? "is required")
        }
        let day = readDay()
        let published = readDateAdded()
        let location = readLocation()
        guard problems.isEmpty, let key, let eventCode, let day, let published, let location else { return nil }

        let party = value("QuadClass") == "4" ? value("Actor1CountryCode").flatMap(CAMEO.party(actorCountryCode:)) : nil
        let url = value("SOURCEURL")
        let host = url.flatMap { URL(string: $0)?.host }
        let claimant = "GDELT (machine-coded" + (host.map { " from \($0)" } ?? "") + ")"
        return Incident(
            id: "gdelt:\(key)", time: IncidentTime.implied(by: day, precision: .day, in: .utc),
            location: location, action: CAMEO.action(eventCode: eventCode), target: Target(category: nil),
            perpetrator: party.map { Attribution(party: $0, attributedBy: "GDELT (machine-coded)") },
            description: description(eventCode: eventCode),
            claims: [Claim(claimant: claimant, accused: party, source: url.map { SourceReference(url: $0, published: published.description) })],
            sources: [SourceRecord(dataset: "gdelt", file: sourceFile, line: record.line, key: key, release: value("DATEADDED"), fields: verbatimFields)])
    }

    /// `Actor1 → Actor2: CAMEO 196 violate ceasefire (3 sources, 5 articles)`.
    private func description(eventCode: String) -> String {
        let actor1 = value("Actor1Name") ?? value("Actor1Code") ?? "unnamed actor"
        let actor2 = value("Actor2Name") ?? value("Actor2Code") ?? "unnamed actor"
        var text = "\(actor1) → \(actor2): CAMEO \(eventCode)"
        if let label = CAMEO.labels[eventCode] ?? HostileActs.cameoLabel(eventCode) { text += " \(label)" }
        if let sources = value("NumSources"), let articles = value("NumArticles") {
            text += " (\(sources) source\(sources == "1" ? "" : "s"), \(articles) article\(articles == "1" ? "" : "s"))"
        }
        return text
    }

    /// `SQLDATE` (`YYYYMMDD`), read as a UTC day.
    private mutating func readDay() -> StatedTime? {
        guard let text = value("SQLDATE") else {
            problem("SQLDATE", "is required")
            return nil
        }
        guard text.count == 8, Self.isDigits(text),
            let day = StatedTime(parsing: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
        else {
            problem("SQLDATE", "\"\(text)\" is not a date (expected YYYYMMDD)")
            return nil
        }
        return plausible(day, column: "SQLDATE", text: text)
    }

    /// `DATEADDED` (`YYYYMMDDHHMMSS`, UTC): when GDELT processed the article.
    private mutating func readDateAdded() -> StatedTime? {
        guard let text = value("DATEADDED") else {
            problem("DATEADDED", "is required")
            return nil
        }
        let digits = Array(text)
        guard digits.count == 14, Self.isDigits(text),
            let instant = StatedTime(parsing: "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))T"
                + "\(String(digits[8..<10])):\(String(digits[10..<12])):\(String(digits[12..<14]))Z")
        else {
            problem("DATEADDED", "\"\(text)\" is not a date and time (expected YYYYMMDDHHMMSS)")
            return nil
        }
        return plausible(instant, column: "DATEADDED", text: text)
    }

    /// The action's place: `ActionGeo_Type` 1 country → `country`, 2 US state and 5 first-order division →
    /// `region`, 3 US city and 4 world city → `locality`; 0 or empty (not geocoded) → `unknown`, no point.
    private mutating func readLocation() -> IncidentLocation? {
        let latitudeText = value("ActionGeo_Lat")
        let longitudeText = value("ActionGeo_Long")
        var coordinate: Coordinate?
        if latitudeText != nil || longitudeText != nil {
            let latitude = latitudeText.flatMap(Self.decimal).flatMap { (-90...90).contains($0) ? $0 : nil }
            let longitude = longitudeText.flatMap(Self.decimal).flatMap { (-180...180).contains($0) ? $0 : nil }
            if latitude == nil {
                problem("ActionGeo_Lat", latitudeText.map { "\"\($0)\" is not a latitude between -90 and 90" } ?? "is required with ActionGeo_Long")
            }
            if longitude == nil {
                problem("ActionGeo_Long", longitudeText.map { "\"\($0)\" is not a longitude between -180 and 180" } ?? "is required with ActionGeo_Lat")
            }
            guard let latitude, let longitude else { return nil }
            coordinate = Coordinate(latitude: latitude, longitude: longitude)
        }
        let names = (value("ActionGeo_FullName") ?? "").components(separatedBy: ",")
            .map(\.trimmingSpaces).filter { !$0.isEmpty }
        let country = value("ActionGeo_CountryCode").flatMap { Countries.alpha2(fips: $0) }
        switch value("ActionGeo_Type") {
        case nil, "0":
            return IncidentLocation(country: country, coordinate: coordinate, precision: .unknown)
        case "1":
            return IncidentLocation(country: country, coordinate: coordinate, precision: .country)
        case "2", "5":
            return IncidentLocation(country: country, admin1: names.count >= 2 ? names[0] : nil, coordinate: coordinate, precision: .region)
        case "3", "4":
            return IncidentLocation(
                country: country, admin1: names.count >= 3 ? names[1] : nil, place: names.first,
                coordinate: coordinate, precision: .locality)
        case let other?:
            problem("ActionGeo_Type", "\"\(other)\" is not 0 to 5")
            return nil
        }
    }

    static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
