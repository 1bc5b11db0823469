import TruceCore
import TruceEngine
import TruceStore

/// Which stored incidents to list. With an agreement, only incidents in its window and scope (including
/// uncertain ones), and days are its local days; without one, UTC days.
public struct IncidentListRequest: Hashable, Sendable {
    public var agreement: AgreementID?
    /// Incidents attributed to this party.
    public var party: PartyID?
    public var days: DayRange
    public var category: TargetCategory?
    /// An ISO 3166-1 alpha-2 country code.
    public var country: String?
    /// At most this many incidents; `nil` for all.
    public var limit: Int?

    public init(
        agreement: AgreementID? = nil, party: PartyID? = nil, days: DayRange = DayRange(), category: TargetCategory? = nil,
        country: String? = nil, limit: Int? = nil
    ) {
        self.agreement = agreement
        self.party = party
        self.days = days
        self.category = category
        self.country = country
        self.limit = limit
    }
}

/// Stored incidents listed, with the zone their days were counted in.
public struct IncidentList: Sendable {
    public var incidents: [Incident]
    /// The agreement's zone, or `nil` for UTC.
    public var zone: ZoneIdentifier?
}

/// Listing stored incidents.
public enum IncidentListing {
    /// The incidents `request` asks for, in the store's order.
    /// - Throws: ``NotFound`` when the request names an agreement the store does not hold.
    public static func list(_ request: IncidentListRequest, in store: some Store) throws -> IncidentList {
        let found = try request.agreement.map { try Agreements.named($0, in: store) }
        let zone = found?.timeZone
        let query = IncidentQuery(
            perpetrator: request.party, during: during(request.days, agreement: found), category: request.category,
            country: request.country,
            scope: found.map(ScopeColumns.init(of:)), limit: found == nil ? request.limit : nil)
        var incidents = try store.incidents(matching: query)
        if let found {
            let window = found.outerSpan
            incidents = incidents.filter { ScopeScreen.screen($0, against: found, window: window) != .outOfScope }
            if let limit = request.limit { incidents = Array(incidents.prefix(limit)) }
        }
        return IncidentList(incidents: incidents, zone: zone)
    }
}
