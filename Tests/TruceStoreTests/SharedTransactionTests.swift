import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceStore
import TruceTestSupport

@Suite("Writes sharing one transaction, and agreements kept between adjudications")
struct SharedTransactionTests {
    struct Refused: Error {}

    @Test("writes in one transaction: each a savepoint, so one that fails is undone alone; others see them only once committed")
    func writesShareOneCommit() throws {
        let path = try StoreFixtures.filledDatabase()
        let store = try SQLiteStore(path: path)
        let other = try SQLiteStore(path: path)
        let catalogue = try store.agreements()
        var first = try #require(catalogue.first)
        var second = try #require(catalogue.last)
        first.title += " (amended)"
        second.title += " (amended)"
        var incident = try #require(try store.incidents(matching: .all).first)
        let before = incident
        incident.effects.fatalities = 99

        let seenMeanwhile = try store.inOneTransaction { () -> [Agreement] in
            #expect((try? store.save(agreements: [first])) == LoadSummary(updated: 1))
            let refused = Result {
                try store.write { transaction in
                    _ = try transaction.save(incidents: [incident])
                    throw Refused()
                }
            }
            #expect(throws: Refused.self) { try refused.get() }
            #expect((try? store.save(agreements: [second])) == LoadSummary(updated: 1))
            return (try? other.agreements()) ?? []
        }
        #expect(seenMeanwhile == catalogue, "another connection saw the writes before the commit")
        #expect(try other.agreement(id: first.id) == first && other.agreement(id: second.id) == second)
        #expect(try other.incidents(ids: [before.id], detail: .full) == [before])
    }

    @Test("an agreement changed by another connection is judged afresh by a store that judged it before")
    func agreementsChangedElsewhereAreReadAgain() throws {
        let path = try StoreFixtures.filledDatabase()
        let server = try SQLiteStore(path: path)
        let before = try server.adjudicationInput(rulesVersion: "test")
        #expect(try server.adjudicationInput(rulesVersion: "test").agreementsFingerprint == before.agreementsFingerprint)

        var edited = try #require(before.agreements.first)
        edited.title += " (amended by another process)"
        #expect(try SQLiteStore(path: path).save(agreements: [edited]) == LoadSummary(updated: 1))

        let after = try server.adjudicationInput(rulesVersion: "test")
        #expect(after.agreements.first == edited)
        #expect(after.agreementsFingerprint != before.agreementsFingerprint)
        #expect(after.awaitingAgreements.contains(edited.id))
    }
}
