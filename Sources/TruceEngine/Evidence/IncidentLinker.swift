import Foundation
import TruceCore

/// Links records from different sources that describe the same event, so their claims count together.
///
/// Two incidents are linked when:
/// - their time spans overlap;
/// - they are close enough for both precisions: the sum of each record's radius (exact 1 km, locality
///   10 km, nearby 25 km, district 60 km, region 250 km), or the same region or country named when a
///   coordinate is missing;
/// - their target categories agree (or one is unknown), and so do their subtypes;
/// - their actions agree (or one is unknown, or one is a strike of unstated weapon and the other a strike).
/// Links are transitive: a group is every incident reachable through links.
public struct IncidentLinker: Sendable {
    public init() {}

    /// Groups of linked incident ids; every incident is in exactly one group (alone if nothing links to it).
    public func groups(_ incidents: [Incident]) -> [[IncidentID]] {
        var regions: [String: String] = [:]  // region keys by admin1 name: few names, many incidents
        let keys = incidents.map { incident in  // read once: the sweep compares keys, not whole incidents
            LinkKey(incident, region: incident.location.admin1.map { name in
                if let known = regions[name] { return known }
                let key = Regions.code(forName: name) ?? Regions.normalised(name)
                regions[name] = key
                return key
            })
        }
        var parent = Array(incidents.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        // A sweep over start times: only incidents whose spans can still overlap are compared, and only within
        // buckets of the same country and target category (a record missing either is compared with every
        // bucket it could match).
        let order = incidents.indices.sorted { keys[$0].start < keys[$1].start || (keys[$0].start == keys[$1].start && $0 < $1) }
        var buckets: [BucketKey: [Int]] = [:]
        for index in order {
            let key = keys[index]
            for bucket in Array(buckets.keys) where bucket.couldMatch(key) {
                buckets[bucket]!.removeAll { keys[$0].end <= key.start }
                for other in buckets[bucket]! where key.describesSameEvent(as: keys[other]) {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[a] = b }
                }
            }
            buckets[BucketKey(key), default: []].append(index)
        }
        var groups: [Int: [IncidentID]] = [:]
        for index in order { groups[root(index), default: []].append(incidents[index].id) }
        return groups.values.sorted { $0[0] < $1[0] }
    }

    /// Whether two records plausibly describe the same event.
    public static func describeSameEvent(_ a: Incident, _ b: Incident) -> Bool {
        LinkKey(a).describesSameEvent(as: LinkKey(b))
    }

    /// The rules spelled out on incidents, kept as the reference the fast keys are checked against.
    static func referenceDescribeSameEvent(_ a: Incident, _ b: Incident) -> Bool {
        guard a.time.span.overlaps(b.time.span) else { return false }
        if let x = a.target.category, let y = b.target.category, x != y { return false }
        if let x = a.target.subtype, let y = b.target.subtype, x != y { return false }
        if let x = a.action, let y = b.action, !x.mayBeSame(as: y) { return false }
        return near(a.location, b.location)
    }

    static func near(_ a: IncidentLocation, _ b: IncidentLocation) -> Bool {
        if let x = a.country, let y = b.country, x != y { return false }
        if let x = a.coordinate, let y = b.coordinate {
            return distanceKilometres(x, y) <= radius(a.precision) + radius(b.precision)
        }
        if let x = a.admin1, let y = b.admin1 {
            return Regions.normalised(x) == Regions.normalised(y) || Regions.code(forName: x).map { $0 == Regions.code(forName: y) } == true
        }
        return a.country != nil && a.country == b.country && (a.precision >= .region || b.precision >= .region)
    }

    static func radius(_ precision: GeoPrecision) -> Double {
        switch precision {
        case .exact: 1
        case .locality: 10
        case .nearby: 25
        case .district: 60
        case .region: 250
        case .country, .unknown: 1_000
        }
    }

    /// Great-circle distance (haversine, Earth radius 6,371 km).
    static func distanceKilometres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians
        let dLon = (b.longitude - a.longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371 * asin(min(1, sqrt(h)))
    }
}

/// What linking reads of an incident, worked out once.
struct LinkKey {
    var start: Double
    var end: Double
    var category: TargetCategory?
    var subtype: String?
    var action: ActionType?
    var country: String?
    var coordinate: Coordinate?
    var radius: Double
    var precision: GeoPrecision
    /// The region's code when known, else its normalised name.
    var region: String?

    init(_ incident: Incident) {
        self.init(incident, region: incident.location.admin1.map { Regions.code(forName: $0) ?? Regions.normalised($0) })
    }

    init(_ incident: Incident, region: String?) {
        self.region = region
        start = incident.time.span.start.timeIntervalSinceReferenceDate
        end = incident.time.span.end?.timeIntervalSinceReferenceDate ?? .infinity
        category = incident.target.category
        subtype = incident.target.subtype
        action = incident.action
        country = incident.location.country
        coordinate = incident.location.coordinate
        precision = incident.location.precision
        radius = IncidentLinker.radius(precision)
    }

    func describesSameEvent(as other: LinkKey) -> Bool {
        guard start < other.end && other.start < end else { return false }
        if let x = category, let y = other.category, x != y { return false }
        if let x = subtype, let y = other.subtype, x != y { return false }
        if let x = action, let y = other.action, !x.mayBeSame(as: y) { return false }
        if let x = country, let y = other.country, x != y { return false }
        if let x = coordinate, let y = other.coordinate {
            let reach = radius + other.radius
            // A degree of latitude is at least 110 km: most pairs are ruled out before the exact distance.
            if abs(x.latitude - y.latitude) * 110.0 > reach { return false }
            return IncidentLinker.distanceKilometres(x, y) <= reach
        }
        if let x = region, let y = other.region { return x == y }
        return country != nil && country == other.country && (precision >= .region || other.precision >= .region)
    }
}

/// A bucket of the linking sweep: a country and a target category, either possibly unknown.
struct BucketKey: Hashable {
    var country: String?
    var category: TargetCategory?

    init(_ key: LinkKey) {
        country = key.country
        category = key.category
    }

    /// Whether records in this bucket could be linked to `key`: unknowns match anything.
    func couldMatch(_ key: LinkKey) -> Bool {
        (country == nil || key.country == nil || country == key.country) && (category == nil || key.category == nil || category == key.category)
    }
}
