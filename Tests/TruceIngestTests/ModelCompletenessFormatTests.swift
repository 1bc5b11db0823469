import Foundation
import Testing
import TruceCore
import TruceIngest

/// What reports say and the model now holds, read from each format: times not stated, strikes of unstated weapon,
/// outcomes, aggregates, several countries, denials, grid and gas subtypes, target scopes including subtypes.
@Suite("Model completeness: Truce CSV, agreement YAML, ACLED, GDELT and target words")
struct ModelCompletenessFormatTests {
    static func incidents() throws -> [String: Incident] {
        let batch = try TruceCSVFormat().read(file: Fixtures.path("model-completeness.csv"))
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        return Dictionary(uniqueKeysWithValues: batch.incidents.map { ($0.id, $0) })
    }

    @Test("a time not stated is bounded by publication: precision unstated, the span the day it was reported")
    func unstatedTimeIsTheReportDay() throws {
        let incident = try #require(try Self.incidents()["mc-unstated"])
        #expect(incident.time.precision == .unstated && !incident.time.isStated)
        let day = IncidentTime.implied(by: StatedTime(parsing: "2025-03-27")!, precision: .day, in: ZoneIdentifier("Europe/Moscow")!)
        #expect(incident.time.span == day.span)
        #expect(incident.time.latestEnd == day.span.end)
    }

    @Test("strike, outcome, acts, several countries and the new energy subtypes are read as written")
    func newFieldsAreRead() throws {
        let incidents = try Self.incidents()
        #expect(incidents["mc-strike"]?.action == .strike && incidents["mc-strike"]?.outcome == .hit)
        #expect(incidents["mc-strike"]?.target.subtype == "distribution_network")
        #expect(incidents["mc-intercepted"]?.outcome == .intercepted && incidents["mc-intercepted"]?.target.subtype == "gas_storage")
        #expect(incidents["mc-aggregate"]?.acts == 19 && incidents["mc-strike"]?.acts == nil)
        let countries = try #require(incidents["mc-countries"]?.location)
        #expect(countries.country == "RU" && countries.countries == ["RU", "UA"] && countries.spansSeveralCountries)
        #expect(incidents["mc-countries"]?.target.subtype == "grid")
        #expect(incidents["mc-counter-claim"]?.action == .sabotage && incidents["mc-counter-claim"]?.target.subtype == "gas_metering_station")
        #expect(incidents["mc-gas-distribution"]?.outcome == .unknown)
    }

    @Test("a denial with a counter-claim is two claims by one claimant; a denial alone blames nobody")
    func denialsAreTheClaimantsClaims() throws {
        let incidents = try Self.incidents()
        let counter = try #require(incidents["mc-counter-claim"])
        #expect(counter.claims.map(\.stance) == [.assertion, .denial])
        #expect(counter.claims.map(\.accused) == ["RU", "UA"])
        #expect(counter.claims.allSatisfy { $0.claimant == "General Staff of the Armed Forces of Ukraine" })
        #expect(counter.perpetrator?.party == "RU")
        let denial = try #require(incidents["mc-denial"])
        #expect(denial.claims.count == 1 && denial.claims[0].isDenial && denial.claims[0].accused == "UA")
        #expect(denial.perpetrator == nil && denial.claims[0].blamed == nil)
    }

    @Test("bad values of the new columns are quarantined naming the field")
    func badValuesAreQuarantined() throws {
        let header = "id,start,time_zone,time_precision,country,countries,action,outcome,acts,perpetrator,denies,claimant,source_url,source_published"
        let rows = [
            "b1,2025-03-20,Europe/Kyiv,day,UA,,strike,missed,,RU,,C,,",
            "b2,2025-03-20,Europe/Kyiv,day,UA,,strike,,0,RU,,C,,",
            "b3,2025-03-20,Europe/Kyiv,day,UA,UA;Russia,strike,,,RU,,C,,",
            "b4,2025-03-20,Europe/Kyiv,day,UA,RU;PL,strike,,,RU,,C,,",
            "b5,2025-03-20,Europe/Kyiv,day,UA,,strike,,,RU,RU,C,,",
            "b6,,Europe/Kyiv,unstated,UA,,strike,,,RU,,C,,",
            "b7,,Europe/Kyiv,day,UA,,strike,,,RU,,C,,2025-03-20",
        ]
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        let batch = try TruceCSVFormat().read(bytes: Array(text.utf8), file: "bad.csv")
        #expect(batch.incidents.isEmpty)
        #expect(
            batch.quarantined.map { "\($0.line) \($0.reason)" } == [
                "2 outcome: \"missed\" is not one of: hit, intercepted, attempted, unknown",
                "3 acts: \"0\" is not a whole number from 1 to 1000000",
                "4 countries: \"Russia\" is not an ISO 3166-1 alpha-2 code (e.g. UA)",
                "5 countries: \"RU;PL\" does not name the country UA",
                "6 denies: RU is both blamed (perpetrator) and denied in one row",
                "7 start: is required, or source_published, when time_precision is unstated",
                "8 start: is required",
            ])
    }

    @Test("an agreement's whole category with the subtypes it includes, strikes of any weapon and permitted attempts round-trip through YAML")
    func includingAndAttemptsRoundTrip() throws {
        let result = AgreementReader.read(yaml: try Fixtures.text("agreement-including.yaml"), file: "agreement-including.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let agreement = try #require(result.agreement)
        let energy = try #require(agreement.scope.targets.first)
        #expect(energy.isWholeCategory && energy.including == ["refinery", "distribution_network", "gas_storage"])
        #expect(agreement.scope.actions == [.strike, .artillery] && agreement.scope.attempts == .permitted)
        #expect(agreement.scope.covers(category: .energy, subtype: nil) == true)
        #expect(agreement.scope.covers(category: .energy, subtype: "gas_metering_station") == true)
        let written = try AgreementWriter.yaml(for: agreement)
        #expect(written.contains("including: [refinery, distribution_network, gas_storage]") && written.contains("attempts: permitted"))
        #expect(AgreementReader.read(yaml: written, file: "again.yaml").agreement == agreement)
        let json = try TruceJSON.string(agreement)
        #expect(try TruceJSON.decoder().decode(Agreement.self, from: Data(json.utf8)) == agreement)
    }

    @Test("a target entry with both subtypes and including, an unknown attempts rule, or an unknown included subtype is an error")
    func includingErrors() throws {
        let text = try Fixtures.text("agreement-including.yaml")
        let both = AgreementReader.read(
            yaml: text.replacingOccurrences(of: "      including: [refinery", with: "      subtypes: [dam]\n      including: [refinery"),
            file: "both.yaml")
        #expect(both.diagnostics.contains { $0.field == "scope.targets[0].including" && $0.description.contains("not both") })
        let rule = AgreementReader.read(yaml: text.replacingOccurrences(of: "attempts: permitted", with: "attempts: never"), file: "rule.yaml")
        #expect(
            rule.diagnostics.contains {
                $0.field == "scope.attempts" && $0.description.contains("\"never\" is not one of: violate, possible, permitted")
            })
        let subtype = AgreementReader.read(yaml: text.replacingOccurrences(of: "gas_storage]", with: "gas_tank]"), file: "subtype.yaml")
        #expect(
            subtype.diagnostics.contains {
                $0.field == "scope.targets[0].including[2]" && $0.description.contains("\"gas_tank\" is not a subtype of energy")
            })
        #expect(both.agreement == nil && rule.agreement == nil && subtype.agreement == nil)
    }

    @Test("the 2025 energy moratorium covers energy infrastructure including the facilities the Kremlin list names")
    func moratoriumIncludesItsList() throws {
        let catalog = AgreementCatalog.read(paths: [Fixtures.repository.appendingPathComponent("agreements/2025").path])
        #expect(catalog.diagnostics.filter(\.isError).isEmpty)
        let moratorium = try #require(catalog.agreements.first { $0.id == "energy-moratorium-2025" })
        #expect(moratorium.scope.targets.allSatisfy { $0.category == .energy && $0.isWholeCategory && !$0.including.isEmpty })
        #expect(Set(moratorium.scope.targets.flatMap(\.including)).isSuperset(of: ["refinery", "gas_storage", "distribution_network", "dam"]))
        #expect(moratorium.scope.covers(category: .energy, subtype: nil) == true)
    }

    @Test(
        "ACLED: a strike of unstated weapon, an airstrike, intercepted and failed attacks, and sabotage of a pipeline",
        arguments: [
            ("ACT1", ActionType?.some(.strike), Outcome?.none),
            ("ACT2", .airStrike, nil),
            ("ACT3", .droneStrike, .intercepted),
            ("ACT4", nil, .attempted),
            ("ACT5", .sabotage, nil),
            ("ACT6", .other, nil),
            // A drone that was the target names no weapon; drones that struck a drone site do.
            ("ACT7", .strike, nil), ("ACT8", .droneStrike, nil), ("ACT9", .strike, nil),
        ])
    func acledActionsAndOutcomes(id: String, action: ActionType?, outcome: Outcome?) throws {
        let batch = try ACLEDFormat(actors: ActorTable(entries: [])).read(file: Fixtures.path("acled-actions.csv"))
        let incident = try #require(batch.incidents.first { $0.id == "acled:\(id)" })
        #expect(incident.action == action)
        #expect(incident.outcome == outcome)
    }

    @Test(
        "target words know grid, distribution and gas sites",
        arguments: [
            ("Drones hit the gas metering station in Sudzha", "gas_metering_station"),
            ("A strike damaged the underground gas storage facility", "gas_storage"),
            ("Shelling hit a gas distribution station in Svatove", "gas_distribution"),
            ("Удар по газорозподільній станції", "gas_distribution"),
            ("Drones struck the distribution network of Kharkiv", "distribution_network"),
            ("Обстріл пошкодив розподільчі мережі", "distribution_network"),
            ("Massive strike on the power grid", "grid"),
            ("Удар по енергосистемі", "grid"),
            ("Атака на газохранилище", "gas_storage"),
            ("Drones hit a compressor station", "gas_facility"),
        ])
    func energySubtypeWords(text: String, subtype: String) {
        #expect(TargetKeywords.target(in: text) == Target(category: .energy, subtype: subtype), "\(text)")
    }
}
