import Foundation
import Testing
import TruceStore

@testable import TruceServer

@Suite("Values kept for a minute or until the store changes, worked out once for readers arriving together")
struct MinuteMemoTests {
    /// Counts how often a value was worked out.
    final class Builds: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() -> Int {
            lock.withLock {
                count += 1
                return count
            }
        }
        var total: Int { lock.withLock { count } }
    }

    @Test("16 readers at once of a value not yet kept cause one build; a minute later one reader builds while the others get the last")
    func oneBuildForReadersTogether() async throws {
        let store = try ServerFixtures.store()
        let memo = MinuteMemo<String, Int>(watch: try store.changeWatch(), capacity: 8)
        let builds = Builds()
        let now = Date(timeIntervalSince1970: 1_742_644_800)
        let slowBuild: @Sendable () throws -> Int = {
            Thread.sleep(forTimeInterval: 0.2)
            return builds.add()
        }
        let first = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { try await Task.detached { try memo.value("page", now: now, make: slowBuild) }.value } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(first == Array(repeating: 1, count: 16) && builds.total == 1)

        let later = now.addingTimeInterval(61)
        let second = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { try await Task.detached { try memo.value("page", now: later, make: slowBuild) }.value } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(builds.total == 2 && second.filter { $0 == 2 }.count >= 1 && Set(second).isSubset(of: [1, 2]))
        #expect(try memo.value("page", now: later) { builds.add() } == 2)
    }
}
