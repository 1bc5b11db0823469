import Foundation
import Testing
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

@Suite("Audited writes from many writers at once")
struct ConcurrentAuditTests {
    @Test("20 writers at once on one file (users, tokens, agreement edits): nothing lost, no busy error, one audit entry per write")
    func twentyWriters() throws {
        let fixture = try AccountFixture()
        let agreement = try #require(AgreementCatalog.read(paths: [try Bundled.path(Bundled.catalogue)]).agreements.first)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 20) { writer in
            do {
                // Each writer opens the file itself, as separate server workers or commands would.
                let store = try SQLiteStore(path: fixture.store.path)
                let author = ChangeAuthor(name: "writer\(writer)", role: .admin)
                let accounts = Accounts(store: store, policy: fixture.policy)
                try accounts.add(NewAccount(name: "user\(writer)", role: .viewer, password: AccountFixture.password), by: author)
                _ = try Tokens(store: store).create(for: "user\(writer)", label: "w\(writer)", expiresInDays: 1, by: author)
                var edited = agreement
                edited.title = "\(agreement.title) (edit \(writer))"
                _ = try AuditedAgreements.save([edited], action: "agreements.edit", by: author, in: store)
            } catch {
                failures.add("writer \(writer): \(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try fixture.store.users().count == 20)
        #expect(try fixture.store.tokens(userID: nil).count == 20)
        let entries = try AuditTrail(store: fixture.store).list()
        #expect(entries.count == 60)
        for writer in 0..<20 {
            #expect(entries.filter { $0.actor == "writer\(writer)" }.map(\.action).sorted() == ["agreements.edit", "tokens.create", "users.add"])
        }
        let finalTitle = try #require(try fixture.store.agreement(id: agreement.id)).title
        let lastEdit = try #require(entries.last { $0.recordKind == "agreement" })
        #expect(lastEdit.after?.contains(finalTitle) == true, "the last audited edit is the one stored")
    }
}

/// Errors gathered from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
