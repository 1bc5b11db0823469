/// What an agreement covers: where, which targets, which actions, and what is excepted.
///
/// An empty list means "no restriction": an agreement with no `targets` covers every target.
public struct Scope: Hashable, Codable, Sendable {
    public var include: [GeoArea]
    public var exclude: [GeoArea]
    public var targets: [TargetScope]
    public var actions: [ActionType]
    public var exceptions: [ScopeException]

    public init(
        include: [GeoArea] = [], exclude: [GeoArea] = [], targets: [TargetScope] = [], actions: [ActionType] = [],
        exceptions: [ScopeException] = []
    ) {
        self.include = include
        self.exclude = exclude
        self.targets = targets
        self.actions = actions
        self.exceptions = exceptions
    }

    /// Whether the scope covers a target of `category` and, if known, `subtype`.
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

    /// Whether the scope prohibits `action` (every action when the list is empty).
    public func prohibits(_ action: ActionType) -> Bool { actions.isEmpty || actions.contains(action) }
}

/// A covered target category, whole or restricted to some subtypes.
public struct TargetScope: Hashable, Codable, Sendable {
    public var category: TargetCategory
    /// Empty means the whole category.
    public var subtypes: [String]
    public var source: SourceReference?

    public init(category: TargetCategory, subtypes: [String] = [], source: SourceReference? = nil) {
        self.category = category
        self.subtypes = subtypes
        self.source = source
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
