import Foundation
import Testing

@Suite("truce ingest-news, end to end")
struct IngestNewsCLITests {
    static let article = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TruceNewsTests/Fixtures/articles/strike.html").path
    static let undated = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TruceNewsTests/Fixtures/articles/undated.txt").path

    @Test("--dry-run prints each item with its sentence and writes nothing; a report without a time is refused, naming it")
    func dryRun() throws {
        let directory = try CLI.temporaryDirectory()
        let printed = try CLI.run(["ingest-news", Self.article, "--dry-run"], in: directory)
        #expect(printed.status == 0, "\(printed.errors)")
        #expect(printed.output.contains("incident: drone_strike on energy/substation at Kherson"))
        #expect(printed.output.contains("by RU; says Ukraine’s energy ministry"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("truce.sqlite").path))

        let refused = try CLI.run(["ingest-news", Self.undated, Self.article, "--dry-run"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.output.contains("\(Self.undated): no publication time"))
        #expect(refused.output.contains("drone_strike"), "the other report is still read")
    }

    @Test("without --dry-run the attacks are stored once; --published dates a report that states no time")
    func stores() throws {
        let directory = try CLI.temporaryDirectory()
        let first = try CLI.run(["ingest-news", Self.article, Self.undated, "--published", "2025-03-19T09:00Z"], in: directory)
        #expect(first.status == 0, "\(first.output)\(first.errors)")
        #expect(first.output.contains("\(Self.article): 1 article(s): incidents 2 new"), "\(first.output)")
        let again = try CLI.run(["ingest-news", Self.article, Self.undated, "--published", "2025-03-19T09:00Z"], in: directory)
        #expect(again.output.contains("\(Self.article): 1 article(s): incidents 0 new, 0 updated, 2 unchanged"), "\(again.output)")
        let bad = try CLI.run(["ingest-news", Self.article, "--published", "yesterday"], in: directory)
        #expect(bad.status == 64 && bad.errors.contains("--published yesterday is not"))
    }
}
