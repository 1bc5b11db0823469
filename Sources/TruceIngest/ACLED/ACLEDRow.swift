import Foundation
import TruceCore

/// One ACLED event row, normalised into an ``Incident`` with every problem recorded.
struct ACLEDRow: CSVRowReading {
    let record: CSVRecord
    let columns: HeaderIndex
    let file: String
    var problems: [Diagnostic] = []

    /// The columns read from every row, in the order of ``names``: their positions are looked up in the header
    /// once per file (``ACLEDFormat/columns(header:file:)``).
    enum Column: Int, CaseIterable {
        case eventID, iso, notes, actor1, actor2, timestamp, source, eventType, subEventType, civilianTargeting, eventDate, timePrecision, latitude,
            longitude, geoPrecision, admin1, location

        /// The header names, in the order of the cases.
        static let names = [
            "event_id_cnty", "iso", "notes", "actor1", "actor2", "timestamp", "source", "event_type", "sub_event_type", "civilian_targeting",
            "event_date", "time_precision", "latitude", "longitude", "geo_precision", "admin1", "location",
        ]
    }

    private func value(_ column: Column) -> String? { value(known: column.rawValue) }

    mutating func incident(sourceFile: String, actors: ActorTable) -> Incident? {
        if record.fieldCount != columns.names.count {
            problem("", "has \(record.fieldCount) fields, the header has \(columns.names.count)")
            return nil
        }
        guard let key = value(.eventID) else {
            problem("event_id_cnty", "is required")
            return nil
        }
        let country = value(.iso).flatMap(Int.init).flatMap { Countries.alpha2(numeric: $0) }
        let time = readTime(zone: Countries.zone(alpha2: country))
        let location = readLocation(country: country)
        let notes = value(.notes) ?? ""
        let perpetratorActor = value(.actor1) ?? ""
        let fatalities = people("fatalities")
        let release = value(.timestamp)
        if let release, (Self.wholeNumber(release) ?? .max) > FieldLimits.unixTime {
            problem("timestamp", "\"\(release)\" is not a Unix time (a whole number of seconds since 1970)")
        }
        guard problems.isEmpty, let time, let location else { return nil }
        let claimant = "ACLED" + (value(.source).map { " (sources: \($0))" } ?? "")
        let party = actors.party(for: perpetratorActor)
        let eventType = value(.eventType)
        let subEventType = value(.subEventType)
        let lowercasedNotes = LowercasedText(notes)  // folded once for every keyword look below
        var target = TargetKeywords.target(in: lowercasedNotes, reading: .report) ?? Target(category: nil)
        if target.category == nil, subEventType == "Attack" || value(.civilianTargeting) != nil,
            value(.actor2)?.hasPrefix("Civilians") == true
        {
            target = Target(category: .civilian)
        }
        let fields = verbatimFields
        let hostile = HostileActs.isHostile(acledEventType: eventType, subEventType: subEventType)
        var description = eventType ?? ""
        if let subEventType { description += description.isEmpty ? subEventType : ": " + subEventType }
        if !perpetratorActor.isEmpty { description += (description.isEmpty ? "" : ": ") + "by " + perpetratorActor }
        return Incident(
            id: "acled:\(key)", time: time, location: location,
            action: hostile ? Self.action(subEventType: subEventType, notes: notes, lowercased: lowercasedNotes, target: target) : .noHostileAct,
            outcome: Self.outcome(subEventType: subEventType, lowercasedNotes: lowercasedNotes),
            target: target, perpetrator: party.map { Attribution(party: $0, attributedBy: "ACLED") },
            effects: Effects(fatalities: fatalities),
            description: description,
            claims: [Claim(claimant: claimant, accused: party)],
            sources: [SourceRecord(dataset: "acled", file: sourceFile, line: record.line, key: key, release: release, fields: fields)])
    }

    /// `event_date` as "21 March 2020", "21-March-2020" or "2020-03-21", widened by `time_precision`:
    /// 1 the day, 2 the week around the date (three days either side), 3 the calendar month.
    private mutating func readTime(zone: ZoneIdentifier) -> IncidentTime? {
        guard let text = value(.eventDate) else {
            problem("event_date", "is required")
            return nil
        }
        guard let parsed = Self.parseDate(text) else {
            problem("event_date", "\"\(text)\" is not a date (expected e.g. 21 March 2020 or 2020-03-21)")
            return nil
        }
        guard let date = plausible(parsed, column: "event_date", text: text) else { return nil }
        switch value(.timePrecision) ?? "1" {
        case "1": return IncidentTime.implied(by: date, precision: .day, in: zone)
        case "2":
            let day = IncidentTime.implied(by: date, precision: .day, in: zone)
            return IncidentTime(span: WeekSpans.shared.week(around: day.span.start, in: zone), precision: .week, timeZone: zone)
        case "3": return IncidentTime.implied(by: date, precision: .month, in: zone)
        case let other:
            problem("time_precision", "\"\(other)\" is not 1, 2 or 3")
            return nil
        }
    }

    private mutating func readLocation(country: String?) -> IncidentLocation? {
        guard let latitudeText = value(.latitude), let longitudeText = value(.longitude) else {
            problem(value(.latitude) == nil ? "latitude" : "longitude", "is required")
            return nil
        }
        guard let latitude = Self.decimal(latitudeText), (-90...90).contains(latitude) else {
            problem("latitude", "\"\(latitudeText)\" is not a latitude between -90 and 90")
            return nil
        }
        guard let longitude = Self.decimal(longitudeText), (-180...180).contains(longitude) else {
            problem("longitude", "\"\(longitudeText)\" is not a longitude between -180 and 180")
            return nil
        }
        let precision: GeoPrecision
        switch value(.geoPrecision) ?? "1" {
        case "1": precision = .locality
        case "2": precision = .nearby
        case "3": precision = .region
        case let other:
            problem("geo_precision", "\"\(other)\" is not 1, 2 or 3")
            return nil
        }
        return IncidentLocation(
            country: country, admin1: value(.admin1), place: value(.location),
            coordinate: Coordinate(latitude: latitude, longitude: longitude), precision: precision)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }

    /// Parses `21 March 2020`, `21-Mar-2020` or `2020-03-21`.
    static func parseDate(_ text: String) -> StatedTime? {
        if let written = dayMonthYear(text) { return written }
        if let iso = StatedTime(parsing: text) { return iso.isDateOnly ? iso : nil }
        let parts = text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x2D })
        guard parts.count == 3, parts[1].count >= 3, let day = Int(Substring(parts[0])), let year = Int(Substring(parts[2])),
            year >= 1, year <= 9999
        else { return nil }
        let prefix = parts[1].prefix(3).map { $0 | 0x20 }
        guard let month = months.firstIndex(of: prefix), day >= 1, day <= StatedTime.daysIn(month: month + 1, year: year) else {
            return nil
        }
        return StatedTime(year: year, month: month + 1, day: day)
    }

    /// `21 March 2020`, ACLED's usual shape (one or two digits, a space, a month name of ASCII letters, a space,
    /// four digits), read from its bytes: `.some` with the date, or with `nil` when it names no real day; `.none`
    /// when `text` has another shape, left to the general reading of ``parseDate(_:)``, which this agrees with.
    private static func dayMonthYear(_ text: String) -> StatedTime?? {
        guard text.utf8.count >= 10 else { return .none }
        var text = text
        return text.withUTF8 { raw -> StatedTime?? in
            let count = raw.count
            func isDigit(_ index: Int) -> Bool { raw[index] >= 0x30 && raw[index] <= 0x39 }
            func digit(_ index: Int) -> Int { Int(raw[index] - 0x30) }
            let dayDigits = isDigit(1) ? 2 : 1
            guard isDigit(0), raw[dayDigits] == 0x20 else { return .none }
            let day = dayDigits == 2 ? digit(0) * 10 + digit(1) : digit(0)
            let monthStart = dayDigits + 1
            var index = monthStart
            while index < count, raw[index] | 0x20 >= 0x61, raw[index] | 0x20 <= 0x7A { index += 1 }
            guard index - monthStart >= 3, index + 5 == count, raw[index] == 0x20,
                isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), isDigit(index + 4)
            else { return .none }
            let year = digit(index + 1) * 1000 + digit(index + 2) * 100 + digit(index + 3) * 10 + digit(index + 4)
            let prefix = (raw[monthStart] | 0x20, raw[monthStart + 1] | 0x20, raw[monthStart + 2] | 0x20)
            guard year >= 1, let month = months.firstIndex(where: { $0[0] == prefix.0 && $0[1] == prefix.1 && $0[2] == prefix.2 }),
                day >= 1, day <= StatedTime.daysIn(month: month + 1, year: year)
            else { return .some(nil) }
            return .some(StatedTime(year: year, month: month + 1, day: day))
        }
    }

    /// The action from ACLED's `sub_event_type`, refined by the notes:
    /// - `Air/drone strike`: `drone_strike` when the notes name drones, `missile_strike` missiles, `air_strike`
    ///   aircraft or an airstrike; otherwise `strike` (ACLED's type does not say which);
    /// - `Shelling/artillery/missile attack`: `missile_strike` when the notes name missiles, else `artillery`;
    /// - `Remote explosive/landmine/IED`: `sabotage` when it struck infrastructure (energy, transport, a port,
    ///   industry) or the notes say sabotage, else `other`;
    /// - `Disrupted weapons use` (an intercepted or failed attack): the weapon the notes name, else none.
    /// The notes come as read (`notes`) and folded to lower case once for every keyword look (`lowercased`).
    static func action(subEventType: String?, notes: String, lowercased: LowercasedText, target: Target) -> ActionType? {
        switch subEventType {
        case "Air/drone strike":
            return namedStrike(in: notes, lowercased: lowercased) ?? .strike
        case "Shelling/artillery/missile attack":
            return TargetKeywords.mentions(missileWords, in: lowercased) ? .missileStrike : .artillery
        case "Armed clash", "Government regains territory", "Non-state actor overtakes territory": return .groundAssault
        case "Remote explosive/landmine/IED":
            let infrastructure: [TargetCategory] = [.energy, .transport, .port, .industrial]
            let struckInfrastructure = target.category.map(infrastructure.contains) ?? false
            return struckInfrastructure || TargetKeywords.mentions(sabotageWords, in: lowercased) ? .sabotage : .other
        case "Grenade", "Suicide bomb": return .other
        case "Attack", "Abduction/forced disappearance", "Sexual violence": return .other
        case "Disrupted weapons use": return namedStrike(in: notes, lowercased: lowercased)
        default: return nil
        }
    }

    /// The outcome ACLED states: a `Disrupted weapons use` is an attack that did not strike, `intercepted` when the
    /// notes say it was shot down or intercepted, else `attempted` (defused, or detonated early). Other events
    /// state none.
    static func outcome(subEventType: String?, lowercasedNotes: LowercasedText) -> Outcome? {
        guard subEventType == "Disrupted weapons use" else { return nil }
        return TargetKeywords.mentions(interceptionWords, in: lowercasedNotes) ? .intercepted : .attempted
    }

    /// The strike kind the notes name as the weapon: drones first, then missiles, then aircraft. A drone that was
    /// the target ("struck militants operating a drone") names no weapon (see `WeaponWordSense`).
    private static func namedStrike(in notes: String, lowercased: LowercasedText) -> ActionType? {
        if TargetKeywords.mentions(droneWords, in: lowercased), TargetKeywords.mentions(droneWords, in: WeaponWordSense.weaponText(notes)) {
            return .droneStrike
        }
        if TargetKeywords.mentions(missileWords, in: lowercased) { return .missileStrike }
        if TargetKeywords.mentions(aircraftWords, in: lowercased) { return .airStrike }
        return nil
    }

    static let droneWords: TargetKeywords.Keywords = ["drone", "uav", "shahed", "дрон", "бпла", "беспилот", "безпілот"]
    static let missileWords: TargetKeywords.Keywords = ["missile", "ракет"]
    static let aircraftWords: TargetKeywords.Keywords = [
        "airstrike", "air strike", "air raid", "aircraft", "warplane", "jet", "helicopter", "bomber", "guided bomb", "aerial bomb",
        "glide bomb", "авіаудар", "авиаудар", "авіабомб", "авиабомб", "літак", "самолет", "самолёт", "вертол",
    ]
    static let sabotageWords: TargetKeywords.Keywords = ["sabotage", "saboteur", "диверс"]
    static let interceptionWords: TargetKeywords.Keywords = [
        "intercept", "shot down", "downed", "jammed", "air defen", "перехоп", "перехват", "збит", "збили", "сбит", "сбили", "ппо",
    ]
}
