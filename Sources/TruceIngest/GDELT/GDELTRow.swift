import Foundation
import TruceCore

/// One GDELT 2.0 event row, normalised into an ``Incident`` with every problem recorded.
struct GDELTRow: CSVRowReading {
    let record: CSVRecord
    let columns: HeaderIndex
    let file: String
    var problems: [Diagnostic] = []

    /// The columns read from every row, in the order of ``names``: their positions are looked up once per file
    /// (``GDELTFormat/columns(header:file:)``).
    enum Column: Int, CaseIterable {
        case globalEventID, eventCode, quadClass, actor1CountryCode, sourceURL, dateAdded, actor1Name, actor1Code, actor2Name, actor2Code, numSources,
            numArticles, sqlDate, actionGeoLatitude, actionGeoLongitude, actionGeoFullName, actionGeoCountryCode, actionGeoType

        /// The codebook names, in the order of the cases.
        static let names = [
            "GLOBALEVENTID", "EventCode", "QuadClass", "Actor1CountryCode", "SOURCEURL", "DATEADDED", "Actor1Name", "Actor1Code", "Actor2Name",
            "Actor2Code", "NumSources", "NumArticles", "SQLDATE", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FullName", "ActionGeo_CountryCode",
            "ActionGeo_Type",
        ]
    }

    private func value(_ column: Column) -> String? { value(known: column.rawValue) }

    mutating func incident(sourceFile: String) -> Incident? {
        if record.fieldCount != columns.names.count {
            problem("", "has \(record.fieldCount) fields, GDELT 2.0 events have \(columns.names.count)")
            return nil
        }
        let key = value(.globalEventID)
        if key.map({ !Self.isDigits($0) || $0.count > 18 }) ?? true {
            problem("GLOBALEVENTID", key.map { "\"\($0)\" is not an event number (1 to 18 digits)" } ?? "is required")
        }
        let eventCode = value(.eventCode)
        if eventCode.map({ !Self.isDigits($0) || $0.count > 4 }) ?? true {
            problem("EventCode", eventCode.map { "\"\($0)\" is not a CAMEO code" } ?? "is required")
        }
        let day = readDay()
        let published = readDateAdded()
        let location = readLocation()
        guard problems.isEmpty, let key, let eventCode, let day, let published, let location else { return nil }

        let party = value(.quadClass) == "4" ? value(.actor1CountryCode).flatMap(CAMEO.party(actorCountryCode:)) : nil
        let url = value(.sourceURL)
        let host = url.flatMap(SourceURLHost.host(of:))
        let claimant = "GDELT (machine-coded" + (host.map { " from \($0)" } ?? "") + ")"
        return Incident(
            id: "gdelt:\(key)", time: IncidentTime.implied(by: day, precision: .day, in: .utc),
            location: location, action: CAMEO.action(eventCode: eventCode), target: Target(category: nil),
            perpetrator: party.map { Attribution(party: $0, attributedBy: "GDELT (machine-coded)") },
            description: description(eventCode: eventCode),
            claims: [Claim(claimant: claimant, accused: party, source: url.map { SourceReference(url: $0, published: published.description) })],
            sources: [
                SourceRecord(dataset: "gdelt", file: sourceFile, line: record.line, key: key, release: value(.dateAdded), fields: verbatimFields)
            ])
    }

    /// `Actor1 → Actor2: CAMEO 196 violate ceasefire (3 sources, 5 articles)`.
    private func description(eventCode: String) -> String {
        let actor1 = value(.actor1Name) ?? value(.actor1Code) ?? "unnamed actor"
        let actor2 = value(.actor2Name) ?? value(.actor2Code) ?? "unnamed actor"
        let label = CAMEO.labels[eventCode] ?? HostileActs.cameoLabel(eventCode)
        var text = ""
        text.reserveCapacity(actor1.utf8.count + actor2.utf8.count + (label?.utf8.count ?? 0) + 64)
        text += actor1
        text += " → "
        text += actor2
        text += ": CAMEO "
        text += eventCode
        if let label {
            text += " "
            text += label
        }
        if let sources = value(.numSources), let articles = value(.numArticles) {
            text += " ("
            text += sources
            text += sources == "1" ? " source, " : " sources, "
            text += articles
            text += articles == "1" ? " article)" : " articles)"
        }
        return text
    }

    /// `SQLDATE` (`YYYYMMDD`), read as a UTC day.
    private mutating func readDay() -> StatedTime? {
        guard let text = value(.sqlDate) else {
            problem("SQLDATE", "is required")
            return nil
        }
        guard let day = Self.digitTime(text, hasClock: false) else {
            problem("SQLDATE", "\"\(text)\" is not a date (expected YYYYMMDD)")
            return nil
        }
        return plausible(day, column: "SQLDATE", text: text)
    }

    /// `DATEADDED` (`YYYYMMDDHHMMSS`, UTC): when GDELT processed the article.
    private mutating func readDateAdded() -> StatedTime? {
        guard let text = value(.dateAdded) else {
            problem("DATEADDED", "is required")
            return nil
        }
        guard let instant = Self.digitTime(text, hasClock: true) else {
            problem("DATEADDED", "\"\(text)\" is not a date and time (expected YYYYMMDDHHMMSS)")
            return nil
        }
        return plausible(instant, column: "DATEADDED", text: text)
    }

    /// The action's place: `ActionGeo_Type` 1 country → `country`, 2 US state and 5 first-order division →
    /// `region`, 3 US city and 4 world city → `locality`; 0 or empty (not geocoded) → `unknown`, no point.
    private mutating func readLocation() -> IncidentLocation? {
        let latitudeText = value(.actionGeoLatitude)
        let longitudeText = value(.actionGeoLongitude)
        var coordinate: Coordinate?
        if latitudeText != nil || longitudeText != nil {
            let latitude = latitudeText.flatMap(Self.decimal).flatMap { (-90...90).contains($0) ? $0 : nil }
            let longitude = longitudeText.flatMap(Self.decimal).flatMap { (-180...180).contains($0) ? $0 : nil }
            if latitude == nil {
                problem("ActionGeo_Lat", latitudeText.map { "\"\($0)\" is not a latitude between -90 and 90" } ?? "is required with ActionGeo_Long")
            }
            if longitude == nil {
                problem(
                    "ActionGeo_Long", longitudeText.map { "\"\($0)\" is not a longitude between -180 and 180" } ?? "is required with ActionGeo_Lat")
            }
            guard let latitude, let longitude else { return nil }
            coordinate = Coordinate(latitude: latitude, longitude: longitude)
        }
        let names = Self.placeNames(value(.actionGeoFullName) ?? "")
        let country = value(.actionGeoCountryCode).flatMap { Countries.alpha2(fips: $0) }
        switch value(.actionGeoType) {
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

    /// `YYYYMMDD` as a date, or with `hasClock` `YYYYMMDDHHMMSS` as a UTC time, read from the digits directly;
    /// `nil` when the text is not exactly that many digits or names no real day or time.
    static func digitTime(_ text: String, hasClock: Bool) -> StatedTime? {
        // Year, month, day, hour, minute, second, each read from its own digits.
        var (year, month, day, hour, minute, second) = (0, 0, 0, 0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39, count < 14 else { return nil }
            let digit = Int(byte - 0x30)
            switch count {
            case 0..<4: year = year * 10 + digit
            case 4..<6: month = month * 10 + digit
            case 6..<8: day = day * 10 + digit
            case 8..<10: hour = hour * 10 + digit
            case 10..<12: minute = minute * 10 + digit
            default: second = second * 10 + digit
            }
            count += 1
        }
        guard count == (hasClock ? 14 : 8) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= StatedTime.daysIn(month: month, year: year) else { return nil }
        guard hasClock else { return StatedTime(year: year, month: month, day: day) }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        return StatedTime(year: year, month: month, day: day, clock: .init(hour: hour, minute: minute, second: second), utcOffset: 0)
    }

    /// The comma-separated names of `ActionGeo_FullName` (`Kharkiv, Kharkivs'ka Oblast', Ukraine`), each trimmed of
    /// spaces and tabs, empty ones left out. ASCII text (nearly every row) is split on its bytes; other text by
    /// `components(separatedBy:)`, which reads characters (a comma with a combining mark is no separator there).
    static func placeNames(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.components(separatedBy: ",").map(\.trimmingSpaces).filter { !$0.isEmpty }
        }
        var text = text
        return text.withUTF8 { bytes in
            var names: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                var (first, last) = (start, end)
                while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                if first < last { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)) }
                start = end + 1
            }
            return names
        }
    }

    static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
