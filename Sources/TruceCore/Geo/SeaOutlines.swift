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
///
/// Built once with two indexes, so that judging a point costs a few dozen edges rather than every one: the
/// edges by band of latitude (a ray from a point crosses only those of its band), and the distance to the
/// edge from the middle of each half-degree cell around the sea (a point's distance differs from its cell's
/// by at most the cell's half-diagonal).
public struct SeaOutline: Hashable, Sendable {
    /// Every ring of the sea's polygons; a point inside an odd number of them is at sea.
    public let rings: [[Coordinate]]
    /// ISO 3166-1 codes of the countries on the coast; empty when not stated.
    public let coasts: Set<String>
    private let south: Double, north: Double, west: Double, east: Double
    private let edges: [(a: Coordinate, b: Coordinate)]
    private let bands: [[Int32]]
    private let cells: Grid

    /// Degrees of latitude per band of edges.
    private static let bandHeight = 0.05
    /// The farthest reach the distance grid answers quickly, in kilometres; farther questions are measured.
    static let gridReach = 300.0

    /// - Parameter indexDistances: whether to build the grid that answers distance questions quickly (needed
    ///   for coarse points near a sea; an outline asked only whether it holds a point can do without).
    public init(rings: [[Coordinate]], coasts: Set<String> = [], indexDistances: Bool = true) {
        self.rings = rings
        self.coasts = coasts
        let points = rings.joined()
        south = points.map(\.latitude).min() ?? 0
        north = points.map(\.latitude).max() ?? 0
        west = points.map(\.longitude).min() ?? 0
        east = points.map(\.longitude).max() ?? 0
        var edges: [(a: Coordinate, b: Coordinate)] = []
        for ring in rings where !ring.isEmpty {
            for index in ring.indices { edges.append((ring[index == 0 ? ring.count - 1 : index - 1], ring[index])) }
        }
        self.edges = edges
        var bands = [[Int32]](repeating: [], count: Int(((north - south) / Self.bandHeight).rounded(.down)) + 1)
        for (number, edge) in edges.enumerated() {
            let low = Int((min(edge.a.latitude, edge.b.latitude) - south) / Self.bandHeight)
            let high = Int((max(edge.a.latitude, edge.b.latitude) - south) / Self.bandHeight)
            for band in max(low, 0)...min(high, bands.count - 1) { bands[band].append(Int32(number)) }
        }
        self.bands = bands
        cells = Grid(rings: indexDistances ? rings : [], south: south, north: north, west: west, east: east, reach: Self.gridReach)
    }

    /// Whether `point` lies in the sea.
    public func contains(_ point: Coordinate) -> Bool {
        guard (south...north).contains(point.latitude), (west...east).contains(point.longitude) else { return false }
        var inside = false
        for number in bands[min(Int((point.latitude - south) / Self.bandHeight), bands.count - 1)] {
            let (a, b) = edges[Int(number)]
            if (a.latitude > point.latitude) != (b.latitude > point.latitude),
                point.longitude < (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude
            {
                inside.toggle()
            }
        }
        return inside
    }

    /// Kilometres from `point` to the sea's nearest edge (its coast, or the line where it meets another sea).
    public func distanceToEdge(from point: Coordinate) -> Double {
        rings.map { Rings.distance(from: point, to: $0) }.min() ?? .infinity
    }

    /// Whether the sea's edge lies within `kilometres` of `point`: ``distanceToEdge(from:)`` `<= kilometres`,
    /// measured only when the point's cell of the grid cannot tell.
    public func isEdge(within kilometres: Double, of point: Coordinate) -> Bool {
        if let (centre, slack) = cells.distance(at: point) {
            if centre - slack > kilometres { return false }
            if centre + slack < kilometres { return true }
        }
        return distanceToEdge(from: point) <= kilometres
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

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rings == rhs.rings && lhs.coasts == rhs.coasts }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rings)
        hasher.combine(coasts)
    }
}

/// Half-degree cells around a sea, each with the distance from its middle to the sea's edge.
private struct Grid: Sendable {
    static let size = 0.5
    let south: Double, west: Double, rows: Int, columns: Int
    /// Kilometres from each cell's middle to the edge, row by row.
    let distances: [Double]

    init(rings: [[Coordinate]], south: Double, north: Double, west: Double, east: Double, reach: Double) {
        let margin = reach / 111.32 + Self.size
        let highest = min(max(abs(south), abs(north)) + margin, 89)
        let longitudeMargin = margin / cos(highest * .pi / 180)
        self.south = south - margin
        self.west = west - longitudeMargin
        rows = rings.isEmpty ? 0 : Int(((north + margin - self.south) / Self.size).rounded(.up))
        columns = rings.isEmpty ? 0 : Int(((east + longitudeMargin - self.west) / Self.size).rounded(.up))
        var distances: [Double] = []
        distances.reserveCapacity(rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                let middle = Coordinate(
                    latitude: self.south + (Double(row) + 0.5) * Self.size, longitude: self.west + (Double(column) + 0.5) * Self.size)
                distances.append(rings.map { Rings.distance(from: middle, to: $0) }.min() ?? .infinity)
            }
        }
        self.distances = distances
    }

    /// The distance from the middle of the cell holding `point` to the edge, and how far the point's own
    /// distance may differ from it (the cell's half-diagonal, with room for the flat-earth measure); `nil`
    /// outside the grid.
    func distance(at point: Coordinate) -> (centre: Double, slack: Double)? {
        let row = Int(((point.latitude - south) / Self.size).rounded(.down))
        let column = Int(((point.longitude - west) / Self.size).rounded(.down))
        guard (0..<rows).contains(row), (0..<columns).contains(column) else { return nil }
        let lowest = min(abs(south + Double(row) * Self.size), abs(south + Double(row + 1) * Self.size))
        let half = Self.size / 2 * 111.32
        let diagonal = (half * half + pow(half * cos(lowest * .pi / 180), 2)).squareRoot()
        return (distances[row * columns + column], diagonal * 1.1 + 1)
    }
}
