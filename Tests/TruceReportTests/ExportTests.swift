import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceReport

@Suite("Exports")
struct ExportTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/2025")

    @Test("incidents exported as Truce CSV read back with the same times, places, targets, accusations and effects")
    func csvRoundTrip() throws {
        var incidents = try TruceCSVFormat().read(file: Self.examples.appendingPathComponent("incidents.csv").path).incidents
        incidents += try ACLEDFormat(actors: ActorTable(entries: [.init(pattern: "Military Forces of Russia", party: "RU")]))
            .read(file: Self.examples.appendingPathComponent("acled-format-sample.csv").path).incidents
        let csv = try TruceCSVExport.layout.text(of: incidents)
        let again = try TruceCSVFormat().read(bytes: Array(csv.utf8), file: "export.csv")
        #expect(again.quarantined.isEmpty, "\(again.quarantined.map(\.reason))")
        #expect(again.incidents.count == incidents.count)
        for (original, copy) in zip(incidents, again.incidents) {
            #expect(copy.id == original.id)
            #expect(copy.time.span == original.time.span && copy.time.precision == original.time.precision, "\(original.id)")
            #expect(copy.location == original.location, "\(original.id)")
            #expect(copy.action == original.action && copy.target == original.target && copy.effects == original.effects)
            #expect(copy.perpetrator?.party == original.perpetrator?.party && copy.description == original.description)
            #expect(copy.claims.first?.claimant == original.claims.first?.claimant)
        }
    }

    @Test("GeoJSON puts longitude first and a null geometry where there is no point")
    func geoJSONShape() throws {
        let incidents = try TruceCSVFormat().read(file: Self.examples.appendingPathComponent("incidents.csv").path).incidents
        let text = try ExportFormat.geojson.incidents.text(of: incidents)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(object["type"] as? String == "FeatureCollection" && features.count == incidents.count)
        for (incident, feature) in zip(incidents, features) {
            if let point = incident.location.coordinate {
                let coordinates = try #require((feature["geometry"] as? [String: Any])?["coordinates"] as? [Double])
                #expect(coordinates == [point.longitude, point.latitude])
            } else {
                #expect(feature["geometry"] is NSNull)
            }
        }
    }
}
