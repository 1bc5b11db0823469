import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("Real ACLED and UCDP region names are all known", .enabled(if: SharedData.available, SharedData.absentReason))
struct RegionNameSharedDataTests {
    @Test(
        "every admin1 in the real ACLED and UCDP files names a known region of the incident's country",
        arguments: [
            "acled/acled_afghanistan_2020-03_legacy_format.csv", "acled/geosentinel_acled_data_sample.csv",
            "ucdp/ucdp_ged_ukraine_hdx_2014-2021.csv",
        ])
    func everyAdmin1IsKnown(name: String) throws {
        let path = SharedData.directory.appendingPathComponent(name).path
        let actors = ActorTable(entries: [])
        let format: any DatasetFormat = name.hasPrefix("ucdp") ? UCDPFormat(actors: actors) : ACLEDFormat(actors: actors)
        let locations = try format.read(file: path).incidents.map(\.location)
        let named = locations.filter { $0.admin1 != nil }
        #expect(named.count >= 2)
        var unknown: Set<String> = []
        for location in named {
            let admin1 = location.admin1!
            let code = Regions.code(forName: admin1)
            if code == nil || code?.hasPrefix("\(location.country ?? "?")-") != true {
                unknown.insert("\(location.country ?? "?") \(admin1) → \(code ?? "unknown")")
            }
        }
        if !unknown.isEmpty { print("\(name): admin1 names without a known region: \(unknown.sorted())") }
        #expect(unknown.isEmpty)
    }

    @Test(
        "every GDELT region name in a country whose regions Truce knows names one of them",
        arguments: [
            "gdelt/20161013151500.export.CSV", "gdelt/20260611091500.translation.export.CSV",
        ])
    func everyGDELTRegionIsKnown(name: String) throws {
        let path = SharedData.directory.appendingPathComponent(name).path
        let covered = Set(Regions.codes.compactMap { $0.split(separator: "-").first.map(String.init) })
        let locations = try GDELTFormat().read(file: path).incidents.map(\.location).filter {
            // "Ukraine (general)" is GDELT's name for a whole country, not a region.
            covered.contains($0.country ?? "") && $0.admin1 != nil && $0.admin1?.hasSuffix("(general)") == false
        }
        #expect(locations.count >= 10)
        let unknown = Set(
            locations.filter { Regions.code(forName: $0.admin1!)?.hasPrefix("\($0.country!)-") != true }
                .map { "\($0.country!) \($0.admin1!)" })
        if !unknown.isEmpty { print("\(name): GDELT region names without a known region: \(unknown.sorted())") }
        #expect(unknown.isEmpty)
    }
}
