import Foundation
import Testing
import TruceCore

@testable import TruceStore

@Suite("A watch on a store's commits")
struct StoreChangeWatchTests {
    @Test("the version stays while nothing is committed and changes after a commit by another connection or by the store")
    func versionFollowsCommits() throws {
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        let watch = try store.changeWatch()
        let start = try watch.version()
        #expect(try watch.version() == start)
        _ = try store.incidents(matching: .all)
        #expect(try watch.version() == start, "a read commits nothing")

        let other = try SQLiteStore(path: path)
        _ = try other.save(incidents: StoreFixtures.examples().incidents, quarantined: [])
        let afterOther = try watch.version()
        #expect(afterOther != start)
        #expect(try watch.version() == afterOther)

        try store.resetAdjudication()
        #expect(try watch.version() != afterOther)
    }

    @Test("many threads asking at once all get the same version")
    func askedConcurrently() async throws {
        let store = try SQLiteStore(path: try StoreFixtures.filledDatabase())
        let watch = try store.changeWatch()
        let expected = try watch.version()
        let versions = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for _ in 0..<8 { group.addTask { try (0..<500).map { _ in try watch.version() } } }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(versions.count == 4_000 && Set(versions) == [expected])
    }
}
