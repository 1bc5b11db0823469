import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceCore
import TruceServer
import TruceStore

/// The dashboard's pages as a browser gets them: complete HTML in the language asked for, the verdicts table and
/// its exports holding the same rows, an incident's claims, sources, verdicts and review.
@Suite("The dashboard's pages")
struct DashboardPageTests {
    static let agreement = "energy-moratorium-2025"

    /// The incidents a page's verdicts table lists, and the link of its CSV export.
    static func table(_ html: String) -> (incidents: [String], csv: String?, next: String?) {
        let incidents = html.matches(of: /data-incident="([^"]+)"/).map { String($0.1) }
        let csv = html.firstMatch(of: /<a href="(\/api\/v1\/exports[^"]*)">CSV<\/a>/).map { unescaped(String($0.1)) }
        let next = html.firstMatch(of: /<a href="([^"]+)#verdicts" rel="next">/).map { unescaped(String($0.1)) }
        return (incidents, csv, next)
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x3D;", with: "=")
    }

    @Test("the agreements page lists each agreement with its kind, status today and window, in English, Ukrainian and Russian")
    func agreementsInThreeLanguages() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await app.test(.router) { client in
            let expected: [(String, String, String)] = [
                ("en", "Agreements", "partial ceasefire"), ("uk", "Угоди", "часткове припинення вогню"),
                ("ru", "Соглашения", "частичное прекращение огня"),
            ]
            for (lang, heading, kind) in expected {
                let page = try await client.get("/?lang=\(lang)")
                #expect(page.status == .ok && page.contentType?.hasPrefix("text/html") == true)
                #expect(page.text.contains("<html lang=\"\(lang)\">") && page.text.contains("<h1>\(heading)</h1>"), "\(lang)")
                #expect(page.text.contains(kind) && page.text.contains("/agreements/\(Self.agreement)?lang=\(lang)"), "\(lang)")
            }
            // Regions and targets in the reader's language where the tables have them; the feed linked.
            let ukrainian = try await client.get("/agreements/\(Self.agreement)?lang=uk").text
            #expect(ukrainian.contains("Харківська область") && ukrainian.contains("Енергетика"))
            #expect(ukrainian.contains("/agreements/\(Self.agreement)/feed.atom?evidence=verified"))
            #expect(try await client.get("/agreements/\(Self.agreement)?lang=ru").text.contains("Харьковская область"))
            let negotiated = try await client.get("/", headers: [.acceptLanguage: "uk-UA,uk;q=0.9"])
            #expect(negotiated.text.contains("<html lang=\"uk\">"))
            #expect(try await client.get("/?lang=de").status == .badRequest)
        }
    }

    @Test("for five filter combinations the verdicts table's rows are exactly the rows of its CSV export")
    func exactExport() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        let combinations = [
            "", "verdict=violation", "evidence=single_claim&party=RU", "from=2025-03-18&to=2025-03-25&verdict=",
            "region=Kharkiv%20Oblast&verdict=violation&party=&evidence=",
        ]
        try await app.test(.router) { client in
            var listed = 0
            for combination in combinations {
                var uri: String? = "/agreements/\(Self.agreement)?\(combination)"
                var rows: [String] = []
                var csv: String?
                while let next = uri {
                    let page = try await client.get(next)
                    #expect(page.status == .ok, "\(next): \(page.text.prefix(300))")
                    let table = Self.table(page.text)
                    rows += table.incidents
                    csv = csv ?? table.csv
                    uri = table.next
                }
                let link = try #require(csv, "\(combination): no CSV export link")
                let export = try await client.get(link)
                #expect(export.status == .ok, "\(link)")
                let exported = export.text.split(separator: "\n").dropFirst().map { String($0.split(separator: ",").first ?? "") }
                #expect(rows.sorted() == exported.sorted(), "\(combination): table \(rows.sorted()), export \(exported.sorted())")
                listed += rows.count
            }
            #expect(listed > 0)
        }
    }

    @Test("the agreement page's figures follow a verification made after they were first shown: its report is kept while the store is unchanged")
    func figuresFollowWrites() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        @Sendable func verifiedRU(_ html: String) -> Int? {
            html.firstMatch(of: /<tr><td>RU<\/td><td class="n">\d+<\/td><td class="n">(\d+)<\/td>/).flatMap { Int($0.1) }
        }
        try await app.test(.router) { client in
            let before = try await client.get("/agreements/\(Self.agreement)").text
            #expect(verifiedRU(before) == 0)
            #expect(verifiedRU(try await client.get("/agreements/\(Self.agreement)").text) == 0)  // served from what was kept
            _ = try Reviews.act(.verify, on: "srv-001", by: ChangeAuthor(name: "analyst", role: .analyst), in: store)
            _ = try Adjudicating.run(store: store, all: false)
            #expect(verifiedRU(try await client.get("/agreements/\(Self.agreement)").text) == 1)
        }
    }

    @Test("anonymous pages are kept per language asked; a signed-in reader's page is never kept for anyone else")
    func keptPages() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration { $0.publicAccess = .on })
        try await app.test(.router) { client in
            for _ in 0..<2 {
                let ukrainian = try await client.get("/", headers: [.acceptLanguage: "uk"]).text
                let russian = try await client.get("/", headers: [.acceptLanguage: "ru"]).text
                #expect(ukrainian.contains("<html lang=\"uk\">") && russian.contains("<html lang=\"ru\">"))
            }
            let signedIn = try await client.get("/agreements/\(Self.agreement)", headers: accounts.bearer(.analyst)).text
            #expect(signedIn.contains(">analyst<"))
            let anonymous = try await client.get("/agreements/\(Self.agreement)").text
            #expect(!anonymous.contains(">analyst<") && anonymous.contains("/signin?"))
        }
    }

    @Test("an incident's page shows its claims, sources verbatim and verdicts; its review only to reviewers")
    func incidentPage() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        _ = try Reviews.act(.verify, on: "srv-001", note: "seen by two monitors", by: ChangeAuthor(name: "analyst", role: .analyst), in: store)
        _ = try Adjudicating.run(store: store, all: false)
        try await app.test(.router) { client in
            let reviewer = try await client.get("/incidents/srv-001", headers: accounts.bearer(.analyst)).text
            #expect(reviewer.contains("<h1>Incident srv-001</h1>") && reviewer.contains("verified in review"))
            #expect(reviewer.contains("Review") && reviewer.contains("seen by two monitors"))
            #expect(reviewer.contains("Source records, verbatim") && reviewer.contains("Verdicts, clause by clause"))
            let viewer = try await client.get("/incidents/srv-001?lang=ru", headers: accounts.bearer(.viewer)).text
            #expect(viewer.contains("Инцидент srv-001") && !viewer.contains("seen by two monitors"))
            let agreementPage = try await client.get("/agreements/\(Self.agreement)?evidence=verified", headers: accounts.bearer(.viewer)).text
            #expect(Self.table(agreementPage).incidents == ["srv-001"])
        }
    }
}
