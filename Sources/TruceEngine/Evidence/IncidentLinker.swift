import Foundation
import TruceCore

/// Links records from different sources that describe the same event, so their claims count together.
///
/// Two records **fit** when:
/// - their time spans overlap, and they are not two rows of a dataset that codes one row per event (ACLED);
/// - they are close enough for both precisions: their points at most the sum of their radii apart (exact 1 km,
///   locality 10 km, nearby 25 km, district 60 km, region 250 km, country 1,000 km); without both points, the
///   same locality (and region, where both name one); a record known only to its region or country fits the
///   records in it;
/// - their target categories agree (or one is unknown), and so do their subtypes, and their targets' names
///   (where both are named, the words of one include the other's: "Sudzha station", "Sudzha gas metering station");
/// - their actions agree (or one is unknown, or one is a `strike` of unstated weapon and the other an air,
///   missile or drone strike), unless both name the target in full, or both report a strike from the air on a
///   target of the same category (claims disagreeing on the weapon) (category and subtype, or
///   name): then they are competing claims about one event, whose evidence is `contested`.
///
/// An **event** is a set of records that all fit one another: a record joins an event only when it fits every
/// record already in it, so events never chain through a record that fits two of them. Records are placed
/// most precise first (shortest span, smallest radius, then start and id), each in the first event it fits
/// (in the order events were begun), so the events do not depend on the order records are given in.
///
/// Some records are never placed in an event with others:
/// - a record of no hostile act (``ActionType/noHostileAct``): it is an event of its own;
/// - a **vague** record, one that could describe many events: a span longer than
///   ``longestPlaceableSpan`` (two days), a place known only to the region or country (or not at all), no
///   point and no locality, an aggregate (`acts` above 1), a time not stated, or several countries. It is an event of its own that *may describe* the events it fits as a whole.
public struct IncidentLinker: Sendable {
    /// The longest span of a record placed in an event with others: two days. A longer one is vague.
    public static let longestPlaceableSpan: TimeInterval = 2 * 86_400

    public init() {}

    /// Groups of linked incident ids, each by start then id; every incident is in exactly one group (alone if
    /// nothing links to it). Groups are sorted by their first id.
    public func groups(_ incidents: [Incident]) -> [[IncidentID]] { events(incidents).map(\.records) }

    /// The events the records describe, sorted by id: every record is in exactly one.
    public func events(_ incidents: [Incident]) -> [LinkedEvent] {
        Self.events(keys: keys(incidents), ids: incidents.map(\.id))
    }

    /// The link keys of `incidents`, by position.
    func keys(_ incidents: [Incident]) -> [LinkKey] {
        var names = PlaceNameKeys()
        return incidents.map { names.key($0) }
    }

    /// The events of the records with `keys`, ids by position.
    static func events(keys: [LinkKey], ids: [IncidentID]) -> [LinkedEvent] {
        var linked = MemberPlacement(keys: keys, ids: ids)
        var mayDescribe: [Int32: [Int32]] = [:]  // by vague record: the events it fits as a whole
        for position in keys.indices where keys[position].role == .vague {
            let described = linked.eventsDescribed(by: keys[position])
            if !described.isEmpty { mayDescribe[Int32(position)] = described }
        }
        return linked.placement.events(linked, mayDescribe: mayDescribe)
    }

    /// Whether two records plausibly describe the same event.
    public static func describeSameEvent(_ a: Incident, _ b: Incident) -> Bool {
        LinkKey(a).fits(LinkKey(b))
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

/// An event: the records that describe one happening.
public struct LinkedEvent: Hashable, Sendable {
    /// The event's id: the id of its first record by start, then id.
    public var id: IncidentID
    /// Its records, by start then id.
    public var records: [IncidentID]
    /// For a record too vague to be placed in one event: the ids of the events it may describe, sorted.
    public var mayDescribe: [IncidentID]

    public init(id: IncidentID, records: [IncidentID], mayDescribe: [IncidentID] = []) {
        self.id = id
        self.records = records
        self.mayDescribe = mayDescribe
    }
}

/// Which event each record is in, with each event's members as a linked list (events are small).
struct Placement {
    /// The event of each record, by position; -1 until placed.
    private(set) var event: [Int32]
    /// The next member of the same event, by position; -1 at the end.
    private var next: [Int32]
    /// The first member of each event, by event number.
    private var first: [Int32] = []

    init(count: Int) {
        event = [Int32](repeating: -1, count: count)
        next = [Int32](repeating: -1, count: count)
    }

    /// How many events records were placed in.
    var eventCount: Int { first.count }

    /// Places the record at `position` in `existing`, or in a new event.
    mutating func place(_ position: Int32, in existing: Int32?) {
        if let existing {
            next[Int(position)] = first[Int(existing)]
            first[Int(existing)] = position
            event[Int(position)] = existing
        } else {
            event[Int(position)] = Int32(first.count)
            first.append(position)
        }
    }

    /// Whether every member of event `number` satisfies `condition`.
    func allMembers(of number: Int32, _ condition: (Int32) -> Bool) -> Bool {
        var member = first[Int(number)]
        while member != -1 {
            if !condition(member) { return false }
            member = next[Int(member)]
        }
        return true
    }

    /// The members of event `number`.
    func members(of number: Int32) -> [Int32] {
        var members: [Int32] = []
        var member = first[Int(number)]
        while member != -1 {
            members.append(member)
            member = next[Int(member)]
        }
        return members
    }

    /// Every event: those placed, and each record left unplaced alone, with what it may describe.
    func events(_ linked: MemberPlacement, mayDescribe: [Int32: [Int32]]) -> [LinkedEvent] {
        let ids = linked.ids
        var events = first.indices.map { number in
            let records = linked.orderedMembers(of: Int32(number)).map { ids[Int($0)] }
            return LinkedEvent(id: records[0], records: records)
        }
        for position in ids.indices where event[position] == -1 {
            let described = mayDescribe[Int32(position)].map { $0.map { events[Int($0)].id }.sorted() } ?? []
            events.append(LinkedEvent(id: ids[position], records: [ids[position]], mayDescribe: described))
        }
        return events.sorted { $0.id < $1.id }
    }
}
