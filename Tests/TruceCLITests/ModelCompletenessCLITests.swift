import Foundation
import Testing

@Suite("Model completeness, end to end through the CLI")
struct ModelCompletenessCLITests {
    static let fixture = CLI.repository.appendingPathComponent("Tests/TruceIngestTests/Fixtures/model-completeness.csv").path

    @Test(
        "load, adjudicate and explain: an undated claim is insufficient information, a denial is the claimant's, an incident in two countries is listed under each"
    )
    func loadAdjudicateExplain() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", Self.fixture, "--db", db]).output.hasSuffix("8 new, 0 updated, 0 unchanged, 0 quarantined\n"))
        #expect(try CLI.run(["adjudicate", "--db", db]).status == 0)
        let undated = try CLI.run(["explain", "mc-unstated", "--agreement", "energy-moratorium-2025", "--db", db]).output
        #expect(undated.contains("when:    not stated; reported 2025-03-27 00:00 +03:00"))
        #expect(undated.contains("energy-moratorium-2025: insufficient_information"))
        #expect(undated.contains("time       unknown, missing: no time is stated"))
        let denial = try CLI.run(["explain", "mc-counter-claim", "--db", db]).output
        #expect(denial.contains("(for UA) blames RU") && denial.contains("(for UA) denies that UA did it"))
        let aggregate = try CLI.run(["explain", "mc-aggregate", "--db", db]).output
        #expect(aggregate.contains("result:  outcome intercepted; 19 acts reported together"))
        let ukraine = try CLI.run(["incidents", "list", "--country", "UA", "--json", "--db", db]).output
        #expect(ukraine.contains("\"mc-countries\""))
    }
}
