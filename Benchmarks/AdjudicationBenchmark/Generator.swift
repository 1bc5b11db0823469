import Foundation
import TruceCore

/// A seeded generator of agreements and incidents with realistic spreads: 20 countries in 10 conflicts,
/// agreements of every kind lasting days to months (some collapsing, some never in force), incidents mostly
/// known to the day, some to the minute, week or month, some without a perpetrator or target.
struct Generator {
    var random: SplitMix

    static let conflicts: [(a: String, b: String, countries: [String])] = [
        ("RU", "UA", ["UA", "RU"]), ("IL", "HAMAS", ["PS", "IL"]), ("SD", "RSF", ["SD"]), ("MM", "AA", ["MM"]),
        ("ET", "TPLF", ["ET"]), ("CD", "M23", ["CD", "RW"]), ("AZ", "AM", ["AZ", "AM"]), ("IN", "PK", ["IN", "PK"]),
        ("SO", "ALS", ["SO", "KE"]), ("YE", "AH", ["YE", "SA"]),
    ]
    static let start = Date(timeIntervalSince1970: 1_672_531_200)  // 2023-01-01
    static let days = 3 * 365

    mutating func agreements(_ count: Int) -> [Agreement] {
        (0..<count).map { agreement($0) }
    }

    mutating func agreement(_ number: Int) -> Agreement {
        let conflict = Self.conflicts[random.next(Self.conflicts.count)]
        let length = [1, 3, 7, 30, 30, 60, 90][random.next(7)]
        let startDay = random.next(Self.days - length)
        let start = stated(day: startDay, hour: random.next(24))
        let kinds: [AgreementKind] = [.comprehensive, .partial, .partial, .unilateral, .local, .humanitarianPause, .proposal]
        let kind = kinds[random.next(kinds.count)]
        let unilateral = kind == .unilateral
        let parties = [
            AgreementParty(id: PartyID(conflict.a), name: conflict.a, role: .party),
            AgreementParty(id: PartyID(conflict.b), name: conflict.b, role: unilateral ? .addressee : .party),
        ]
        var status = [StatusEvent(at: start, status: .proposed)]
        if kind != .proposal {
            status.append(StatusEvent(at: start, status: .inForce, party: unilateral ? PartyID(conflict.a) : nil))
            if random.next(5) == 0, length > 3 {  // collapses early
                status.append(StatusEvent(at: stated(day: startDay + random.next(length), hour: 12), status: .collapsed))
            }
        }
        var scope = Scope(include: conflict.countries.prefix(1 + random.next(conflict.countries.count)).map { GeoArea(kind: .country, code: $0) })
        if kind == .partial {
            scope.targets = [TargetScope(category: .energy, subtypes: random.next(2) == 0 ? [] : ["power_plant", "substation", "refinery"])]
            scope.actions = [.airStrike, .missileStrike, .droneStrike, .artillery]
        } else if kind == .local || kind == .humanitarianPause {
            scope.actions = [.artillery, .airStrike, .droneStrike]
        }
        let zone = ZoneIdentifier("UTC+0\(random.next(4)):00")!
        return Agreement(
            id: "bench-\(number)", title: "Agreement \(number)", kind: kind, timeZone: zone, parties: parties,
            window: AgreementWindow(start: start, end: .after(CalendarDuration(days: length))), scope: scope, statusHistory: status)
    }

    mutating func incidents(_ count: Int, offset: Int = 0) -> [Incident] {
        (0..<count).map { incident(offset + $0) }
    }

    mutating func incident(_ number: Int) -> Incident {
        let conflict = Self.conflicts[random.next(Self.conflicts.count)]
        let country = conflict.countries[random.next(conflict.countries.count)]
        let roll = random.next(100)
        let precision: TimePrecision = roll < 80 ? .day : roll < 90 ? .minute : roll < 97 ? .week : .month
        let time = IncidentTime.implied(
            by: stated(day: random.next(Self.days), hour: random.next(24), minute: random.next(60)), precision: precision,
            in: .utc)
        let perpetrator = random.next(10) == 0 ? nil : random.next(2) == 0 ? conflict.a : conflict.b
        let categoryRoll = random.next(100)
        let category: TargetCategory? =
            categoryRoll < 25
            ? .energy
            : categoryRoll < 55
                ? .civilian
                : categoryRoll < 80
                    ? .military
                    : categoryRoll < 90 ? .transport : nil
        let subtype = category.flatMap { category -> String? in
            let known = category.knownSubtypes
            return known.isEmpty || random.next(4) == 0 ? nil : known[random.next(known.count)]
        }
        let actions: [ActionType?] = [.airStrike, .missileStrike, .droneStrike, .artillery, .artillery, .groundAssault, nil]
        return Incident(
            id: "i\(number)", time: time, location: IncidentLocation(country: country, precision: .locality),
            action: actions[random.next(actions.count)], target: Target(category: category, subtype: subtype),
            perpetrator: perpetrator.map { Attribution(party: PartyID($0), attributedBy: "bench") }, description: "")
    }

    private func stated(day: Int, hour: Int, minute: Int = 0) -> StatedTime {
        let date = Self.start.addingTimeInterval(TimeInterval(day * 86_400))
        let parts = ZoneIdentifier.utc.calendar.dateComponents([.year, .month, .day], from: date)
        return StatedTime(year: parts.year!, month: parts.month!, day: parts.day!, clock: .init(hour: hour, minute: minute))
    }
}

/// A small, fast, seeded random number generator (SplitMix64), so every run generates the same data.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
