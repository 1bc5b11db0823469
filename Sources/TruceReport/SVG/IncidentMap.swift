import Foundation
import TruceCore

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

/// Incidents on a map: a dot per incident with a point, coloured by verdict and sized by evidence level,
/// over outlines, in an equirectangular projection corrected for latitude.
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

    public var dots: [Dot]
    public var outlines: Outlines?

    public init(dots: [Dot], outlines: Outlines?) {
        self.dots = dots
        self.outlines = outlines
    }

    public func svg(title: String) -> String {
        let width = 720.0, height = 420.0, legendHeight = 40.0
        var svg = SVG(width: width, height: height)
        // The frame: the incidents (or, without any, the outlines), with a margin.
        var longitudes = dots.map(\.coordinate.longitude), latitudes = dots.map(\.coordinate.latitude)
        if longitudes.isEmpty, let outlines {
            for shape in outlines.shapes { for ring in shape.rings { for point in ring { longitudes.append(point.0); latitudes.append(point.1) } } }
        }
        if longitudes.isEmpty { (longitudes, latitudes) = ([22, 41], [44, 53]) }
        var (west, east) = (longitudes.min()! - 1, longitudes.max()! + 1)
        var (south, north) = (latitudes.min()! - 1, latitudes.max()! + 1)
        let correction = cos((south + north) / 2 * .pi / 180)
        let plotHeight = height - legendHeight
        let scale = min(width / ((east - west) * correction), plotHeight / (north - south))
        let extraX = (width / scale / correction - (east - west)) / 2, extraY = (plotHeight / scale - (north - south)) / 2
        (west, east, south, north) = (west - extraX, east + extraX, south - extraY, north + extraY)
        func project(_ longitude: Double, _ latitude: Double) -> (Double, Double) {
            ((longitude - west) * correction * scale, (north - latitude) * scale)
        }
        svg.add("rect", [("x", "0"), ("y", "0"), ("width", format(width)), ("height", format(plotHeight)), ("fill", "#f4f8fb")])
        for shape in outlines?.shapes ?? [] {
            let path = shape.rings.map { ring in
                ring.enumerated().map { index, point in
                    let (x, y) = project(point.0, point.1)
                    return "\(index == 0 ? "M" : "L")\(format(x)) \(format(y))"
                }.joined() + "Z"
            }.joined()
            svg.add("path", [("class", "outline"), ("d", path), ("fill", "#ffffff"), ("stroke", "#9aa5b1"), ("stroke-width", "0.7")], text: nil)
        }
        let radius: [EvidenceLevel: Double] = [.singleClaim: 3.5, .contested: 5, .corroborated: 6.5, .verified: 8]
        for dot in dots.sorted(by: { (radius[$0.evidence ?? .singleClaim] ?? 3) > (radius[$1.evidence ?? .singleClaim] ?? 3) }) {
            let (x, y) = project(dot.coordinate.longitude, dot.coordinate.latitude)
            svg.raw(
                "<circle class=\"incident \(dot.verdict.rawValue)\" cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"\(format(radius[dot.evidence ?? .singleClaim] ?? 3.5))\" "
                    + "fill=\"\(Palette.verdict[dot.verdict.rawValue] ?? Palette.grey)\" fill-opacity=\"0.85\" stroke=\"#222222\" stroke-width=\"0.6\">"
                    + "<title>\(SVG.escape(dot.label))</title></circle>\n")
        }
        var legendX = 8.0
        for verdict in [VerdictKind.violation, .possibleViolation, .notAViolation, .insufficientInformation] {
            svg.add("circle", [("cx", format(legendX + 5)), ("cy", format(plotHeight + 14)), ("r", "5"), ("fill", Palette.verdict[verdict.rawValue]!)])
            svg.add("text", [("x", format(legendX + 14)), ("y", format(plotHeight + 18))], text: verdict.rawValue.replacingOccurrences(of: "_", with: " "))
            legendX += 150
        }
        svg.add("text", [("x", "8"), ("y", format(plotHeight + 34)), ("font-size", "10")], text: "dot size: evidence (single claim < contested < corroborated < verified); longitude and latitude in degrees")
        return svg.document(title: title, cssClass: "map")
    }
}
