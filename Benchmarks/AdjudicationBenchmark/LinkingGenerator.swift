import Foundation
import TruceCore

/// A seeded generator of records for the linking benchmark: strikes on a few thousand places in the conflict
/// countries over three years, each reported once to four times by different sources (the copies a little
/// off in time and place), mostly known to the day and the locality, some to the week or month, some only to
/// the region, and a few statements that report no hostile act.
struct LinkingGenerator {
    var random: SplitMix

    /// Places per country, spread over a 6° × 8° box around the country's centre.
    static let placesPerCountry = 300
    static let centres: [String: (latitude: Double, longitude: Double)] = [
        "UA": (48.5, 33), "RU": (52, 40), "PS": (31.4, 34.4), "IL": (31.8, 34.9), "SD": (14, 30), "MM": (20, 96),
        "ET": (10, 39), "CD": (-2, 28), "RW": (-2, 30), "AZ": (40.4, 48), "AM": (40, 45), "IN": (30, 75), "PK": (31, 72),
        "SO": (4, 45), "KE": (0.5, 38), "YE": (15.5, 47), "SA": (24, 45),
    ]

    mutating func records(_ count: Int) -> [Incident] {
        var records: [Incident] = []
        records.reserveCapacity(count)
        var event = 0
        while records.count < count {
            let copies = [1, 1, 1, 2, 2, 3, 4][random.next(7)]
            records += self.event(event, copies: min(copies, count - records.count))
            event += 1
        }
        return records
    }

    private mutating func event(_ number: Int, copies: Int) -> [Incident] {
        let conflict = Generator.conflicts[random.next(Generator.conflicts.count)]
        let country = conflict.countries[random.next(conflict.countries.count)]
        let centre = Self.centres[country] ?? (0, 0)
        let place = random.next(Self.placesPerCountry)
        let latitude = centre.latitude - 3 + Double(place % 20) * 0.3
        let longitude = centre.longitude - 4 + Double(place / 20) * 0.55
        let day = random.next(Generator.days)
        let hour = random.next(24)
        let categories: [TargetCategory?] = [.energy, .civilian, .civilian, .military, .transport, nil]
        let category = categories[random.next(categories.count)]
        let actions: [ActionType?] = [.airStrike, .missileStrike, .droneStrike, .artillery, .artillery, .groundAssault, nil]
        let action = random.next(40) == 0 ? ActionType.noHostileAct : actions[random.next(actions.count)]
        let accused: PartyID? = random.next(10) == 0 ? nil : PartyID(random.next(2) == 0 ? conflict.a : conflict.b)
        return (0..<copies).map { copy in
            let roll = random.next(100)
            let precision: TimePrecision = roll < 80 ? .day : roll < 90 ? .minute : roll < 97 ? .week : .month
            let time = IncidentTime.implied(by: stated(day: day, hour: hour, minute: random.next(60)), precision: precision, in: .utc)
            let placeRoll = random.next(100)
            let location: IncidentLocation
            if placeRoll < 85 {
                let jitter = { (random: inout SplitMix) in Double(random.next(100) - 50) / 2_000 }
                location = IncidentLocation(
                    country: country, coordinate: Coordinate(latitude: latitude + jitter(&random), longitude: longitude + jitter(&random)),
                    precision: placeRoll < 60 ? .locality : .nearby)
            } else if placeRoll < 97 {
                location = IncidentLocation(country: country, admin1: "Region \(place / 50)", precision: .region)
            } else {
                location = IncidentLocation(country: country, precision: .country)
            }
            return Incident(
                id: "l\(number)-\(copy)", time: time, location: location, action: action, target: Target(category: category),
                perpetrator: accused.map { Attribution(party: $0, attributedBy: "bench") }, description: "",
                claims: [Claim(claimant: "Source \(random.next(50))", accused: accused)])
        }
    }

    private func stated(day: Int, hour: Int, minute: Int) -> StatedTime {
        let date = Generator.start.addingTimeInterval(TimeInterval(day * 86_400))
        let parts = ZoneIdentifier.utc.calendar.dateComponents([.year, .month, .day], from: date)
        return StatedTime(year: parts.year!, month: parts.month!, day: parts.day!, clock: .init(hour: hour, minute: minute))
    }
}
