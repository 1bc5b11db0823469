import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("Real ACLED and UCDP region names are all known", .enabled(if: SharedData.available, SharedData.absentReason))
struct RegionNameSharedDataTests {
    @Test("every admin1 in the real ACLED and UCDP files names a known region of the incident's country", arguments: [
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
}
