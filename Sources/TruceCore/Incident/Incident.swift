import Foundation

/// Something that happened, as its sources report it, with the uncertainty of when and where.
public struct Incident: Hashable, Codable, Sendable, Identifiable {
    public var id: IncidentID
    public var time: IncidentTime
    public var location: IncidentLocation
    /// `nil` when the sources do not say how force was used.
    public var action: ActionType?
    /// Whether the act reached its target (`hit`) or not (`intercepted`, `attempted`); `nil` when not stated.
    public var outcome: Outcome?
    /// How many acts the record reports when it counts several ("14 drone attacks in 24 hours" → 14); `nil` for
    /// one act. An aggregate is judged as one record: each of its acts shares its time, place, target and party.
    public var acts: Int?
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
        id: IncidentID, time: IncidentTime, location: IncidentLocation, action: ActionType?, outcome: Outcome? = nil,
        acts: Int? = nil, target: Target, perpetrator: Attribution?, effects: Effects = Effects(), description: String,
        claims: [Claim] = [], sources: [SourceRecord] = []
    ) {
        self.id = id
        self.time = time
        self.location = location
        self.action = action
        self.outcome = outcome
        self.acts = acts
        self.target = target
        self.perpetrator = perpetrator
        self.effects = effects
        self.description = description
        self.claims = claims
        self.sources = sources
    }
}

/// When an incident happened: a span that surely contains it, and how precise that is.
///
/// When the source states no time (precision ``TimePrecision/unstated``), the span is when it was reported, and
/// the incident happened at an unstated time before the span's end. The span stays short, so incidents are
/// still found by their start; ``latestEnd`` is the bound.
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

    /// Whether the source states when the incident happened; `false` for ``TimePrecision/unstated``.
    public var isStated: Bool { precision != .unstated }

    /// The latest the incident can have happened by: the span's end (the end of the report's span when the time is
    /// not stated); `nil` when open-ended.
    public var latestEnd: Date? { span.end }

    /// The span implied by a stated time and a precision: the whole minute, hour, day, week (seven days
    /// from the stated date), calendar month or year, counted in `zone`. For ``TimePrecision/unstated``, `stated`
    /// is when the incident was reported and the span is that day.
    public static func implied(by stated: StatedTime, precision: TimePrecision, in zone: ZoneIdentifier) -> IncidentTime {
        var base = stated
        switch precision {
        case .minute:
            base.clock?.second = 0
        case .hour:
            base.clock?.minute = 0
            base.clock?.second = 0
        case .day, .week, .unstated:
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
        case .day, .unstated: end = base.adding(days: 1).instant(in: zone)
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
    /// Every country the incident concerns when it is more than one (a report of strikes on both sides of a
    /// border), ``country`` first; empty when it lies in one country. The place clause weighs each.
    public var countries: [String]

    public init(
        country: String?, admin1: String? = nil, place: String? = nil, coordinate: Coordinate? = nil, precision: GeoPrecision,
        countries: [String] = []
    ) {
        self.country = country
        self.admin1 = admin1
        self.place = place
        self.coordinate = coordinate
        self.precision = precision
        self.countries = countries
    }

    /// Whether the incident concerns more than one country.
    public var spansSeveralCountries: Bool { countries.count > 1 }
}

extension IncidentLocation {
    private enum CodingKeys: String, CodingKey { case country, admin1, place, coordinate, precision, countries }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            country: try container.decodeIfPresent(String.self, forKey: .country),
            admin1: try container.decodeIfPresent(String.self, forKey: .admin1),
            place: try container.decodeIfPresent(String.self, forKey: .place),
            coordinate: try container.decodeIfPresent(Coordinate.self, forKey: .coordinate),
            precision: try container.decode(GeoPrecision.self, forKey: .precision),
            countries: try container.decodeIfPresent([String].self, forKey: .countries) ?? [])
    }

    /// Written as the synthesized code would, but `countries` only when there are some, so that incidents in
    /// one country keep the JSON they had before the field existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(country, forKey: .country)
        try container.encodeIfPresent(admin1, forKey: .admin1)
        try container.encodeIfPresent(place, forKey: .place)
        try container.encodeIfPresent(coordinate, forKey: .coordinate)
        try container.encode(precision, forKey: .precision)
        if !countries.isEmpty { try container.encode(countries, forKey: .countries) }
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

extension Incident {
    /// Whether a reviewer of the mission rejected this record (a claim of stance ``Claim/Stance/rejection``): it is
    /// kept, but judged against no agreement and counted as evidence for nothing.
    public var isRejectedByReview: Bool { claims.contains(where: \.isRejection) }
}
