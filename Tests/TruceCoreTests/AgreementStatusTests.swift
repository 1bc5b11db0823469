import Foundation
import Testing
import TruceCore

@Suite("Agreement status and windows per party")
struct AgreementStatusTests {
    let moscow = ZoneIdentifier("Europe/Moscow")!

    /// The energy moratorium's shape: Russia counts from 18 March, Ukraine from 25 March (Kyiv time).
    func moratorium() -> Agreement {
        Agreement(
            id: "moratorium", title: "Moratorium", kind: .partial, timeZone: moscow,
            parties: [
                AgreementParty(id: "RU", name: "Russia", role: .party), AgreementParty(id: "UA", name: "Ukraine", role: .party),
                AgreementParty(id: "US", name: "United States", role: .mediator),
            ],
            window: AgreementWindow(start: StatedTime(parsing: "2025-03-18T19:30"), end: .after(CalendarDuration(days: 30))),
            partyWindows: [PartyWindow(party: "UA", start: StatedTime(parsing: "2025-03-25"), timeZone: ZoneIdentifier("Europe/Kyiv"))],
            statusHistory: [
                StatusEvent(at: StatedTime(parsing: "2025-03-18T19:30")!, status: .inForce, party: "RU"),
                StatusEvent(at: StatedTime(parsing: "2025-03-19")!, status: .accepted, party: "UA"),
                StatusEvent(at: StatedTime(parsing: "2025-03-25T01:00")!, status: .inForce, party: "UA"),
            ])
    }

    @Test("each party's status follows the events that concern it")
    func statusPerParty() {
        let agreement = moratorium()
        let march22 = utc("2025-03-22T12:00:00Z")
        #expect(agreement.status(of: "RU", at: march22) == .inForce)
        #expect(agreement.status(of: "UA", at: march22) == .accepted)
        #expect(agreement.statusSummary(at: march22) == "RU: in_force, UA: accepted")
        #expect(agreement.status(of: "UA", at: utc("2025-03-18T12:00:00Z")) == nil)
    }

    @Test("a party window without an end inherits the agreement's duration from its own start")
    func partyWindowInheritsDuration() throws {
        let agreement = moratorium()
        let ukraine = try #require(agreement.span(for: "UA"))
        #expect(ukraine.start == utc("2025-03-24T22:00:00Z"))
        #expect(ukraine.end == utc("2025-04-23T21:00:00Z"))
        #expect(agreement.span(for: "RU")?.end == utc("2025-04-17T16:30:00Z"))
    }

    @Test("a binding status reads as expired once the party's window has ended")
    func expiryIsDerived() {
        let agreement = moratorium()
        let april20 = utc("2025-04-20T12:00:00Z")
        #expect(agreement.status(of: "RU", at: april20) == .expired)
        #expect(agreement.status(of: "UA", at: april20) == .inForce)
        #expect(!agreement.binds("RU", at: april20))
        #expect(agreement.binds("UA", at: april20))
    }

    @Test("the outer span runs from the first party bound to the last")
    func outerSpanCoversAllParties() throws {
        let span = try #require(moratorium().outerSpan)
        #expect(span.start == utc("2025-03-18T16:30:00Z"))
        #expect(span.end == utc("2025-04-23T21:00:00Z"))
    }

    @Test("a collapse ends the effective window of an open-ended agreement")
    func collapseEndsEffectiveWindow() throws {
        var agreement = moratorium()
        agreement.window.end = .open
        agreement.partyWindows = []
        agreement.statusHistory.append(StatusEvent(at: StatedTime(parsing: "2025-04-01")!, status: .collapsed))
        #expect(agreement.effectiveSpan(for: "RU")?.end == utc("2025-03-31T21:00:00Z"))
        #expect(agreement.status(of: "UA", at: utc("2025-04-02T00:00:00Z")) == .collapsed)
    }

    @Test("a proposal never in force has no effective window")
    func proposalHasNoWindow() {
        var agreement = moratorium()
        agreement.kind = .proposal
        agreement.window = AgreementWindow(start: nil, end: .after(CalendarDuration(days: 30)))
        agreement.statusHistory = [StatusEvent(at: StatedTime(parsing: "2025-03-11")!, status: .accepted, party: "UA")]
        #expect(agreement.span == nil)
        #expect(agreement.outerSpan == nil)
    }

    @Test("scope: an empty target list covers everything; a subtype list needs the subtype")
    func scopeCoverage() {
        let energy = Scope(targets: [TargetScope(category: .energy, subtypes: ["substation", "refinery"])], actions: [.droneStrike])
        #expect(energy.covers(category: .energy, subtype: "substation") == true)
        #expect(energy.covers(category: .energy, subtype: "dam") == false)
        #expect(energy.covers(category: .energy, subtype: nil) == nil)
        #expect(energy.covers(category: .civilian, subtype: "residential") == false)
        #expect(Scope().covers(category: .civilian, subtype: nil) == true)
        #expect(energy.prohibition(of: .droneStrike) == true && energy.prohibition(of: .artillery) == false)
    }
}
