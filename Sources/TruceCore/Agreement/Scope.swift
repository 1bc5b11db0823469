/// What an agreement covers: where, which targets, which actions, and what is excepted.
///
/// An empty list means "no restriction": an agreement with no `targets` covers every target.
public struct Scope: Hashable, Codable, Sendable {
    public var include: [GeoArea]
    public var exclude: [GeoArea]
    public var targets: [TargetScope]
    public var actions: [ActionType]
    public var exceptions: [ScopeException]
    /// Whether an attempt (an intercepted or failed attack) violates the agreement; ``AttemptRule/violate`` by default.
    public var attempts: AttemptRule

    public init(
        include: [GeoArea] = [], exclude: [GeoArea] = [], targets: [TargetScope] = [], actions: [ActionType] = [],
        exceptions: [ScopeException] = [], attempts: AttemptRule = .violate
    ) {
        self.include = include
        self.exclude = exclude
        self.targets = targets
        self.actions = actions
        self.exceptions = exceptions
        self.attempts = attempts
    }

    /// Whether the scope covers a target of `category` and, if known, `subtype`. A whole category covers every
    /// subtype and a target whose subtype is not known, whether or not it lists the subtypes it names
    /// (``TargetScope/including``).
    ///
    /// Returns `nil` when the answer depends on a subtype that is not known.
    public func covers(category: TargetCategory, subtype: String?) -> Bool? {
        guard !targets.isEmpty else { return true }
        var listed = false
        var subtypeListed = false
        for target in targets where target.category == category {  // no allocation: this runs per judged pair
            if target.subtypes.isEmpty { return true }
            listed = true
            if let subtype, target.subtypes.contains(subtype) { subtypeListed = true }
        }
        guard listed else { return false }
        return subtype == nil ? nil : subtypeListed
    }

    /// Whether the scope prohibits `action` (every action when the list is empty). A prohibited ``ActionType/strike``
    /// prohibits every strike kind; a ``ActionType/strike`` of unstated weapon is prohibited when every strike kind
    /// is, and `nil` (it may be) when only some are.
    public func prohibition(of action: ActionType) -> Bool? {
        if actions.isEmpty || actions.contains(action) { return true }
        if action.isStrikeKind { return actions.contains(.strike) }
        guard action == .strike else { return false }
        let listed = ActionType.strikeKinds.filter(actions.contains).count
        return listed == ActionType.strikeKinds.count ? true : listed > 0 ? nil : false
    }

    /// Whether the scope surely prohibits `action` (``prohibition(of:)`` is `true`).
    public func prohibits(_ action: ActionType) -> Bool { prohibition(of: action) == true }
}

extension Scope {
    private enum CodingKeys: String, CodingKey { case include, exclude, targets, actions, exceptions, attempts }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            include: try container.decode([GeoArea].self, forKey: .include),
            exclude: try container.decode([GeoArea].self, forKey: .exclude),
            targets: try container.decode([TargetScope].self, forKey: .targets),
            actions: try container.decode([ActionType].self, forKey: .actions),
            exceptions: try container.decode([ScopeException].self, forKey: .exceptions),
            attempts: try container.decodeIfPresent(AttemptRule.self, forKey: .attempts) ?? .violate)
    }

    /// `attempts` is written only when it is not the default, so agreements keep the JSON they had before it existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(include, forKey: .include)
        try container.encode(exclude, forKey: .exclude)
        try container.encode(targets, forKey: .targets)
        try container.encode(actions, forKey: .actions)
        try container.encode(exceptions, forKey: .exceptions)
        if attempts != .violate { try container.encode(attempts, forKey: .attempts) }
    }
}

/// A covered target category: restricted to some subtypes, or whole, optionally naming the subtypes its text
/// says it includes ("energy infrastructure, including refineries, pipelines …").
public struct TargetScope: Hashable, Codable, Sendable {
    public var category: TargetCategory
    /// The only subtypes covered; empty means the whole category.
    public var subtypes: [String]
    /// For a whole category, the subtypes the text names as included. They restrict nothing: every subtype of
    /// the category is covered, and so is a target known only by its category.
    public var including: [String]
    public var source: SourceReference?

    public init(category: TargetCategory, subtypes: [String] = [], including: [String] = [], source: SourceReference? = nil) {
        self.category = category
        self.subtypes = subtypes
        self.including = including
        self.source = source
    }

    /// Whether the whole category is covered.
    public var isWholeCategory: Bool { subtypes.isEmpty }
}

extension TargetScope {
    private enum CodingKeys: String, CodingKey { case category, subtypes, including, source }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            category: try container.decode(TargetCategory.self, forKey: .category),
            subtypes: try container.decode([String].self, forKey: .subtypes),
            including: try container.decodeIfPresent([String].self, forKey: .including) ?? [],
            source: try container.decodeIfPresent(SourceReference.self, forKey: .source))
    }

    /// `including` is written only when it names some, so agreements keep the JSON they had before it existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(category, forKey: .category)
        try container.encode(subtypes, forKey: .subtypes)
        if !including.isEmpty { try container.encode(including, forKey: .including) }
        try container.encodeIfPresent(source, forKey: .source)
    }
}

/// A stated exception to the scope, e.g. "strikes in self-defence".
public struct ScopeException: Hashable, Codable, Sendable {
    public var text: String
    public var source: SourceReference?

    public init(text: String, source: SourceReference? = nil) {
        self.text = text
        self.source = source
    }
}

/// A place an agreement includes or excludes.
public struct GeoArea: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Codable, Sendable {
        /// An ISO 3166-1 alpha-2 country code, e.g. `UA`.
        case country
        /// An ISO 3166-2 subdivision code, e.g. `UA-43` or `PS-GZA`.
        case region
        /// A maritime zone, by a snake_case identifier, e.g. `black_sea`.
        case sea
        /// A polygon given as a ring of coordinates.
        case polygon
    }

    public var kind: Kind
    /// The code or identifier; empty for a polygon.
    public var code: String
    public var name: String?
    /// The outer ring, for a polygon.
    public var ring: [Coordinate]

    public init(kind: Kind, code: String, name: String? = nil, ring: [Coordinate] = []) {
        self.kind = kind
        self.code = code
        self.name = name
        self.ring = ring
    }

    /// The ISO country this area lies in, where its code says so (`UA-43` → `UA`).
    public var countryCode: String? {
        switch kind {
        case .country: return code
        case .region: return code.split(separator: "-").first.map(String.init)
        case .sea, .polygon: return nil
        }
    }
}

/// A WGS 84 position in decimal degrees.
public struct Coordinate: Hashable, Codable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Whether the values are within the valid ranges (latitude ±90, longitude ±180).
    public var isValid: Bool { (-90...90).contains(latitude) && (-180...180).contains(longitude) }
}
