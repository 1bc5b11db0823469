import Foundation
import Testing
import TruceCore
import TruceNews

@Suite("Reading news reports")
struct ArticleReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/articles")

    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @Test("an HTML page gives its article's text, without navigation, scripts or asides, and its metadata")
    func htmlArticle() throws {
        let article = try #require(try ArticleReader().read(file: Self.path("strike.html")).articles.first)
        #expect(article.title == "Drones hit Kherson substation")
        #expect(article.url == "https://news.example.org/2025/03/19/kherson")
        #expect(article.published == ISO8601DateFormatter().date(from: "2025-03-19T07:30:00Z"))
        #expect(article.language == .en)
        #expect(article.text.contains("Russian drones struck a substation in Kherson overnight, Ukraine’s energy ministry said."))
        for absent in ["Home", "tracking", "Most read", "©"] { #expect(!article.text.contains(absent), "\(absent)") }
    }

    @Test("Markdown front matter gives the metadata; the body loses its markup")
    func markdownArticle() throws {
        let article = try #require(try ArticleReader().read(file: Self.path("statement.md")).articles.first)
        #expect(article.url == "https://news.example.org/2025/03/18/kremlin")
        #expect(article.title == "Kremlin sets conditions")
        #expect(article.text.contains("Moscow demanded an end to foreign military aid and intelligence sharing for Kyiv."))
        #expect(!article.text.contains("#") && !article.text.contains("**"))
    }

    @Test("an e-mail gives its Date, Subject, first address and decoded quoted-printable body")
    func emailArticle() throws {
        let article = try #require(try ArticleReader().read(file: Self.path("brief.eml")).articles.first)
        #expect(article.title == "Morning brief")
        #expect(article.published == ISO8601DateFormatter().date(from: "2025-03-19T07:15:00Z"))
        #expect(article.url == "https://news.example.org/brief")
        #expect(
            article.text.contains(
                "Russia’s defence ministry accused Ukraine of attacking an oil depot in Krasnodar Krai on Tuesday. Kyiv denied the claim."))
    }

    @Test("JSON Lines: good lines are read, a bad line is reported with its line and field and the others kept")
    func jsonLines() throws {
        let result = try ArticleReader().read(file: Self.path("articles.jsonl"))
        #expect(result.articles.map(\.url) == ["https://news.example.org/a1", "https://news.example.org/a3"])
        #expect(result.articles.map(\.line) == [1, 4])
        #expect(result.articles[1].publishedPrecision == .day)
        #expect(result.problems.map(\.line) == [2, 3])
        #expect(result.problems.map(\.field) == ["published", ""])
        #expect(result.problems[0].description.hasPrefix(Self.path("articles.jsonl") + ":2: published: "))
    }

    @Test("a report without a publication time is refused, naming the file, unless one is given")
    func publicationTimeIsNeverGuessed() throws {
        let refusal = try #require(throws: Diagnostic.self) { try ArticleReader().read(file: Self.path("undated.txt")) }
        #expect(refusal.file == Self.path("undated.txt") && refusal.message.contains("--published"))
        let given = Date(timeIntervalSince1970: 1_742_371_200)
        let article = try #require(try ArticleReader(defaults: .init(published: given)).read(file: Self.path("undated.txt")).articles.first)
        #expect(article.published == given)
        #expect(article.text == "Strikes hit Kharkiv.\n\nA second paragraph.")
    }

    @Test("empty, binary, invalid UTF-8 and text-less HTML files are refused with a reason naming the file")
    func malformedInput() throws {
        let reader = ArticleReader(defaults: .init(published: Date(timeIntervalSince1970: 1_742_371_200)))
        let cases: [(Data, String, String)] = [
            (Data(), "empty.txt", "is empty"),
            (Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]), "archive.txt", "NUL"),
            (Data("Kyiv\n".utf8) + Data([0xFF, 0xFE, 0x41]), "latin1.txt", "not valid UTF-8"),
        ]
        for (data, name, reason) in cases {
            let refusal = try #require(throws: Diagnostic.self) { try reader.read(data: data, file: name) }
            #expect(refusal.file == name && refusal.message.contains(reason), "\(refusal)")
        }
        let invalid = try #require(throws: Diagnostic.self) { try reader.read(data: Data("Kyiv\n".utf8) + Data([0xFF]), file: "latin1.txt") }
        #expect(invalid.line == 2)
        let page = try #require(throws: Diagnostic.self) { try reader.read(file: Self.path("empty-page.html")) }
        #expect(page.message.contains("no article text"))
    }

    @Test("publication times: ISO 8601 with or without a zone, a date alone, RFC 2822")
    func publicationTimes() {
        let utc = { (text: String) in ISO8601DateFormatter().date(from: text)! }
        #expect(PublicationTime.parse("2025-03-19T16:05:00+02:00")?.date == utc("2025-03-19T14:05:00Z"))
        #expect(PublicationTime.parse("2025-03-19T14:05:00.123Z")?.date == utc("2025-03-19T14:05:00Z"))
        #expect(PublicationTime.parse("2025-03-19")?.precision == .day)
        #expect(PublicationTime.parse("Wed, 19 Mar 2025 14:05:00 +0000")?.date == utc("2025-03-19T14:05:00Z"))
        #expect(PublicationTime.parse("19 Mar 2025 16:05 +0200")?.date == utc("2025-03-19T14:05:00Z"))
        #expect(PublicationTime.parse("31 Apr 2025 10:00 GMT") == nil)
        #expect(PublicationTime.parse("yesterday") == nil)
    }
}
