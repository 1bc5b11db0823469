import Foundation
import TruceCore

/// What linking reads of a record, worked out once: the sweep compares keys, not whole incidents.
struct LinkKey: Hashable, Sendable {
    /// How a record takes part in linking.
    typealias Role = LinkRecord.Role

    var start: Double
    var end: Double
    var category: TargetCategory?
    var subtype: String?
    /// The folded words of the target's name, without filler words.
    var targetWords: Set<String>?
    var action: ActionType?
    var country: String?
    var coordinate: Coordinate?
    var radius: Double
    var precision: GeoPrecision
    /// The region's code when known, else its normalised name.
    var region: String?
    /// The locality's normalised name.
    var place: String?
    /// Set for a record of a dataset that codes one row per event (ACLED): two such rows are never one event.
    var eventCodedDataset: String?
    var role: Role

    /// The key of a stored link record.
    init(_ record: LinkRecord) {
        start = record.start
        end = record.end ?? .infinity
        category = record.category
        subtype = record.subtype
        targetWords = record.targetWords.map(Set.init)
        action = record.action
        country = record.country
        coordinate = record.coordinate
        precision = record.precision
        radius = IncidentLinker.radius(precision)
        region = record.region
        place = record.place
        eventCodedDataset = record.eventCodedDataset
        role = record.role
    }

    init(_ incident: Incident) {
        self.init(incident, region: incident.location.admin1.map(Self.regionKey), place: incident.location.place.flatMap(Self.placeKey))
    }

    /// - Parameters:
    ///   - region: ``regionKey(_:)`` of the incident's region, worked out by the caller (who may cache it).
    ///   - place: ``placeKey(_:)`` of its locality, likewise.
    init(_ incident: Incident, region: String?, place: String?) {
        self.region = region
        self.place = place
        start = incident.time.span.start.timeIntervalSinceReferenceDate
        end = incident.time.span.end?.timeIntervalSinceReferenceDate ?? .infinity
        category = incident.target.category
        subtype = incident.target.subtype
        targetWords = incident.target.name.map(Self.words).flatMap { $0.isEmpty ? nil : $0 }
        action = incident.action
        country = incident.location.country
        coordinate = incident.location.coordinate
        precision = incident.location.precision
        radius = IncidentLinker.radius(precision)
        eventCodedDataset = Self.eventCodedDataset(of: incident)
        if action == .noHostileAct {
            role = .apart
        } else if end - start > IncidentLinker.longestPlaceableSpan || precision >= .region || (coordinate == nil && place == nil)
            || Self.isAggregateOrUndated(incident)
        {
            role = .vague
        } else {
            role = .member
        }
    }

    /// An aggregate ("14 drone attacks in 24 hours"), a record whose source states no time, or one spanning
    /// several countries describes more than one event, or cannot be placed in one.
    static func isAggregateOrUndated(_ incident: Incident) -> Bool {
        (incident.acts ?? 1) > 1 || !incident.time.isStated || incident.location.spansSeveralCountries
    }

    /// Datasets whose coders already make one row of each event (ACLED: one row per day, place, actors and type of
    /// event), so that two of their rows are two events however alike they look.
    static let eventCodedDatasets: Set<String> = ["acled"]

    /// The event-coded dataset a record comes from, if any (read from its first source record).
    static func eventCodedDataset(of incident: Incident) -> String? {
        incident.sources.first.map(\.dataset).flatMap { eventCodedDatasets.contains($0) ? $0 : nil }
    }

    /// A locality's normalised name, `nil` when nothing is left of it.
    static func placeKey(_ name: String) -> String? {
        let key = Regions.normalised(name)
        return key.isEmpty ? nil : key
    }

    static func regionKey(_ name: String) -> String { Regions.code(forName: name) ?? Regions.normalised(name) }

    /// Words that do not tell one facility from another.
    static let fillers: Set<String> = ["the", "of", "in", "at", "near", "and", "a", "an", "on"]

    /// The folded words of a target's name: "Sudzha gas metering station" → {sudzha, gas, metering, station}.
    static func words(_ name: String) -> Set<String> {
        Set(name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !fillers.contains($0) })
    }

    /// Whether two records plausibly describe the same event (the rules of ``IncidentLinker``).
    func fits(_ other: LinkKey) -> Bool {
        guard start < other.end && other.start < end else { return false }
        if let dataset = eventCodedDataset, dataset == other.eventCodedDataset { return false }
        if let x = category, let y = other.category, x != y { return false }
        if let x = subtype, let y = other.subtype, x != y { return false }
        if let x = targetWords, let y = other.targetWords, !(x.count <= y.count ? x.isSubset(of: y) : y.isSubset(of: x)) { return false }
        if let x = action, let y = other.action, !x.mayBeSame(as: y), !namesSameTarget(other), !aerialStrikesOnOneTarget(x, y, other) { return false }
        return near(other)
    }

    /// Whether both records report a strike from the air (of any weapon) on a target of the same known
    /// category: claims that disagree on the weapon ("an air raid", "a drone attack" on a city's power supply
    /// one night) rather than two acts.
    func aerialStrikesOnOneTarget(_ a: ActionType, _ b: ActionType, _ other: LinkKey) -> Bool {
        (a.isStrikeKind || a == .strike) && (b.isStrikeKind || b == .strike) && category != nil && category == other.category
    }

    /// Whether both records name the target in full, so that claims of different actions on it compete:
    /// both give its category and subtype, or both its name (agreement is checked by ``fits(_:)``).
    func namesSameTarget(_ other: LinkKey) -> Bool {
        (category != nil && subtype != nil && other.category != nil && other.subtype != nil)
            || (targetWords != nil && other.targetWords != nil)
    }

    /// Whether the places can be one: points within both radii; without both points, the same locality (in
    /// the same region where both name one); a record known only to its region or country, anywhere in it.
    func near(_ other: LinkKey) -> Bool {
        if let x = country, let y = other.country, x != y { return false }
        if let x = coordinate, let y = other.coordinate {
            let reach = radius + other.radius
            // A degree of latitude is at least 110 km: most pairs are ruled out before the exact distance.
            if abs(x.latitude - y.latitude) * 110.0 > reach { return false }
            return IncidentLinker.distanceKilometres(x, y) <= reach
        }
        if precision < .region, other.precision < .region {
            guard let x = place, let y = other.place, x == y else { return false }
            if let x = region, let y = other.region { return x == y }
            return true
        }
        let (coarse, fine) = precision >= other.precision ? (self, other) : (other, self)
        if coarse.precision == .region, let region = coarse.region { return fine.region == region }
        if coarse.precision >= .country, coarse.coordinate == nil { return coarse.country != nil && coarse.country == fine.country }
        return false
    }

    /// The order records are placed in: the most precise first (the shortest span, then the smallest
    /// radius), then by start.
    func isPlacedBefore(_ other: LinkKey) -> Bool {
        let (span, otherSpan) = (end - start, other.end - other.start)
        if span != otherSpan { return span < otherSpan }
        if radius != other.radius { return radius < other.radius }
        return start < other.start
    }
}
