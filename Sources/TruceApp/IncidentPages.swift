import Foundation
import TruceCore
import TruceEngine
import TruceStore

/// A rectangle of longitudes and latitudes, as GeoJSON's `bbox` orders them: west, south, east, north.
/// A box whose west edge lies east of its east edge crosses the antimeridian.
public struct BoundingBox: Hashable, Sendable {
    public var minLongitude: Double
    public var minLatitude: Double
    public var maxLongitude: Double
    public var maxLatitude: Double

    /// A box from its four edges, or `nil` when a latitude lies outside -90...90, a longitude outside
    /// -180...180, or the south edge north of the north edge.
    public init?(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
        let longitudes = -180.0...180.0
        let latitudes = -90.0...90.0
        guard longitudes.contains(minLongitude), longitudes.contains(maxLongitude), latitudes.contains(minLatitude),
            latitudes.contains(maxLatitude), minLatitude <= maxLatitude
        else { return nil }
        self.minLongitude = minLongitude
        self.minLatitude = minLatitude
        self.maxLongitude = maxLongitude
        self.maxLatitude = maxLatitude
    }

    /// The box `minLon,minLat,maxLon,maxLat` stands for, or `nil` when the text is not four numbers making a box.
    public init?(text: String) {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, let west = numbers[0], let south = numbers[1], let east = numbers[2], let north = numbers[3] else {
            return nil
        }
        self.init(minLongitude: west, minLatitude: south, maxLongitude: east, maxLatitude: north)
    }

    /// Whether the box holds `coordinate`, edges included.
    public func contains(_ coordinate: Coordinate) -> Bool {
        guard (minLatitude...maxLatitude).contains(coordinate.latitude) else { return false }
        if minLongitude <= maxLongitude { return (minLongitude...maxLongitude).contains(coordinate.longitude) }
        return coordinate.longitude >= minLongitude || coordinate.longitude <= maxLongitude
    }
}

/// Which stored incidents a page lists: the filters of an incident listing, those of a verdict listing
/// (region, verdict, evidence level) and a bounding box. With a verdict kind or an evidence level, the incidents
/// are those of the matching stored verdicts (under `agreement` when given), as in an export; else, with an
/// agreement, those in its window and scope.
public struct IncidentPageRequest: Hashable, Sendable {
    /// The filters; their `limit` is not used (a page holds `limit` incidents).
    public var filter: IncidentListRequest
    /// A first-order region (any of its names) or a country code.
    public var region: String?
    /// Only incidents with a stored verdict of this kind.
    public var verdict: VerdictKind?
    /// Only incidents with a stored verdict at this evidence level.
    public var evidence: EvidenceLevel?
    /// Only incidents with a coordinate inside this box (an incident without a coordinate is left out).
    public var box: BoundingBox?
    /// List the incidents after this position (from the start when `nil`).
    public var after: PagePosition?
    /// At most this many incidents.
    public var limit: Int
    /// How much of each incident to read.
    public var detail: IncidentQuery.Detail

    public init(
        filter: IncidentListRequest = IncidentListRequest(), region: String? = nil, verdict: VerdictKind? = nil, evidence: EvidenceLevel? = nil,
        box: BoundingBox? = nil, after: PagePosition? = nil, limit: Int = 100, detail: IncidentQuery.Detail = .withoutSourceFields
    ) {
        self.filter = filter
        self.region = region
        self.verdict = verdict
        self.evidence = evidence
        self.box = box
        self.after = after
        self.limit = limit
        self.detail = detail
    }
}

/// A page of incidents, where the next one starts, and the zone the filter's days were counted in.
public struct IncidentPage: Sendable {
    public var incidents: [Incident]
    /// Where the next page starts, or `nil` when no incident follows.
    public var next: PagePosition?
    /// The agreement's zone, or `nil` for UTC.
    public var zone: ZoneIdentifier?
}

extension Incident {
    /// Where this incident stands in the store's order of incidents: pages that end with it go on after it.
    public var position: PagePosition {
        PagePosition(start: Int64(time.span.start.timeIntervalSince1970.rounded(.down)), incident: id)
    }
}

extension IncidentListing {
    /// One page of the incidents `request` asks for, in the store's order (start, then id). A page goes on after
    /// the position of the last incident it lists, so an incident added between two pages before that position
    /// is not listed, and none of those there at the first page is listed twice or left out.
    /// - Throws: ``NotFound`` when the request names an agreement the store does not hold.
    public static func page(_ request: IncidentPageRequest, in store: some VerdictStore) throws -> IncidentPage {
        precondition(request.limit > 0, "a page holds at least one incident")
        let filter = request.filter
        let found = try filter.agreement.map { try Agreements.named($0, in: store) }
        let zone = found?.timeZone
        guard request.verdict == nil && request.evidence == nil else { return try pageByVerdicts(request, zone: zone, in: store) }
        let query = storeQuery(for: request, agreement: found)
        let window = found?.outerSpan
        let (incidents, next) = try collect(
            limit: request.limit, after: request.after, batch: batch(request, agreement: found),
            read: { try store.incidents(matching: query, after: $0, limit: $1) },
            keeps: { keeps($0, agreement: found, window: window, box: request.box) },
            position: \.position)
        return IncidentPage(incidents: incidents, next: next, zone: zone)
    }

    /// The store's query for a page of `request` (without verdict filters) under `agreement`, the one it names.
    static func storeQuery(for request: IncidentPageRequest, agreement: Agreement?) -> IncidentQuery {
        let filter = request.filter
        return IncidentQuery(
            perpetrator: filter.party, during: during(filter.days, agreement: agreement), category: filter.category,
            country: filter.country, region: request.region, scope: agreement.map(ScopeColumns.init(of:)), detail: request.detail)
    }

    /// The span of `days` (the agreement's local days, else UTC), starting no earlier than the agreement's window
    /// opens: nothing that ended before it can be in its scope (an incident whose time is not stated happened
    /// before it was reported, so one reported before the window opened is out too), and without it a page under
    /// an agreement with no days asked would walk the store from its earliest incident. The window's end is no
    /// bound: an incident whose time is not stated, reported after the window closed, may have happened in it.
    static func during(_ days: DayRange, agreement: Agreement?) -> TimeSpan? {
        let asked = days.span(in: agreement?.timeZone ?? .utc)
        guard let opens = agreement?.outerSpan?.start else { return asked }
        guard let asked else { return TimeSpan(start: opens, end: nil) }
        return TimeSpan(start: max(asked.start, opens), end: asked.end)
    }

    /// How many incidents to read at once for a page: one past the page tells whether another follows. A box
    /// leaves out many of the incidents read, so then more than the page is read at once; an agreement's scope
    /// leaves out few of them once the store has read only those whose columns may fall in it (the screen still
    /// decides), so a little more.
    static func batch(_ request: IncidentPageRequest, agreement: Agreement?) -> Int {
        request.box != nil ? max(request.limit + 1, 200) : request.limit + 1 + (agreement != nil ? request.limit / 8 : 0)
    }

    /// The first `limit` items `read` gives, a batch at a time after `after`, that `keeps` keeps, and where the
    /// next page starts (the last item's position), or `nil` when no item follows.
    static func collect<Item>(
        limit: Int, after: PagePosition?, batch: Int, read: (PagePosition?, Int) throws -> Page<Item>, keeps: (Item) -> Bool,
        position: (Item) -> PagePosition
    ) throws -> (items: [Item], next: PagePosition?) {
        var items: [Item] = []
        items.reserveCapacity(limit)
        var cursor = after
        while true {
            let read = try read(cursor, batch)
            for item in read.items where keeps(item) {
                if items.count == limit { return (items, items.last.map(position)) }
                items.append(item)
            }
            guard let next = read.next else { return (items, nil) }
            cursor = next
        }
    }

    /// A page of the incidents of the stored verdicts that match, each once, in the verdicts' order (which is
    /// the incidents' order). Verdicts come by incident, so those of the incident a page ended with are skipped.
    private static func pageByVerdicts(_ request: IncidentPageRequest, zone: ZoneIdentifier?, in store: some VerdictStore) throws -> IncidentPage {
        let filter = request.filter
        let query = VerdictQuery(
            agreement: filter.agreement, perpetrator: filter.party, kind: request.verdict, evidence: request.evidence,
            during: filter.days.span(in: zone ?? .utc), region: request.region)
        let batch = max(request.limit + 1, 200)
        var incidents: [Incident] = []
        var cursor = request.after
        var last = request.after?.incident
        while true {
            let read = try store.verdicts(matching: query, after: cursor, limit: batch)
            var ids: [IncidentID] = []
            for stored in read.items where stored.verdict.incident != last && stored.verdict.incident != ids.last {
                ids.append(stored.verdict.incident)
            }
            last = ids.last ?? last
            for incident in try store.incidents(ids: ids, detail: request.detail) where matches(incident, filter) {
                guard keeps(incident, agreement: nil, window: nil, box: request.box) else { continue }
                if incidents.count == request.limit { return IncidentPage(incidents: incidents, next: incidents.last?.position, zone: zone) }
                incidents.append(incident)
            }
            guard let next = read.next else { return IncidentPage(incidents: incidents, next: nil, zone: zone) }
            cursor = next
        }
    }

    /// Whether `incident` has the filter's target category and lies in its country (one of its countries).
    private static func matches(_ incident: Incident, _ filter: IncidentListRequest) -> Bool {
        if let category = filter.category, incident.target.category != category { return false }
        if let country = filter.country, incident.location.country != country, !incident.location.countries.contains(country) { return false }
        return true
    }

    /// Whether a page keeps `incident`: inside the box, and not out of `agreement`'s scope, whose outer window
    /// is `window` (worked out once per page).
    static func keeps(_ incident: Incident, agreement: Agreement?, window: TimeSpan?, box: BoundingBox?) -> Bool {
        if let box {
            guard let coordinate = incident.location.coordinate, box.contains(coordinate) else { return false }
        }
        if let agreement { return ScopeScreen.screen(incident, against: agreement, window: window) != .outOfScope }
        return true
    }
}
