import Foundation
import Testing
import TruceCore
import TruceEngine

/// An agreement like the energy moratorium, with the scope a test needs.
func energyAgreement(actions: [ActionType] = [], attempts: AttemptRule = .violate, countries: [String] = ["UA", "RU"]) -> Agreement {
    var agreement = Catalogue.moratorium
    agreement.scope.actions = actions
    agreement.scope.attempts = attempts
    agreement.scope.include = countries.map { GeoArea(kind: .country, code: $0) }
    return agreement
}

@Suite("Model completeness: adjudication")
struct ModelCompletenessAdjudicationTests {
    let judge = Adjudicator()

    // MARK: Times not stated

    @Test("a strike whose time is not stated is insufficient_information (time missing), not a possible violation")
    func unstatedTimeIsMissing() throws {
        let undated = report("u", at: "2025-03-27", zone: "Europe/Moscow", precision: .unstated, country: "RU", by: "UA", subtype: "refinery")
        let verdict = judge.verdict(for: undated, under: Catalogue.moratorium)
        #expect(verdict.kind == .insufficientInformation)
        let time = try #require(verdict.check(.time))
        #expect(time.outcome == .unknown && time.uncertainty == .missing)
        #expect(time.reason.contains("no time is stated; reported by 28 Mar 2025 00:00"))
    }

    @Test("an undated claim reported before the agreement bound anyone is out of scope")
    func unstatedBeforeTheAgreement() throws {
        let undated = report("u", at: "2025-03-10", zone: "Europe/Moscow", precision: .unstated, country: "RU", by: "UA", subtype: "refinery")
        let verdict = judge.verdict(for: undated, under: Catalogue.moratorium)
        #expect(verdict.kind == .outOfScope)
        #expect(verdict.check(.time)?.reason.contains("before UA was ever bound") == true)
    }

    @Test("an undated claim reported after the agreement expired may still describe its window, and the indexed run finds it")
    func unstatedAfterTheWindowIsFound() throws {
        let undated = report("late", at: "2025-05-02", zone: "Europe/Moscow", precision: .unstated, country: "RU", by: "UA", subtype: "refinery")
        #expect(judge.verdict(for: undated, under: Catalogue.moratorium).kind == .insufficientInformation)
        let bulk = Adjudication.verdicts(incidents: [undated], agreements: [Catalogue.moratorium], explain: false)
        #expect(bulk.map(\.kind) == [.insufficientInformation])
        #expect(ScopeScreen.screen(undated, against: Catalogue.moratorium) == .uncertain)
    }

    // MARK: Strikes of unstated weapon

    @Test("a strike of unstated weapon violates an agreement prohibiting air, missile and drone strikes")
    func strikeUnderEveryStrikeKind() {
        let strike = report("s", at: "2025-03-20T03:15", action: .strike)
        #expect(judge.verdict(for: strike, under: Catalogue.moratorium).kind == .violation)
    }

    @Test("a strike of unstated weapon is a possible violation where only some strike kinds are prohibited")
    func strikeUnderSomeStrikeKinds() throws {
        let strike = report("s", at: "2025-03-20T03:15", action: .strike)
        let verdict = judge.verdict(for: strike, under: energyAgreement(actions: [.droneStrike, .artillery]))
        #expect(verdict.kind == .possibleViolation)
        let action = try #require(verdict.check(.action))
        #expect(action.uncertainty == .imprecise && action.reason.contains("weapon is not stated"))
        #expect(judge.verdict(for: strike, under: energyAgreement(actions: [.artillery])).kind == .notAViolation)
    }

    @Test("an agreement prohibiting strike covers air, missile and drone strikes, not artillery")
    func prohibitedStrikeCoversEveryKind() {
        let agreement = energyAgreement(actions: [.strike])
        for kind in ActionType.strikeKinds + [.strike] {
            #expect(judge.verdict(for: report("s", at: "2025-03-20T03:15", action: kind), under: agreement).kind == .violation, "\(kind)")
        }
        #expect(judge.verdict(for: report("a", at: "2025-03-20T03:15", action: .artillery), under: agreement).kind == .notAViolation)
    }

    // MARK: Outcomes and attempts

    @Test("by default an intercepted drone aimed at a substation violates the moratorium as a hit would")
    func interceptedViolatesByDefault() {
        var drone = report("d", at: "2025-03-20T03:15")
        drone.outcome = .intercepted
        #expect(judge.verdict(for: drone, under: Catalogue.moratorium).kind == .violation)
    }

    @Test("attempts possible: an intercepted drone is a possible violation (disputed); attempts permitted: not a violation")
    func attemptsDecideIntercepted() throws {
        var drone = report("d", at: "2025-03-20T03:15")
        drone.outcome = .intercepted
        let possible = judge.verdict(for: drone, under: energyAgreement(attempts: .possible))
        #expect(possible.kind == .possibleViolation && possible.check(.action)?.uncertainty == .disputed)
        let permitted = judge.verdict(for: drone, under: energyAgreement(attempts: .permitted))
        #expect(permitted.kind == .notAViolation)
        #expect(permitted.check(.action)?.reason.contains("it was intercepted, not a hit") == true)
    }

    @Test("attempts permitted: a hit violates, an outcome not reported is insufficient information")
    func permittedNeedsTheOutcome() {
        var drone = report("d", at: "2025-03-20T03:15")
        #expect(judge.verdict(for: drone, under: energyAgreement(attempts: .permitted)).kind == .insufficientInformation)
        drone.outcome = .hit
        #expect(judge.verdict(for: drone, under: energyAgreement(attempts: .permitted)).kind == .violation)
        drone.outcome = .unknown
        #expect(judge.verdict(for: drone, under: energyAgreement(attempts: .possible)).kind == .insufficientInformation)
    }

    // MARK: Several countries

    @Test("an incident in Russia and Ukraine is in scope of an agreement on both, a possible violation of one on Ukraine alone, out of one elsewhere")
    func severalCountries() throws {
        var border = report("b", at: "2025-03-20T03:15", country: "RU", coordinate: nil)
        border.location.countries = ["RU", "UA"]
        #expect(judge.verdict(for: border, under: energyAgreement(countries: ["UA", "RU"])).kind == .violation)
        let ukraineOnly = judge.verdict(for: border, under: energyAgreement(countries: ["UA"]))
        #expect(ukraineOnly.kind == .possibleViolation && ukraineOnly.check(.place)?.uncertainty == .imprecise)
        #expect(judge.verdict(for: border, under: energyAgreement(countries: ["PS"])).kind == .outOfScope)
        let bulk = Adjudication.verdicts(incidents: [border], agreements: [energyAgreement(countries: ["UA"])], explain: false)
        #expect(bulk.map(\.kind) == [.possibleViolation])
    }

    // MARK: Target scopes including subtypes

    @Test("a target known only as an energy facility violates the moratorium on energy infrastructure (was insufficient_information)")
    func energyFacilityWithoutSubtype() {
        let facility = report("e", at: "2025-03-20T03:15", subtype: nil)
        let verdict = judge.verdict(for: facility, under: Catalogue.moratorium)
        #expect(verdict.kind == .violation)
        #expect(verdict.check(.target)?.reason.contains("is covered: energy (all, including refinery, oil_pipeline, gas_pipeline") == true)
    }

    @Test("grid, distribution and gas sites are covered by the moratorium; a fuel station is not energy")
    func newSubtypesAreCovered() {
        for subtype in ["grid", "distribution_network", "gas_metering_station", "gas_storage", "gas_distribution"] {
            #expect(
                judge.verdict(for: report("e", at: "2025-03-20T03:15", subtype: subtype), under: Catalogue.moratorium).kind == .violation,
                "\(subtype)")
        }
        let fuel = report("f", at: "2025-03-20T03:15", category: .transport, subtype: "fuel_station")
        #expect(judge.verdict(for: fuel, under: Catalogue.moratorium).kind == .notAViolation)
    }

    @Test("sabotage of a covered facility violates an agreement that lists sabotage, and not one that prohibits only strikes")
    func sabotage() {
        let blast = report("x", at: "2025-03-20T03:15", subtype: "gas_metering_station", action: .sabotage)
        #expect(judge.verdict(for: blast, under: energyAgreement(actions: [.strike, .sabotage])).kind == .violation)
        #expect(judge.verdict(for: blast, under: Catalogue.moratorium).kind == .notAViolation)
    }

    // MARK: Denials, linking

    @Test("a denial of what another claim blames a party for contests it; a denial corroborates nothing")
    func denials() {
        let accusation = Claim(claimant: "Ministry of Defence of Russia", claimantParty: "RU", accused: "UA")
        let denial = Claim(claimant: "General Staff of Ukraine", claimantParty: "UA", accused: "UA", stance: .denial)
        #expect(EvidenceLevel.level(for: [accusation, denial]) == .contested)
        let otherDenial = Claim(claimant: "Reuters", accused: "PL", stance: .denial)
        #expect(EvidenceLevel.level(for: [accusation, otherDenial]) == .singleClaim)
    }

    @Test("a strike of unstated weapon and a drone strike at one time and place may be one event; artillery may not, on a target not named in full")
    func strikeLinksWithStrikeKinds() {
        // Without a subtype or name the target is not named in full, so different actions are different acts, not
        // competing claims about one.
        let strike = report("a", at: "2025-03-20T03:15", subtype: nil, action: .strike)
        let drone = report("b", at: "2025-03-20T03:15", claimant: "Reuters", claimantParty: nil, subtype: nil, action: .droneStrike)
        let shelling = report("c", at: "2025-03-20T03:15", claimant: "AP", claimantParty: nil, subtype: nil, action: .artillery)
        #expect(IncidentLinker.describeSameEvent(strike, drone))
        #expect(!IncidentLinker.describeSameEvent(strike, shelling))
    }
}
