import Foundation
import Testing
import TruceApp
import TruceCore
import TruceEngine
import TruceStore
import TruceTestSupport

/// Pages of an agreement's incidents, found by the store from the scope's columns, list exactly the incidents
/// the scope screen keeps when every incident of the filter is read and screened.
@Suite("Incident pages under an agreement")
struct ScopedPagesTests {
    /// Incidents of every shape the scope screen weighs: parties, countries (one, several, none), actions,
    /// targets and subtypes, times stated to the day or the month or not at all.
    static func generatedIncidents(count: Int, seed: UInt64) -> [Incident] {
        var random = SeededGenerator(seed: seed)
        let parties: [PartyID?] = ["RU", "UA", "IL", "HAMAS", "US", nil]
        let places: [(country: String?, admin1: String?, countries: [String])] = [
            ("UA", "Kharkiv Oblast", []), ("UA", "Odesa Oblast", []), ("UA", nil, []), ("RU", "Belgorod Oblast", []), ("RU", nil, []),
            ("PS", "Gaza Strip", []), ("IL", nil, []), (nil, nil, []), ("UA", nil, ["UA", "RU"]), ("TR", nil, []),
        ]
        let actions: [ActionType?] = ActionType.allCases + [nil]
        let categories: [TargetCategory?] = TargetCategory.allCases + [nil]
        let precisions: [TimePrecision] = [.day, .day, .day, .hour, .month, .unstated]
        let first = StatedTime(parsing: "2025-01-01")!
        return (0..<count).map { number in
            let day = first.adding(days: Int.random(in: 0..<200, using: &random))
            let precision = precisions.randomElement(using: &random)!
            let span = TimeSpan(start: day.instant(in: .utc), end: day.adding(days: precision == .month ? 30 : 1).instant(in: .utc))
            let place = places.randomElement(using: &random)!
            let category = categories.randomElement(using: &random)!
            let coordinate =
                Bool.random(using: &random)
                ? Coordinate(latitude: Double.random(in: 42...54, using: &random), longitude: Double.random(in: 20...42, using: &random)) : nil
            let subtype = category.flatMap { Bool.random(using: &random) ? $0.knownSubtypes.randomElement(using: &random) : nil }
            return Incident(
                id: "gen-\(number)", time: IncidentTime(span: span, precision: precision),
                location: IncidentLocation(
                    country: place.country, admin1: place.admin1, coordinate: coordinate, precision: .district, countries: place.countries),
                action: actions.randomElement(using: &random)!, target: Target(category: category, subtype: subtype),
                perpetrator: parties.randomElement(using: &random)!.map { Attribution(party: $0, attributedBy: "test") },
                description: "incident \(number)")
        }
    }

    /// The bundled 2025 catalogue and a few thousand generated incidents.
    static func seededStore() throws -> (store: SQLiteStore, directory: URL) {
        let (store, directory) = try AppFixtures.emptyStore()
        _ = try Loading.agreements(from: [try Bundled.path(Bundled.catalogue)], into: store)
        _ = try store.save(incidents: generatedIncidents(count: 3_000, seed: 12), quarantined: [])
        return (store, directory)
    }

    /// What a listing under `agreement` held when every incident of the filter was read and then screened.
    static func screened(_ filter: IncidentListRequest, agreement: Agreement, in store: SQLiteStore) throws -> [IncidentID] {
        let zone = agreement.timeZone
        let query = IncidentQuery(
            perpetrator: filter.party, during: filter.days.span(in: zone), category: filter.category, country: filter.country,
            detail: .withoutSourceFields)
        return try store.incidents(matching: query).filter { ScopeScreen.screen($0, against: agreement) != .outOfScope }.map(\.id)
    }

    /// Every page of `filter`, `limit` at a time, followed by its cursor.
    static func paged(_ filter: IncidentListRequest, limit: Int, in store: SQLiteStore) throws -> [IncidentID] {
        var listed: [IncidentID] = []
        var after: PagePosition?
        repeat {
            let page = try IncidentListing.page(IncidentPageRequest(filter: filter, after: after, limit: limit), in: store)
            listed += page.incidents.map(\.id)
            after = page.next
        } while after != nil
        return listed
    }

    @Test("a page read through the scope's columns lists what screening every incident listed, page after page")
    func scopedPagesEqualScreening() throws {
        let (store, _) = try Self.seededStore()
        let parties: [PartyID?] = [nil, "RU", "UA", "IL"]
        let months = [
            DayRange(), DayRange(from: StatedTime(parsing: "2025-03-01"), to: StatedTime(parsing: "2025-03-31")),
            DayRange(from: StatedTime(parsing: "2025-04-15"), to: nil),
        ]
        var compared = 0
        for agreement in try store.agreements() {
            for party in parties {
                for (number, days) in months.enumerated() {
                    let filter = IncidentListRequest(
                        agreement: agreement.id, party: party, days: days, category: number == 2 ? .energy : nil, country: number == 1 ? "UA" : nil)
                    let expected = try Self.screened(filter, agreement: agreement, in: store)
                    for limit in [7, 100] {
                        #expect(
                            try Self.paged(filter, limit: limit, in: store) == expected,
                            "\(agreement.id), \(party?.rawValue ?? "any party"), \(days), \(limit)")
                    }
                    compared += expected.count
                }
            }
        }
        #expect(compared > 500, "the generated incidents fall in the agreements' scopes often enough to compare")
    }

    @Test("a page of stored bodies, screened on the rows' columns, holds the canonical JSON of the page of incidents")
    func bodyPagesEqualIncidentPages() throws {
        let (store, _) = try Self.seededStore()
        let boxes: [BoundingBox?] = [nil, BoundingBox(minLongitude: 30, minLatitude: 44, maxLongitude: 40, maxLatitude: 52)]
        var compared = 0
        for agreement in try store.agreements().map({ Optional($0.id) }) + [nil] {
            for party: PartyID? in [nil, "RU"] {
                for box in boxes {
                    var request = IncidentPageRequest(filter: IncidentListRequest(agreement: agreement, party: party), box: box, limit: 9)
                    repeat {
                        let page = try IncidentListing.page(request, in: store)
                        let bodies = try IncidentListing.bodies(request, in: store)
                        #expect(
                            bodies.bodies == page.incidents.map(\.canonicalJSON),
                            "\(agreement ?? "no agreement") after \(request.after?.token ?? "start")")
                        #expect(bodies.next == page.next)
                        compared += bodies.bodies.count
                        request.after = page.next
                    } while request.after != nil && compared < 20_000
                }
            }
        }
        #expect(compared > 1_000)
    }

    @Test("a whole listing under an agreement holds what screening every incident held")
    func scopedListingEqualsScreening() throws {
        let (store, _) = try Self.seededStore()
        for agreement in try store.agreements() {
            let filter = IncidentListRequest(agreement: agreement.id, party: "RU")
            let expected = try Self.screened(filter, agreement: agreement, in: store)
            #expect(try IncidentListing.list(filter, in: store).incidents.map(\.id) == expected, "\(agreement.id)")
            #expect(try IncidentListing.list(IncidentListRequest(agreement: agreement.id, limit: 5), in: store).incidents.count <= 5)
        }
    }
}
