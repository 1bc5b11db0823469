import Foundation

/// The outlines of the seas an agreement's `sea:` scope can name, by sea identifier (see ``Seas``), so that a
/// reported point can be placed in a sea or outside it.
///
/// Truce ships outlines of the Black Sea, the Sea of Azov, the Kerch Strait and the Sea of Marmara in
/// `data/boundaries/seas.geojson` (derived from Natural Earth by `scripts/make-seas`); the program reads that
/// file and hands the outlines to the ``Adjudicator``. A sea without an outline cannot place a point.
public struct SeaOutlines: Sendable {
    private let outlines: [String: SeaOutline]

    /// Outlines by sea identifier; none by default.
    public init(_ outlines: [String: SeaOutline] = [:]) { self.outlines = outlines }

    /// Reads a GeoJSON FeatureCollection whose features carry `id` (a sea identifier Truce knows, e.g.
    /// `black_sea`) and, optionally, `coasts`: the ISO 3166-1 codes of the countries on the sea's coast,
    /// separated by commas.
    /// - Throws: ``GeoJSONError`` naming `file` when it is not GeoJSON of polygons, or a feature names no sea
    ///   Truce knows.
    public init(geoJSON data: Data, file: String) throws {
        var outlines: [String: SeaOutline] = [:]
        for (number, feature) in try GeoJSONPolygons(data: data, file: file).features.enumerated() {
            guard let identifier = feature.properties["id"], Seas.isKnown(identifier) else {
                let given = feature.properties["id"].map { "\"\($0)\" is not a sea Truce knows" } ?? "has no id"
                throw GeoJSONError(file: file, reason: "feature \(number + 1) \(given)")
            }
            let coasts = (feature.properties["coasts"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            outlines[identifier] = SeaOutline(rings: feature.polygons.flatMap { $0 }, coasts: Set(coasts))
        }
        self.outlines = outlines
    }

    /// The outline of `sea` (an identifier such as `black_sea`), if there is one.
    public subscript(sea: String) -> SeaOutline? { outlines[sea] }

    /// The seas with an outline, sorted.
    public var identifiers: [String] { outlines.keys.sorted() }
}

/// The outline of one sea: its rings (outer rings and the islands within them) and the countries on its coast.
public struct SeaOutline: Hashable, Sendable {
    /// Every ring of the sea's polygons; a point inside an odd number of them is at sea.
    public let rings: [[Coordinate]]
    /// ISO 3166-1 codes of the countries on the coast; empty when not stated.
    public let coasts: Set<String>
    private let south: Double, north: Double, west: Double, east: Double

    public init(rings: [[Coordinate]], coasts: Set<String> = []) {
        self.rings = rings
        self.coasts = coasts
        let points = rings.joined()
        south = points.map(\.latitude).min() ?? .infinity
        north = points.map(\.latitude).max() ?? -.infinity
        west = points.map(\.longitude).min() ?? .infinity
        east = points.map(\.longitude).max() ?? -.infinity
    }

    /// Whether `point` lies in the sea.
    public func contains(_ point: Coordinate) -> Bool {
        guard (south...north).contains(point.latitude), (west...east).contains(point.longitude) else { return false }
        var inside = false
        for ring in rings where Rings.contains(ring, point) { inside.toggle() }
        return inside
    }

    /// Kilometres from `point` to the sea's nearest edge (its coast, or the line where it meets another sea).
    public func distanceToEdge(from point: Coordinate) -> Double {
        rings.map { Rings.distance(from: point, to: $0) }.min() ?? .infinity
    }

    /// Whether `point` lies more than `kilometres` outside the box around the sea: a quick test that spares
    /// measuring the distance to every edge for points far away.
    public func isFar(from point: Coordinate, by kilometres: Double) -> Bool {
        let margin = kilometres / 111.32
        // A degree of longitude is shortest at the highest latitude the point can have and still be near.
        let highest = min(max(abs(south), abs(north)) + margin, 89)
        let longitudeMargin = margin / cos(highest * .pi / 180)
        return point.latitude < south - margin || point.latitude > north + margin
            || point.longitude < west - longitudeMargin || point.longitude > east + longitudeMargin
    }
}
