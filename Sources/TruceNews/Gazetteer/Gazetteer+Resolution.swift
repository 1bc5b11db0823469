import TruceCore

extension Gazetteer {
    /// What a place name stands for.
    public enum Resolution: Sendable, Hashable {
        /// One place, or one that the rules prefer (see ``Gazetteer/resolve(_:near:inRegion:country:region:)``).
        case unique(Place)
        /// Several places share the name and nothing decides between them; the most populous first.
        case ambiguous([Place])
        /// No place of that name (in that country or region).
        case unknown

        /// The place, when the name is resolved to one.
        public var place: Place? {
            if case .unique(let place) = self { return place }
            return nil
        }

        /// Every place still in question: the one place, the namesakes, or none.
        public var candidates: [Place] {
            switch self {
            case .unique(let place): [place]
            case .ambiguous(let places): places
            case .unknown: []
            }
        }
    }

    /// A namesake within this many kilometres of a place named nearby is the one meant.
    public static let nearbyKilometres = 100.0
    /// A city at least this populous is preferred over namesakes ``bigCityFactor`` times smaller.
    public static let bigCityPopulation = 100_000
    /// How many times larger than every namesake a big city must be to be preferred.
    public static let bigCityFactor = 10

    /// The place `name` stands for.
    ///
    /// The rules, in order:
    /// 1. A region when asked for one: `region` is true, or `name` ends in a region word that is not part of a
    ///    known name ("the Kherson region", "Moscow Oblast", "Київська область" is a name of its own). Of several
    ///    regions, one named "<name> Oblast" (or Krai, Region) wins: "Moscow region" is Moscow Oblast, not the city
    ///    of federal status. When no region bears the name, the region of the locality it resolves to.
    ///    Otherwise a locality, when one bears the name ("Kherson" is the city, not the oblast).
    /// 2. Only places in `country` (ISO alpha-2) and in the region `admin1` (any name Truce knows for it:
    ///    "Kharkov Oblast" finds places of "Kharkiv Oblast"), when given; none left is `.unknown`.
    /// 3. A place listed twice (the same name within 5 km in one country) counts once.
    /// 4. Namesakes near a hint decide: within ``nearbyKilometres`` of a locality hint, or in a region hint.
    /// 5. A big city wins over much smaller namesakes: at least ``bigCityPopulation`` inhabitants and
    ///    ``bigCityFactor`` times any other, when the name is the city's own or at most two other places share it
    ///    ("Zaporizhzhia" is the city, not the village; "Oleksandrivka", once Donetsk's name, stays the villages').
    /// 6. A place called so by its own name wins over places that bear it only as an old or foreign name
    ///    ("Pokrovsk" is Pokrovsk, not Engels).
    ///
    /// Otherwise the name stays `.ambiguous`.
    ///
    /// - Parameters:
    ///   - name: the name as written, in any case, with or without diacritics; inflected forms are not recognised.
    ///   - hints: places named nearby in the same text.
    ///   - admin1: the first-level region the text puts the place in.
    ///   - country: the ISO 3166-1 alpha-2 code of the country the text puts the place in.
    ///   - region: whether the text names a region ("the Kherson region" written as "Kherson" and `true`).
    public func resolve(_ name: String, near hints: [Place] = [], inRegion admin1: String? = nil, country: String? = nil, region: Bool = false)
        -> Resolution
    {
        var wantsRegion = region
        var query = PlaceNameKey.make(name)
        var found = entries(key: PlaceNameKey(query))
        if found.isEmpty, query.hasPrefix("the ") {
            query.removeFirst(4)
            found = entries(key: PlaceNameKey(query))
        }
        if found.isEmpty, let bare = Self.regionName(in: query) {
            query = bare
            found = entries(key: PlaceNameKey(bare))
            wantsRegion = true
        }
        var candidates = found.map { Candidate(place: places[Int($0.place)], isOwnName: $0.isOwnName) }
        if wantsRegion {
            candidates = candidates.filter { $0.place.kind == .region }
            if candidates.isEmpty {
                return regions(of: resolve(query, near: hints, inRegion: admin1, country: country))
            }
            let named = candidates.filter { candidate in
                Self.regionWords.contains { PlaceNameKey.make(candidate.place.name) == query + " " + $0 }
            }
            if !named.isEmpty { candidates = named }
        } else if candidates.contains(where: { $0.place.kind == .locality }) {
            candidates = candidates.filter { $0.place.kind == .locality }
        }
        if let country {
            candidates = candidates.filter { $0.place.country.uppercased() == country.uppercased() }
        }
        if let admin1 {
            candidates = candidates.filter { Self.place($0.place, isIn: admin1) }
        }
        return decide(Self.withoutTwins(candidates), hints: hints)
    }

    /// The name a region phrase names: "the Kherson region" → "kherson", "Kursk Oblast" → "kursk", "Курская
    /// область" → "курская" (as a ``key(for:)`` key); `nil` when `text` does not end in a region word.
    public static func regionName(in text: String) -> String? {
        var words = PlaceNameKey.make(text).split(separator: " ")
        if words.first == "the" { words.removeFirst() }
        guard words.count >= 2, let last = words.last, regionWords.contains(String(last)) else { return nil }
        return words.dropLast().joined(separator: " ")
    }

    /// Words that make the name before them a first-level region's (as keys).
    static let regionWords: [String] = ["oblast", "region", "krai", "kray", "province", "governorate", "область", "обл", "край", "регион", "регіон"]

    /// A place the name may stand for, and whether the name is the place's own.
    struct Candidate {
        var place: Place
        var isOwnName: Bool
    }

    private func decide(_ found: [Candidate], hints: [Place]) -> Resolution {
        var candidates = found
        guard candidates.count > 1 else { return candidates.first.map { .unique($0.place) } ?? .unknown }
        let near = candidates.filter { candidate in hints.contains { Self.isNear(candidate.place, $0) } }
        if !near.isEmpty { candidates = near }
        if candidates.count == 1 { return .unique(candidates[0].place) }

        let ranked = candidates.sorted { ($0.place.population ?? 0) > ($1.place.population ?? 0) }
        let largest = ranked[0].place.population ?? 0
        if largest >= Self.bigCityPopulation, ranked[0].isOwnName || ranked.count <= 3,
            ranked.dropFirst().allSatisfy({ ($0.place.population ?? 0) * Self.bigCityFactor <= largest })
        {
            return .unique(ranked[0].place)
        }
        let own = candidates.filter(\.isOwnName)
        if !own.isEmpty { candidates = own }
        if candidates.count == 1 { return .unique(candidates[0].place) }
        return .ambiguous(sorted(candidates.map(\.place)))
    }

    /// The regions of the localities a resolution names.
    private func regions(of resolution: Resolution) -> Resolution {
        var seen = Set<Place>()
        let regions = resolution.candidates.compactMap { region(of: $0) }.filter { seen.insert($0).inserted }
        switch regions.count {
        case 0: return .unknown
        case 1: return .unique(regions[0])
        default: return .ambiguous(sorted(regions))
        }
    }

    /// Whether `place` lies in the region `admin1`, by any name Truce knows for it.
    static func place(_ place: Place, isIn admin1: String) -> Bool {
        let wanted = PlaceNameKey.make(admin1)
        if place.kind == .region, PlaceNameKey.make(place.name) == wanted { return true }
        guard let own = place.admin1 ?? (place.kind == .region ? place.name : nil) else { return false }
        return PlaceNameKey.make(own) == wanted || Regions.place(country: place.country, admin1: own, isIn: admin1)
    }

    /// Whether `candidate` is near `hint`: within ``nearbyKilometres`` of a locality, or in the same region as a region.
    static func isNear(_ candidate: Place, _ hint: Place) -> Bool {
        guard candidate.country == hint.country || (candidate.kind == .locality && hint.kind == .locality) else { return false }
        switch (candidate.kind, hint.kind) {
        case (.locality, .locality): return candidate.kilometres(to: hint) <= nearbyKilometres
        case (_, .region): return place(candidate, isIn: hint.admin1 ?? hint.name)
        case (.region, .locality): return place(hint, isIn: candidate.admin1 ?? candidate.name)
        }
    }

    /// The candidates without a second listing of one place (one name within 5 km in one country), the more
    /// populous kept.
    static func withoutTwins(_ candidates: [Candidate]) -> [Candidate] {
        guard candidates.count > 1 else { return candidates }
        var kept: [(candidate: Candidate, key: PlaceNameKey)] = []
        for candidate in candidates.sorted(by: { ($0.place.population ?? 0) > ($1.place.population ?? 0) }) {
            let key = PlaceNameKey(candidate.place.name)
            let twin = kept.firstIndex { other in
                other.key == key && other.candidate.place.kind == candidate.place.kind && other.candidate.place.country == candidate.place.country
                    && other.candidate.place.kilometres(to: candidate.place) < 5
            }
            if let twin {
                kept[twin].candidate.isOwnName = kept[twin].candidate.isOwnName || candidate.isOwnName
            } else {
                kept.append((candidate, key))
            }
        }
        return kept.map(\.candidate)
    }
}
