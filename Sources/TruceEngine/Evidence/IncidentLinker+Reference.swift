import Foundation
import TruceCore

/// The linking rules spelled out on incidents, one comparison at a time, without keys or index: the
/// reference the fast linker is checked against.
extension IncidentLinker {
    /// Whether two records fit (the rules of ``IncidentLinker``), read from the incidents themselves.
    static func referenceDescribeSameEvent(_ a: Incident, _ b: Incident) -> Bool {
        guard a.time.span.overlaps(b.time.span) else { return false }
        if let dataset = LinkKey.eventCodedDataset(of: a), dataset == LinkKey.eventCodedDataset(of: b) { return false }
        if let x = a.target.category, let y = b.target.category, x != y { return false }
        if let x = a.target.subtype, let y = b.target.subtype, x != y { return false }
        let (nameA, nameB) = (a.target.name.map(LinkKey.words), b.target.name.map(LinkKey.words))
        if let x = nameA, let y = nameB, !x.isEmpty, !y.isEmpty, !x.isSubset(of: y), !y.isSubset(of: x) { return false }
        if let x = a.action, let y = b.action, !x.mayBeSame(as: y) {
            let fullTargets = a.target.category != nil && a.target.subtype != nil && b.target.category != nil && b.target.subtype != nil
            let named = nameA?.isEmpty == false && nameB?.isEmpty == false
            let aerial =
                (x.isStrikeKind || x == .strike) && (y.isStrikeKind || y == .strike) && a.target.category != nil
                && a.target.category == b.target.category
            if !fullTargets && !named && !aerial { return false }
        }
        return referenceNear(a.location, b.location)
    }

    static func referenceNear(_ a: IncidentLocation, _ b: IncidentLocation) -> Bool {
        if let x = a.country, let y = b.country, x != y { return false }
        if let x = a.coordinate, let y = b.coordinate {
            return distanceKilometres(x, y) <= radius(a.precision) + radius(b.precision)
        }
        let region = { (location: IncidentLocation) in location.admin1.map(LinkKey.regionKey) }
        let place = { (location: IncidentLocation) in location.place.map(Regions.normalised).flatMap { $0.isEmpty ? nil : $0 } }
        if a.precision < .region, b.precision < .region {
            guard let x = place(a), x == place(b) else { return false }
            if let x = region(a), let y = region(b) { return x == y }
            return true
        }
        let (coarse, fine) = a.precision >= b.precision ? (a, b) : (b, a)
        if coarse.precision == .region, let name = region(coarse) { return region(fine) == name }
        if coarse.precision >= .country, coarse.coordinate == nil { return coarse.country != nil && coarse.country == fine.country }
        return false
    }

    /// Whether a record is vague: a span longer than two days (or open), a place known only to the region or
    /// country, neither a point nor a locality, an aggregate, a time not stated, or several countries.
    static func referenceIsVague(_ incident: Incident) -> Bool {
        let location = incident.location
        let hasPlace = location.place.map(Regions.normalised).map { !$0.isEmpty } ?? false
        return (incident.time.span.duration ?? .infinity) > longestPlaceableSpan || location.precision >= .region
            || (location.coordinate == nil && !hasPlace) || (incident.acts ?? 1) > 1 || !incident.time.isStated || location.spansSeveralCountries
    }

    /// The events, found by comparing each record with every event so far.
    static func referenceEvents(_ incidents: [Incident]) -> [LinkedEvent] {
        func duration(_ incident: Incident) -> Double { incident.time.span.duration ?? .infinity }
        let members = incidents.indices.filter { incidents[$0].action != .noHostileAct && !referenceIsVague(incidents[$0]) }
        let order = members.sorted { a, b in
            let (x, y) = (incidents[a], incidents[b])
            if duration(x) != duration(y) { return duration(x) < duration(y) }
            if radius(x.location.precision) != radius(y.location.precision) { return radius(x.location.precision) < radius(y.location.precision) }
            if x.time.span.start != y.time.span.start { return x.time.span.start < y.time.span.start }
            return x.id < y.id || (x.id == y.id && a < b)
        }
        var events: [[Int]] = []
        for position in order {
            let fitting = events.indices.first { events[$0].allSatisfy { referenceDescribeSameEvent(incidents[position], incidents[$0]) } }
            if let fitting { events[fitting].append(position) } else { events.append([position]) }
        }
        let byStart = { (a: Int, b: Int) in
            incidents[a].time.span.start < incidents[b].time.span.start
                || (incidents[a].time.span.start == incidents[b].time.span.start && incidents[a].id < incidents[b].id)
        }
        var linked = events.map { members in
            let records = members.sorted(by: byStart).map { incidents[$0].id }
            return LinkedEvent(id: records[0], records: records)
        }
        let placed = Set(order)
        for position in incidents.indices where !placed.contains(position) {
            var described: [IncidentID] = []
            if incidents[position].action != .noHostileAct {
                described = events.indices.filter { events[$0].allSatisfy { referenceDescribeSameEvent(incidents[position], incidents[$0]) } }
                    .map { linked[$0].id }.sorted()
            }
            linked.append(LinkedEvent(id: incidents[position].id, records: [incidents[position].id], mayDescribe: described))
        }
        return linked.sorted { $0.id < $1.id }
    }
}
