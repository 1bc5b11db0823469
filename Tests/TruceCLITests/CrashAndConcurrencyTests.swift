import Foundation
import Testing
import TruceStore
import TruceTestSupport

/// kill -9 at random moments and several writers at once, through the built binary.
@Suite("Crashes and concurrent commands, end to end", .serialized)
struct CrashAndConcurrencyTests {
    /// The steps of a monitoring run: agreements, two imports (the second updates part of the first), judging.
    struct Steps {
        let first: String
        let second: String

        init(in directory: URL, rows: Int, seed: UInt64) throws {
            first = directory.appendingPathComponent("first.csv").path
            second = directory.appendingPathComponent("second.csv").path
            try GeneratedACLED.csv(prefix: "K", count: rows, seed: seed).write(toFile: first, atomically: true, encoding: .utf8)
            // A later release of the first quarter of the events, with other content: updates and history.
            try GeneratedACLED.csv(prefix: "K", count: rows / 4, seed: seed + 1, release: 1_746_000_000)
                .write(toFile: second, atomically: true, encoding: .utf8)
        }

        var imports: [[String]] { [["import", "acled", first], ["import", "acled", second]] }
    }

    static func integrityProblems(_ db: String) throws -> [String] {
        try SQLiteStore(path: db, access: .readOnly).integrityProblems()
    }

    @Test("kill -9 at seeded random moments during import and adjudication leaves the database intact, and re-running completes it exactly once")
    func killNine() throws {
        let directory = try CLI.temporaryDirectory()
        let steps = try Steps(in: directory, rows: 10_000, seed: 7)
        let commands = [["agreements", "load", "agreements/2025"]] + steps.imports + [["adjudicate"]]

        // A clean run, timed step by step.
        let reference = directory.appendingPathComponent("reference.sqlite").path
        var durations: [Double] = []
        for command in commands {
            let start = Date()
            let result = try CLI.run(command + ["--db", reference])
            durations.append(Date().timeIntervalSince(start))
            #expect(result.status == 0, "\(command): \(result.errors)")
        }

        // The same steps, each killed at random moments before it is let finish.
        var random = SeededGenerator(seed: 20_250_318)
        let killsPerStep = [0, 3, 2, 3]
        let db = directory.appendingPathComponent("killed.sqlite").path
        var kills: [String] = []
        var killedRunning = 0
        for (index, command) in commands.enumerated() {
            for attempt in 0..<killsPerStep[index] {
                let delay = durations[index] * (0.05 + 0.7 * Double(random.next() % 10_000) / 10_000)
                let started = try Processes.startTruce(command + ["--db", db], environment: [:], logs: directory, name: "kill-\(index)-\(attempt)")
                Thread.sleep(forTimeInterval: delay)
                if started.kill() { killedRunning += 1 }
                kills.append("\(command[0]) \(command.count > 1 ? command[1] : "") after \(String(format: "%.2f", delay)) s")
                #expect(try Self.integrityProblems(db) == [], "after killing \(command) at \(delay) s")
            }
            let finished = try CLI.run(command + ["--db", db])
            #expect(finished.status == 0, "\(command): \(finished.errors)")
            if command[0] == "import" {
                let summary = finished.output.split(separator: "\n").first ?? ""
                let total = StoreCLITests.counts(summary).reduce(0, +)
                #expect(total == (index == 1 ? 10_000 : 2_500), "\(summary)")
            }
        }
        print("kill -9: \(kills.count) kills (\(killedRunning) while running): \(kills.joined(separator: "; "))")
        #expect(killedRunning >= kills.count / 2)
        #expect(try Self.integrityProblems(db) == [])
        let killed = try SQLiteStore(path: db, access: .readOnly).contentDump()
        let clean = try SQLiteStore(path: reference, access: .readOnly).contentDump()
        #expect(killed.mapValues(\.count) == clean.mapValues(\.count))
        #expect(killed == clean)
    }

    @Test("two imports and an adjudication started together all succeed, and end as if run one after another")
    func twoImportsAndAnAdjudicationTogether() throws {
        let directory = try CLI.temporaryDirectory()
        // Under one batch each, so that each import is one transaction and some order of the three explains the end.
        let steps = try Steps(in: directory, rows: 2_000, seed: 9)
        let commands = steps.imports + [["adjudicate"]]
        // Events already stored, so that judging takes a while and the imports can commit in the middle of it.
        let earlier = directory.appendingPathComponent("earlier.csv").path
        try GeneratedACLED.csv(prefix: "Z", count: 1_500, seed: 10).write(toFile: earlier, atomically: true, encoding: .utf8)
        func prepared(_ name: String) throws -> String {
            let db = directory.appendingPathComponent(name).path
            #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
            #expect(try CLI.run(["import", "acled", earlier, "--db", db]).status == 0)
            return db
        }

        let db = try prepared("together.sqlite")
        let started = try commands.enumerated().map { index, command in
            try Processes.startTruce(command + ["--db", db], environment: [:], logs: directory, name: "together-\(index)")
        }
        for (command, process) in zip(commands, started) {
            let result = try process.finish()
            #expect(result.status == 0, "\(command): \(result.errors)")
            #expect(!result.errors.contains("locked"))
            if command == ["adjudicate"] { print("adjudicate, started with both imports: \(result.output)") }
        }
        let together = try SQLiteStore(path: db, access: .readOnly).contentDump()

        let orders = [[2, 0, 1], [2, 1, 0], [0, 2, 1], [1, 2, 0], [0, 1, 2], [1, 0, 2]]
        var matched: [Int]?
        for (number, order) in orders.enumerated() where matched == nil {
            let sequential = try prepared("sequential-\(number).sqlite")
            for index in order { #expect(try CLI.run(commands[index] + ["--db", sequential]).status == 0) }
            if try SQLiteStore(path: sequential, access: .readOnly).contentDump() == together { matched = order }
        }
        #expect(matched != nil, "the end state matches no order of the three commands")
        print("three writers together ended as the order \(matched.map { $0.map { commands[$0].prefix(2).joined(separator: " ") } } ?? [])")
    }
}
