import Foundation
import TruceCore
import TruceEngine

/// Outlines to draw under a map: polygons in longitude/latitude, read from a GeoJSON FeatureCollection of
/// Polygons and MultiPolygons (country or first-level boundaries).
public struct Outlines: Sendable {
    public struct Shape: Sendable {
        public var name: String?
        /// Rings of [longitude, latitude].
        public var rings: [[(Double, Double)]]
    }

    public var shapes: [Shape]

    public init(shapes: [Shape]) { self.shapes = shapes }

    /// Reads Polygon and MultiPolygon features; other geometries are skipped.
    /// - Throws: an error naming the file when it is not GeoJSON.
    public init(geoJSON data: Data, file: String) throws {
        shapes = try GeoJSONPolygons(data: data, file: file).features.flatMap { feature in
            let name = feature.properties["shapeName"] ?? feature.properties["name"] ?? feature.properties["NAME"]
            return feature.polygons.map { polygon in
                Shape(name: name, rings: polygon.map { ring in ring.map { ($0.longitude, $0.latitude) } })
            }
        }
    }

    public typealias OutlineError = GeoJSONError
}

/// Events on a map: a dot per event with a point, coloured by verdict and sized by evidence level, over
/// outlines, in an equirectangular projection corrected for latitude. The frame is the events' extent with a
/// margin (the outlines are clipped to it); dots that would overlap are drawn as one circle with their count;
/// the legend sits below the frame.
public struct IncidentMap: Sendable {
    public struct Dot: Sendable {
        public var coordinate: Coordinate
        public var verdict: VerdictKind
        public var evidence: EvidenceLevel?
        public var label: String

        public init(coordinate: Coordinate, verdict: VerdictKind, evidence: EvidenceLevel?, label: String) {
            self.coordinate = coordinate
            self.verdict = verdict
            self.evidence = evidence
            self.label = label
        }
    }

    /// Dots drawn as one: their members, their centre on the map, and the colour of the strongest verdict.
    struct Cluster {
        var members: [Dot]
        var x: Double
        var y: Double

        /// Takes `other`'s members; the centre moves to the mean of all members.
        mutating func join(_ other: Cluster) {
            let (m, n) = (Double(members.count), Double(other.members.count))
            x = (x * m + other.x * n) / (m + n)
            y = (y * m + other.y * n) / (m + n)
            members += other.members
        }
    }

    public var dots: [Dot]
    public var outlines: Outlines?

    public init(dots: [Dot], outlines: Outlines?) {
        self.dots = dots
        self.outlines = outlines
    }

    static let width = 720.0, height = 440.0, legendHeight = 48.0
    /// Dots closer than this, in pixels, are drawn as one cluster.
    static let clusterDistance = 12.0

    /// The frame in degrees (west, east, south, north): the dots with a margin of a sixth of their extent
    /// (at least half a degree), or the outlines when there are no dots, widened to the plot's proportions.
    func frame() -> (west: Double, east: Double, south: Double, north: Double, scale: Double, correction: Double) {
        var longitudes = dots.map(\.coordinate.longitude)
        var latitudes = dots.map(\.coordinate.latitude)
        if longitudes.isEmpty, let outlines {
            for shape in outlines.shapes {
                for ring in shape.rings {
                    for point in ring {
                        longitudes.append(point.0)
                        latitudes.append(point.1)
                    }
                }
            }
        }
        if longitudes.isEmpty { (longitudes, latitudes) = ([22, 41], [44, 53]) }
        let (lonMin, lonMax, latMin, latMax) = (longitudes.min()!, longitudes.max()!, latitudes.min()!, latitudes.max()!)
        let marginX = max((lonMax - lonMin) / 6, 0.5)
        let marginY = max((latMax - latMin) / 6, 0.5)
        var (west, east, south, north) = (lonMin - marginX, lonMax + marginX, max(latMin - marginY, -89), min(latMax + marginY, 89))
        let correction = cos((south + north) / 2 * .pi / 180)
        let plotHeight = Self.height - Self.legendHeight
        let scale = min(Self.width / ((east - west) * correction), plotHeight / (north - south))
        let extraX = (Self.width / scale / correction - (east - west)) / 2
        let extraY = (plotHeight / scale - (north - south)) / 2
        (west, east, south, north) = (west - extraX, east + extraX, south - extraY, north + extraY)
        return (west, east, south, north, scale, correction)
    }

    public func svg(title: String) -> String {
        let (width, height, plotHeight) = (Self.width, Self.height, Self.height - Self.legendHeight)
        var svg = SVG(width: width, height: height)
        let frame = frame()
        func project(_ longitude: Double, _ latitude: Double) -> (Double, Double) {
            ((longitude - frame.west) * frame.correction * frame.scale, (frame.north - latitude) * frame.scale)
        }
        svg.raw(
            "<defs><clipPath id=\"map-frame\"><rect x=\"0\" y=\"0\" width=\"\(format(width))\" height=\"\(format(plotHeight))\"/></clipPath></defs>\n"
        )
        svg.add("rect", [("class", "frame"), ("x", "0"), ("y", "0"), ("width", format(width)), ("height", format(plotHeight)), ("fill", "#f4f8fb")])
        svg.raw("<g clip-path=\"url(#map-frame)\">\n")
        for shape in outlines?.shapes ?? [] {
            let path = shape.rings.map { ring in
                ring.enumerated().map { index, point in
                    let (x, y) = project(point.0, point.1)
                    return "\(index == 0 ? "M" : "L")\(format(x)) \(format(y))"
                }.joined() + "Z"
            }.joined()
            svg.add("path", [("class", "outline"), ("d", path), ("fill", "#ffffff"), ("stroke", "#9aa5b1"), ("stroke-width", "0.7")], text: nil)
        }
        svg.raw("</g>\n")
        let radius: [EvidenceLevel: Double] = [.singleClaim: 3.5, .contested: 5, .corroborated: 6.5, .verified: 8]
        let clusters = Self.clusters(dots.map { dot in (dot, project(dot.coordinate.longitude, dot.coordinate.latitude)) })
        for cluster in clusters.sorted(by: { $0.members.count < $1.members.count }) {
            let strongest = cluster.members.max { $0.verdict.strength < $1.verdict.strength }!
            let fill = Palette.verdict[strongest.verdict.rawValue] ?? Palette.grey
            if cluster.members.count == 1 {
                svg.raw(
                    "<circle class=\"incident \(strongest.verdict.rawValue)\" cx=\"\(format(cluster.x))\" cy=\"\(format(cluster.y))\" r=\"\(format(radius[strongest.evidence ?? .singleClaim] ?? 3.5))\" "
                        + "fill=\"\(fill)\" fill-opacity=\"0.85\" stroke=\"#222222\" stroke-width=\"0.6\">"
                        + "<title>\(SVG.escape(strongest.label))</title></circle>\n")
                continue
            }
            let count = cluster.members.count
            let shown = cluster.members.prefix(12).map(\.label).joined(separator: "\n") + (count > 12 ? "\n… and \(count - 12) more" : "")
            svg.raw(
                "<g class=\"cluster\"><title>\(count) events here:\n\(SVG.escape(shown))</title>"
                    + "<circle class=\"incident cluster \(strongest.verdict.rawValue)\" cx=\"\(format(cluster.x))\" cy=\"\(format(cluster.y))\" r=\"\(format(7 + 2 * log2(Double(count))))\" "
                    + "fill=\"\(fill)\" fill-opacity=\"0.9\" stroke=\"#222222\" stroke-width=\"0.8\"/>"
                    + "<text class=\"cluster-count\" x=\"\(format(cluster.x))\" y=\"\(format(cluster.y + 3.5))\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\" fill=\"#ffffff\">\(count)</text></g>\n"
            )
        }
        var legendX = 8.0
        for verdict in [VerdictKind.violation, .possibleViolation, .notAViolation, .insufficientInformation] {
            svg.add(
                "circle", [("cx", format(legendX + 5)), ("cy", format(plotHeight + 14)), ("r", "5"), ("fill", Palette.verdict[verdict.rawValue]!)])
            svg.add(
                "text", [("x", format(legendX + 14)), ("y", format(plotHeight + 18))], text: verdict.rawValue.replacingOccurrences(of: "_", with: " ")
            )
            legendX += 150
        }
        svg.add(
            "text", [("x", "8"), ("y", format(plotHeight + 34)), ("font-size", "10")],
            text: "dot size: evidence (single claim < contested < corroborated < verified)")
        svg.add(
            "text", [("x", "8"), ("y", format(plotHeight + 46)), ("font-size", "10")],
            text: "numbered circle: nearby events drawn together (colour: strongest verdict); frame: the events' extent plus a margin")
        return svg.document(title: title, cssClass: "map")
    }

    /// Clustering in screen space: dots first gather by grid cell (``clusterDistance`` pixels wide), then
    /// clusters whose centres lie within ``clusterDistance`` of each other merge, the centre moving to their
    /// members' mean, pass after pass until no two are that close.
    static func clusters(_ placed: [(dot: Dot, at: (Double, Double))]) -> [Cluster] {
        var cells: [Int: Cluster] = [:]
        var order: [Int] = []
        for (dot, at) in placed {
            let cell = Int((at.1 / clusterDistance).rounded(.down)) * 100_000 + Int((at.0 / clusterDistance).rounded(.down))
            if cells[cell] == nil {
                order.append(cell)
                cells[cell] = Cluster(members: [], x: 0, y: 0)
            }
            cells[cell]!.join(Cluster(members: [dot], x: at.0, y: at.1))
        }
        var clusters = order.map { cells[$0]! }
        var merged = true
        while merged {
            merged = false
            var next: [Cluster] = []
            for cluster in clusters {
                if let index = next.firstIndex(where: { hypot($0.x - cluster.x, $0.y - cluster.y) < clusterDistance }) {
                    next[index].join(cluster)
                    merged = true
                } else {
                    next.append(cluster)
                }
            }
            clusters = next
        }
        return clusters
    }
}
