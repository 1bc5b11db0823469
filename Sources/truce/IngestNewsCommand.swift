import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceNews
import TruceStore

struct IngestNewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-news",
        abstract: "Read news reports and propose the attacks, agreement events and demands they state.",
        discussion: """
            Reads plain text, Markdown, HTML (the article body), e-mail (.eml) and JSON Lines of articles \
            ({"url", "published", "title", "text"} per line). Each item is tied to its sentence, with the speaker \
            kept as the claimant and apart from the accused, times read relative to the publication time, and \
            places resolved through the bundled gazetteer. A report states its publication time in its metadata or \
            is given one with --published; without either it is refused, never guessed. Rule-based and offline.

            Without --dry-run, each attack is stored as an incident of dataset `news` whose one claim is the \
            speaker's (or the outlet's), with the article as its source; `truce adjudicate` then links and judges \
            them with every other record. Reading the same reports again adds nothing. A JSON Lines record that is \
            not an article is quarantined with its line and reason. Agreement events and demands are only printed \
            (--dry-run), for an analyst to adopt into the catalogue.
            """)

    @Argument(help: "News reports: .txt, .md, .html, .eml or .jsonl files.")
    var files: [String]

    @Option(help: ArgumentHelp("When the reports were published, where they do not say (ISO 8601 or RFC 2822).", valueName: "time"))
    var published: String?

    @Option(help: ArgumentHelp("The reports' address, where they do not say.", valueName: "url"))
    var source: String?

    @Option(help: ArgumentHelp("The reports' language (en, uk or ru), where they do not say; guessed from the text otherwise.", valueName: "code"))
    var language: NewsLanguage?

    @Flag(name: .long, help: "Print what the reports state (attacks, agreement events, demands), for review, without writing to the database.")
    var dryRun = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let published, PublicationTime.parse(published) == nil {
            throw ValidationError("--published \(published) is not an ISO 8601 (2025-03-19T08:00Z) or RFC 2822 time")
        }
    }

    @OptionGroup var store: StoreOptions

    func run() throws {
        let stated = published.flatMap(PublicationTime.parse)
        let defaults = ArticleReader.Defaults(
            published: stated?.date, publishedPrecision: stated?.precision ?? .minute, url: source, language: language)
        try reportingFailures {
            let opened = dryRun ? nil : try store.open()
            let results = NewsReading.extract(NewsReading.Request(files: files, defaults: defaults))
            if let opened {
                try save(results, into: opened)
            } else {
                try show(results)
            }
            if results.contains(where: { $0.refusal != nil || !$0.problems.isEmpty }) {
                throw Failure(message: "some reports or records were refused (see above)", kind: .invalidInput)
            }
        }
    }

    /// Stores each file's attacks and prints what it did, with the refusals and the records kept aside.
    private func save(_ results: [NewsReading.FileResult], into opened: any Store) throws {
        let stored = try NewsIngest.store(results, into: opened)
        for result in results {
            if let refusal = result.refusal { print("\(refusal)") }
            for problem in result.problems { print("\(problem): quarantined") }
        }
        if output.json {
            print(try TruceJSON.string(stored, pretty: true))
        } else {
            for file in stored { print("\(file.file): \(file.articles) article(s): incidents \(file.summary)") }
        }
    }

    private func show(_ results: [NewsReading.FileResult]) throws {
        if output.json {
            print(try TruceJSON.string(results.map(FileOutput.init), pretty: true))
        } else {
            for result in results { print(Self.text(result), terminator: "") }
        }
    }

    /// A file's result as `--json` prints it.
    struct FileOutput: Encodable {
        var file: String
        var articles: [ArticleExtraction]
        var problems: [String]

        init(_ result: NewsReading.FileResult) {
            file = result.file
            articles = result.extractions
            problems = (result.refusal.map { [$0] } ?? []).map(\.description) + result.problems.map(\.description)
        }
    }

    /// A file's result as text: each article, then each item with its sentence.
    static func text(_ result: NewsReading.FileResult) -> String {
        var lines: [String] = []
        if let refusal = result.refusal { lines.append("\(refusal)") }
        for problem in result.problems { lines.append("\(problem)") }
        for article in result.extractions {
            lines.append(
                "\(article.file)\(article.line > 1 ? ":\(article.line)" : ""): \(article.url ?? "(no address)"), published \(TimeFormatting.utc(article.published)), \(article.items.count) item(s)"
            )
            for item in article.items { lines.append("  " + describe(item)) }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func describe(_ item: NewsItem) -> String {
        switch item {
        case .incident(let incident):
            var parts = [incident.action?.rawValue ?? "attack"]
            if let target = incident.target { parts.append("on \(target.rawValue)\(incident.targetSubtype.map { "/\($0)" } ?? "")") }
            if let place = incident.place {
                parts.append("at \(place.name ?? place.text)\(place.name == nil ? " (ambiguous: \(place.candidates))" : "")")
            }
            if let time = incident.time { parts.append(time.from == time.to ? "on \(time.from)" : "from \(time.from) to \(time.to)") }
            if let count = incident.aggregateCount { parts.append("×\(count)") }
            let by = incident.accused.map { " by \($0)" } ?? ""
            let says = incident.claimant.map { "; \(incident.stance == .denial ? "denied by" : "says") \($0)" } ?? ""
            return "incident: \(parts.joined(separator: " "))\(by)\(says)\n    “\(incident.sentence.text)”"
        case .agreementEvent(let event):
            return
                "agreement event: \(event.event.rawValue) \(event.agreement ?? "(no catalogue agreement)") by \(event.party?.rawValue ?? "?")\n    “\(event.sentence.text)”"
        case .condition(let condition):
            return "condition: \(condition.condition ?? "(new)") of \(condition.party?.rawValue ?? "?")\n    “\(condition.sentence.text)”"
        }
    }
}

extension NewsLanguage: ExpressibleByArgument {}
