import Foundation
import Testing
import TruceCore
import TruceEngine

@Suite("Scope screen: is an incident in an agreement's window and scope at all?")
struct ScopeScreenTests {
    let moscow = ZoneIdentifier("Europe/Moscow")!

    /// An Easter-truce-like agreement: Russia bound 18:00 19 April to 00:00 21 April, Moscow time.
    var truce: Agreement {
        Agreement(
            id: "truce", title: "Truce", kind: .unilateral, timeZone: moscow,
            parties: [AgreementParty(id: "RU", name: "Russia", role: .party), AgreementParty(id: "UA", name: "Ukraine", role: .addressee)],
            window: AgreementWindow(start: StatedTime(parsing: "2025-04-19T18:00"), end: .at(StatedTime(parsing: "2025-04-21T00:00")!)),
            scope: Scope(include: [GeoArea(kind: .country, code: "UA"), GeoArea(kind: .country, code: "RU")]),
            statusHistory: [StatusEvent(at: StatedTime(parsing: "2025-04-19T18:00")!, status: .inForce, party: "RU")])
    }

    func incident(
        at local: String, precision: TimePrecision = .minute, country: String? = "UA", by party: PartyID? = "RU",
        category: TargetCategory? = .civilian, action: ActionType? = .artillery
    ) -> Incident {
        Incident(
            id: "i", time: IncidentTime.implied(by: StatedTime(parsing: local)!, precision: precision, in: moscow),
            location: IncidentLocation(country: country, precision: .locality), action: action, target: Target(category: category),
            perpetrator: party.map { Attribution(party: $0, attributedBy: "someone") }, description: "")
    }

    @Test("17:30 Moscow time is before the truce, 18:30 inside it")
    func eitherSideOfTheStart() {
        #expect(ScopeScreen.screen(incident(at: "2025-04-19T17:30"), against: truce) == .outOfScope)
        #expect(ScopeScreen.screen(incident(at: "2025-04-19T18:30"), against: truce) == .inScope)
    }

    @Test("a day-precision incident on the start day straddles the start: uncertain")
    func straddlingIsUncertain() {
        #expect(ScopeScreen.screen(incident(at: "2025-04-19", precision: .day), against: truce) == .uncertain)
        #expect(ScopeScreen.screen(incident(at: "2025-04-20", precision: .day), against: truce) == .inScope)
    }

    @Test("an incident in another country, or by a third party, is out of scope")
    func placeAndParty() {
        #expect(ScopeScreen.screen(incident(at: "2025-04-20T10:00", country: "PS"), against: truce) == .outOfScope)
        #expect(ScopeScreen.screen(incident(at: "2025-04-20T10:00", by: "IL"), against: truce) == .outOfScope)
        #expect(ScopeScreen.screen(incident(at: "2025-04-20T10:00", by: nil), against: truce) == .uncertain)
    }

    @Test("a partial agreement leaves unknown targets and actions uncertain, and uncovered ones out")
    func targetsAndActions() {
        var partial = truce
        partial.scope.targets = [TargetScope(category: .energy)]
        partial.scope.actions = [.droneStrike, .missileStrike]
        #expect(ScopeScreen.screen(incident(at: "2025-04-20T10:00", category: .energy, action: .droneStrike), against: partial) == .inScope)
        #expect(ScopeScreen.screen(incident(at: "2025-04-20T10:00", category: .civilian, action: .droneStrike), against: partial) == .outOfScope)
        #expect(ScopeScreen.screen(incident(at: "2025-04-20T10:00", category: nil, action: .droneStrike), against: partial) == .uncertain)
        #expect(ScopeScreen.screen(incident(at: "2025-04-20T10:00", category: .energy, action: .artillery), against: partial) == .outOfScope)
    }

    @Test("counts: in window, in scope, uncertain")
    func counts() {
        let incidents = [
            incident(at: "2025-04-19T17:30"), incident(at: "2025-04-19T18:30"), incident(at: "2025-04-19", precision: .day),
            incident(at: "2025-04-20T10:00", country: "PS"),
        ]
        #expect(ScopeCount.count(incidents, against: truce) == ScopeCount(inWindow: 3, inScope: 1, uncertain: 1))
    }
}
