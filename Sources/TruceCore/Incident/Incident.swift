import Foundation

/// Something that happened, as its sources report it, with the uncertainty of when and where.
public struct Incident: Hashable, Codable, Sendable, Identifiable {
    public var id: IncidentID
    public var time: IncidentTime
    public var location: IncidentLocation
    /// `nil` when the sources do not say how force was used.
    public var action: ActionType?
    public var target: Target
    /// The perpetrator as a source attributes it, never as fact.
    public var perpetrator: Attribution?
    public var effects: Effects
    /// A short description in Truce's own words.
    public var description: String
    /// Statements about the incident, each by its claimant.
    public var claims: [Claim]
    /// Every source record, verbatim, with where it was read.
    public var sources: [SourceRecord]

    public init(
        id: IncidentID, time: IncidentTime, location: IncidentLocation, action: ActionType?, target: Target,
        perpetrator: Attribution?, effects: Effects = Effects(), description: String, claims: [Claim] = [],
        sources: [SourceRecord] = []
    ) {
        self.id = id
        self.time = time
        self.location = location
        self.action = action
        self.target = target
        self.perpetrator = perpetrator
        self.effects = effects
        self.description = description
        self.claims = claims
        self.sources = sources
    }
}

/// When an incident happened: a span that surely contains it, and how precise that is.
public struct IncidentTime: Hashable, Codable, Sendable {
    public var span: TimeSpan
    public var precision: TimePrecision
    /// The local zone the source stated the time in.
    public var timeZone: ZoneIdentifier?

    public init(span: TimeSpan, precision: TimePrecision, timeZone: ZoneIdentifier? = nil) {
        self.span = span
        self.precision = precision
        self.timeZone = timeZone
    }

    /// The span implied by a stated time and a precision: the whole minute, hour, day, week (seven days
    /// from the stated date), calendar month or year, counted in `zone`.
    public static func implied(by stated: StatedTime, precision: TimePrecision, in zone: ZoneIdentifier) -> IncidentTime {
        var base = stated
        switch precision {
        case .minute:
            base.clock?.second = 0
        case .hour:
            base.clock?.minute = 0
            base.clock?.second = 0
        case .day, .week:
            base.clock = nil
        case .month:
            base = stated.startOfMonth(adding: 0)
        case .year:
            base = StatedTime(year: stated.year, month: 1, day: 1, utcOffset: stated.utcOffset)
        }
        let start = base.instant(in: zone)
        let end: Date
        switch precision {
        case .minute: end = start.addingTimeInterval(60)
        case .hour: end = start.addingTimeInterval(3600)
        case .day: end = base.adding(days: 1).instant(in: zone)
        case .week: end = base.adding(days: 7).instant(in: zone)
        case .month: end = base.startOfMonth(adding: 1).instant(in: zone)
        case .year: end = base.startOfMonth(adding: 12).instant(in: zone)
        }
        return IncidentTime(span: TimeSpan(start: start, end: end), precision: precision, timeZone: zone)
    }
}

/// Where an incident happened, with named places and precision.
public struct IncidentLocation: Hashable, Codable, Sendable {
    /// ISO 3166-1 alpha-2 country code.
    public var country: String?
    /// The first-order division's name, e.g. `Kharkiv Oblast`.
    public var admin1: String?
    /// The locality's name.
    public var place: String?
    public var coordinate: Coordinate?
    public var precision: GeoPrecision

    public init(country: String?, admin1: String? = nil, place: String? = nil, coordinate: Coordinate? = nil, precision: GeoPrecision) {
        self.country = country
        self.admin1 = admin1
        self.place = place
        self.coordinate = coordinate
        self.precision = precision
    }
}

/// What was struck. Any part may be unknown.
public struct Target: Hashable, Codable, Sendable {
    public var category: TargetCategory?
    public var subtype: String?
    /// The facility's name, e.g. `Sudzha gas metering station`.
    public var name: String?

    public init(category: TargetCategory?, subtype: String? = nil, name: String? = nil) {
        self.category = category
        self.subtype = subtype
        self.name = name
    }
}

/// A perpetrator as someone attributes it.
public struct Attribution: Hashable, Codable, Sendable {
    public var party: PartyID
    /// Who makes the attribution, e.g. `Ministry of Defence of Russia`.
    public var attributedBy: String

    public init(party: PartyID, attributedBy: String) {
        self.party = party
        self.attributedBy = attributedBy
    }
}

/// The human and material toll reported.
public struct Effects: Hashable, Codable, Sendable {
    public var fatalities: Int?
    public var injured: Int?

    public init(fatalities: Int? = nil, injured: Int? = nil) {
        self.fatalities = fatalities
        self.injured = injured
    }
}
