import Foundation
import Testing

@Suite("truce verdicts list, a page at a time")
struct VerdictPagingCLITests {
    /// A store with the 2025 catalogue and the example incidents, judged: several events have more than one record.
    static let judged: Swift.Result<String, any Error> = Result {
        let db = try CLI.temporaryDirectory().appendingPathComponent("paged.sqlite").path
        for arguments in [
            ["agreements", "load", "agreements/2025"], ["incidents", "load", "examples/2025/incidents.csv"],
            ["import", "acled", "examples/2025/acled-format-sample.csv"], ["adjudicate"],
        ] {
            let run = try CLI.run(arguments + ["--db", db])
            guard run.status == 0 else { throw RealData.Failure("\(arguments): \(run.errors)") }
        }
        return db
    }

    /// Every row of `arguments`' listing, read page after page through the printed `--after`, and how many pages.
    static func pages(_ arguments: [String], limit: Int) throws -> (rows: [String], pages: Int) {
        var rows: [String] = []
        var after: [String] = []
        for page in 1...1_000 {
            let run = try CLI.run(["verdicts", "list", "--json", "--db", try judged.get(), "--limit", String(limit)] + arguments + after)
            #expect(run.status == 0, "\(run.errors)")
            rows += try canonical(run.output)
            guard let token = run.errors.split(separator: " ").drop(while: { $0 != "--after" }).dropFirst().first else {
                return (rows, page)
            }
            after = ["--after", String(token)]
        }
        Issue.record("the pages never ended")
        return (rows, 0)
    }

    /// The JSON rows of a listing, each as JSON with sorted keys.
    static func canonical(_ json: String) throws -> [String] {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return try rows.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
    }

    @Test(
        "pages of event verdicts, each after the position the one before printed, list every row of --all exactly once, whole",
        arguments: [3, 100])
    func eventPagesCoverTheListingOnce(limit: Int) throws {
        let everything = try Self.canonical(try CLI.run(["verdicts", "list", "--json", "--all", "--db", try Self.judged.get()]).output)
        let multiRecord = everything.filter { $0.components(separatedBy: "\"incident\"").count > 2 }
        #expect(!multiRecord.isEmpty, "the store has events of several records, which pages must not split")
        let paged = try Self.pages([], limit: limit)
        #expect(paged.rows.sorted() == everything.sorted())
        #expect(Set(paged.rows).count == paged.rows.count)
        #expect(paged.pages == max(1, (everything.count + limit - 1) / limit), "every page but the last is full, and no empty page follows")
    }

    @Test("pages of record verdicts with filters list the same rows, in the same order, as --all")
    func recordPagesFollowTheOrder() throws {
        let filters = ["--by", "record", "--agreement", "energy-moratorium-2025"]
        let everything = try Self.canonical(try CLI.run(["verdicts", "list", "--json", "--all", "--db", try Self.judged.get()] + filters).output)
        #expect(everything.count > 3)
        #expect(try Self.pages(filters, limit: 3).rows == everything)
    }

    @Test("the first page holds --limit rows, says on standard error how to go on, and the last page says nothing")
    func firstPageSaysHowToGoOn() throws {
        let db = try Self.judged.get()
        let first = try CLI.run(["verdicts", "list", "--db", db, "--limit", "2"])
        #expect(first.status == 0)
        #expect(first.output.contains("2 event verdicts on"))
        #expect(first.errors.contains("More rows follow: add --after "))
        let last = try CLI.run(["verdicts", "list", "--db", db, "--limit", "100000"])
        #expect(last.status == 0 && last.errors.isEmpty)
    }

    @Test("an --after that no listing printed, --limit 0 and --all with --after are refused as usage errors")
    func badPagingOptionsAreRefused() throws {
        let db = try Self.judged.get()
        for arguments in [["--after", "not a position"], ["--limit", "0"], ["--all", "--after", "MTc0MjM0MjQwMB9hHw"]] {
            let run = try CLI.run(["verdicts", "list", "--db", db] + arguments)
            #expect(run.status == 64, "\(arguments): \(run.errors)")
        }
    }
}
