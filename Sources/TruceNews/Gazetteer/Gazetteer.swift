import Foundation
import TruceCore

/// Places by name, to resolve the place names news reports give: localities and first-level regions with their
/// coordinates, country, region and population, found by any of their names in any case, with or without
/// diacritics, in Latin or Cyrillic letters ("Kyiv", "Kiev", "Київ", "Киев").
///
/// Built once, then every lookup is one dictionary access.
///
/// ```swift
/// let gazetteer = Gazetteer.bundled
/// gazetteer.resolve("Kharkov")                          // .unique(Kharkiv)
/// gazetteer.resolve("Kherson", region: true)            // .unique(Kherson Oblast)
/// gazetteer.resolve("Oleksandrivka")                    // .ambiguous([...]): dozens of villages
/// gazetteer.resolve("Oleksandrivka", inRegion: "Kherson Oblast")
/// ```
public struct Gazetteer: Sendable {
    /// A locality or a first-level region.
    public struct Place: Sendable, Hashable, Codable {
        /// Whether a place is a locality (a city, town or village) or a first-level region (an oblast, krai,
        /// district, the Gaza Strip).
        public enum Kind: String, Sendable, Hashable, Codable { case locality, region }

        /// The place's own name, in English where the source has one ("Kyiv", "Kherson Oblast").
        public var name: String
        public var latitude: Double
        public var longitude: Double
        /// ISO 3166-1 alpha-2 code.
        public var country: String
        /// The first-level region's English name ("Kherson Oblast", "Gaza Strip"); a region's own name for a region.
        public var admin1: String?
        /// Inhabitants, where the source gives them.
        public var population: Int?
        public var kind: Kind
        /// The other names the place is found by (other spellings, languages and scripts).
        public var alternateNames: [String]

        public init(
            name: String, latitude: Double, longitude: Double, country: String, admin1: String? = nil, population: Int? = nil,
            kind: Kind = .locality, alternateNames: [String] = []
        ) {
            self.name = name
            self.latitude = latitude
            self.longitude = longitude
            self.country = country
            self.admin1 = admin1
            self.population = population
            self.kind = kind
            self.alternateNames = alternateNames
        }

        public var coordinate: Coordinate { Coordinate(latitude: latitude, longitude: longitude) }

        /// The great-circle distance to `other`, in kilometres.
        public func kilometres(to other: Place) -> Double {
            let radians = Double.pi / 180
            let dLatitude = (other.latitude - latitude) * radians
            let dLongitude = (other.longitude - longitude) * radians
            let h =
                sin(dLatitude / 2) * sin(dLatitude / 2) + cos(latitude * radians) * cos(other.latitude * radians)
                * sin(dLongitude / 2) * sin(dLongitude / 2)
            return 2 * 6371.0 * asin(min(1, h.squareRoot()))
        }
    }

    /// The kind of a place (``Place/Kind``).
    public typealias Kind = Place.Kind

    /// One place a key names, whether by its own name (not an alternate name), and the next place the key names.
    struct Entry: Sendable {
        var place: Int32
        var isOwnName: Bool
        var next: Int32
    }

    /// Every place, in the order given.
    public let places: [Place]
    /// Key → the first of the entries for the places bearing that name, chained through `chain` (one array for
    /// every name, not one per name: the gazetteer is built at start-up).
    let index: [PlaceNameKey: Int32]
    let chain: [Entry]
    /// Country + key of a region's name → the region's place.
    private let regions: [String: Int32]

    /// A gazetteer of `places`, found by their names and alternate names.
    public init(places: [Place]) {
        self.places = places
        var index: [PlaceNameKey: Int32] = [:]
        index.reserveCapacity(places.count * 4)
        var chain: [Entry] = []
        chain.reserveCapacity(places.count * 5)
        var regions: [String: Int32] = [:]
        for (position, place) in places.enumerated() {
            let number = Int32(position)
            func add(_ name: String, isOwnName: Bool) {
                let key = PlaceNameKey(name)
                guard !key.isEmpty else { return }
                let head = index[key] ?? -1
                // A place can bear a name twice ("Odesa" and "Odésa"): listed once, by its own name if either is.
                if head >= 0, chain[Int(head)].place == number {
                    chain[Int(head)].isOwnName = chain[Int(head)].isOwnName || isOwnName
                    return
                }
                index[key] = Int32(chain.count)
                chain.append(Entry(place: number, isOwnName: isOwnName, next: head))
            }
            add(place.name, isOwnName: true)
            for alternate in place.alternateNames { add(alternate, isOwnName: false) }
            if place.kind == .region {
                for name in [place.name, place.admin1].compactMap(\.self) {
                    let key = Self.regionKey(country: place.country, name: name)
                    if regions[key] == nil { regions[key] = number }
                }
            }
        }
        self.index = index
        self.chain = chain
        self.regions = regions
    }

    /// How many places the gazetteer holds.
    public var count: Int { places.count }

    /// The key names are compared by: lower case, without diacritics or apostrophes, hyphens and dashes read as
    /// spaces ("Kam'yanets-Podil's'kyi" → "kamyanets podilskyi", "Київ" → "киів").
    public static func key(for name: String) -> String { PlaceNameKey.make(name) }

    /// Every place called `name` by its own name or an alternate one, ignoring case, diacritics and apostrophes,
    /// the most populous first.
    public func places(named name: String) -> [Place] {
        sorted(entries(named: name).map { places[Int($0.place)] })
    }

    /// Every place with a name that begins with `prefix` (compared as ``key(for:)`` keys), the most populous first:
    /// "Oleksandrivk" finds every Oleksandrivka, "Харків" finds Харків and Харківська область. Scans every name,
    /// so it is meant for an inflected word the exact lookup missed, not for every word.
    public func places(matchingPrefix prefix: String) -> [Place] {
        let wanted = PlaceNameKey(prefix)
        guard !wanted.isEmpty else { return [] }
        var found = Set<Int32>()
        for (key, head) in index where key.hasPrefix(wanted) {
            for entry in entries(from: head) { found.insert(entry.place) }
        }
        return sorted(found.map { places[Int($0)] })
    }

    /// The first-level region `place` lies in, as a place of its own (a region is its own region), if the gazetteer
    /// has it.
    public func region(of place: Place) -> Place? {
        if place.kind == .region { return place }
        guard let admin1 = place.admin1, let number = regions[Self.regionKey(country: place.country, name: admin1)] else {
            return nil
        }
        return places[Int(number)]
    }

    func entries(named name: String) -> [Entry] { entries(key: PlaceNameKey(name)) }

    /// The entries for the places a key names.
    func entries(key: PlaceNameKey) -> [Entry] { index[key].map(entries(from:)) ?? [] }

    private func entries(from head: Int32) -> [Entry] {
        var entries: [Entry] = []
        var next = head
        while next >= 0 {
            entries.append(chain[Int(next)])
            next = chain[Int(next)].next
        }
        return entries
    }

    private static func regionKey(country: String, name: String) -> String { country + "\t" + PlaceNameKey.make(name) }

    /// The most populous first, then by name and position, so that every run lists the same places in the same order.
    func sorted(_ list: [Place]) -> [Place] {
        list.sorted { ($0.population ?? 0, $1.name, $1.latitude) > ($1.population ?? 0, $0.name, $0.latitude) }
    }
}
