import Foundation
import Testing
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

@Suite("Agreements saved with their audit entries")
struct AuditedAgreementsTests {
    @Test("a new or changed agreement is saved with an entry holding it before and after; an unchanged one writes none")
    func auditedSave() throws {
        let fixture = try AccountFixture()
        let catalogue = AgreementCatalog.read(paths: [try Bundled.path(Bundled.catalogue)]).agreements
        let first = try #require(catalogue.first)
        let author = ChangeAuthor(name: "amina", role: .admin, requestID: "req-1")
        let action = "PUT /api/v1/agreements/{id}"
        #expect(try AuditedAgreements.save([first], action: action, by: author, in: fixture.store).new == 1)
        #expect(try AuditedAgreements.save([first], action: action, by: author, in: fixture.store).unchanged == 1)
        var changed = first
        changed.title += " (amended)"
        #expect(try AuditedAgreements.save([changed], action: action, by: author, in: fixture.store).updated == 1)
        #expect(try fixture.store.agreement(id: first.id)?.title == changed.title)
        let entries = try AuditTrail(store: fixture.store).list(AuditQuery(recordKind: "agreement", recordID: first.id))
        #expect(entries.count == 2)
        let (firstJSON, changedJSON) = (try TruceJSON.string(first), try TruceJSON.string(changed))
        #expect(entries[0].before == nil)
        #expect(entries[0].after == firstJSON)
        #expect(entries[1].before == firstJSON)
        #expect(entries[1].after == changedJSON)
        #expect(entries.allSatisfy { $0.actor == "amina" && $0.action == action && $0.requestID == "req-1" })
    }
}
