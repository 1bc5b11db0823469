import Foundation
import Testing

@Suite("truce quarantine, end to end")
struct QuarantineCLITests {
    @Test("list and show quarantined rows; retry after fixing the file releases the fixed row")
    func listShowRetry() throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        let file = directory.appendingPathComponent("acled.csv")
        let fixture = CLI.repository.appendingPathComponent("Tests/TruceIngestTests/Fixtures/acled.csv")
        try FileManager.default.copyItem(at: fixture, to: file)
        #expect(try CLI.run(["import", "acled", file.path, "--db", db]).status == 0)

        let list = try CLI.run(["quarantine", "list", "--db", db])
        #expect(list.status == 0)
        #expect(list.output.contains("\(file.path):6  event_date"))
        #expect(list.output.hasSuffix("4 quarantined rows\n"))
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(try CLI.run(["quarantine", "list", "--db", db, "--json"]).output.utf8)) as? [[String: Any]])
        let firstID = try #require(entries.first?["id"] as? Int)
        let show = try CLI.run(["quarantine", "show", String(firstID), "--db", db])
        #expect(show.output.contains("event_date: \"31 April 2025\" is not a date"))
        #expect(show.output.contains("raw:\nFXBAD1,31 April 2025"))

        let fixed = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "FXBAD1,31 April 2025", with: "FXBAD1,30 April 2025")
        try fixed.write(to: file, atomically: true, encoding: .utf8)
        let retry = try CLI.run(["quarantine", "retry", "--db", db])
        #expect(retry.status == 0)
        #expect(retry.output.contains("\(file.path): 1 row(s) now read, 3 still quarantined (1 new, 0 updated, 3 unchanged, 3 quarantined)"))
        #expect(try CLI.run(["quarantine", "list", "--db", db]).output.hasSuffix("3 quarantined rows\n"))
        #expect(try CLI.run(["quarantine", "show", "999", "--db", db]).status == 1)
    }
}
