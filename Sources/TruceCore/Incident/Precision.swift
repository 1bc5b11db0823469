/// How precisely an incident's time is known.
public enum TimePrecision: String, CaseIterable, Hashable, Codable, Sendable, Comparable {
    case minute, hour, day, week, month, year
    /// The source states no time at all. The incident's span is then when it was reported (the publication
    /// day, or the span a report covers), and the incident happened at an unstated time before that span ends:
    /// the span bounds it from above only. See ``IncidentTime/isStated``.
    case unstated

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// How precisely an incident's place is known.
public enum GeoPrecision: String, CaseIterable, Hashable, Codable, Sendable, Comparable {
    /// The exact point.
    case exact
    /// The town or village.
    case locality
    /// Near a named place (within about 25 km).
    case nearby
    /// A second-order division (district, raion).
    case district
    /// A first-order division (oblast, krai, governorate).
    case region
    case country
    /// Not stated.
    case unknown

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
