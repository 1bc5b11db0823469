import Foundation

/// Country outlines by ISO 3166-1 alpha-2 code, so that a point whose country no source states can still be
/// placed in a country an agreement names, or outside it.
///
/// Truce ships outlines of the countries around today's conflicts in Europe and the Middle East in
/// `data/boundaries/countries.geojson` (derived from Natural Earth by `scripts/make-boundaries`); the program
/// reads that file and hands the outlines to the ``Adjudicator``. Outlines are for placing points, not a
/// statement on any border.
public struct CountryOutlines: Sendable {
    private let outlines: [String: SeaOutline]

    /// Outlines by alpha-2 code; none by default.
    public init(_ outlines: [String: SeaOutline] = [:]) { self.outlines = outlines }

    /// Reads a GeoJSON FeatureCollection whose features carry `iso_a2`, the country's alpha-2 code. Only
    /// whether an outline holds a point is asked of it, so no distance index is built.
    /// - Throws: ``GeoJSONError`` naming `file` when it is not GeoJSON of polygons, or a feature has no code.
    public init(geoJSON data: Data, file: String) throws {
        var outlines: [String: SeaOutline] = [:]
        for (number, feature) in try GeoJSONPolygons(data: data, file: file).features.enumerated() {
            guard let code = feature.properties["iso_a2"], code.count == 2 else {
                throw GeoJSONError(file: file, reason: "feature \(number + 1) has no two-letter iso_a2 code")
            }
            outlines[code] = SeaOutline(rings: feature.polygons.flatMap { $0 }, indexDistances: false)
        }
        self.outlines = outlines
    }

    /// The outline of the country `code` (alpha-2), if there is one.
    public subscript(country code: String) -> SeaOutline? { outlines[code] }

    /// The countries with an outline, sorted.
    public var codes: [String] { outlines.keys.sorted() }

    /// Whether there is no outline at all.
    public var isEmpty: Bool { outlines.isEmpty }
}
