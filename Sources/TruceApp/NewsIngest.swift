import Crypto
import Foundation
import TruceCore
import TruceNews
import TruceStore

/// Stores the attacks news reports state (``NewsReading``) as incidents of dataset `news`: each one claim, by the
/// speaker the sentence names (or the outlet), with the article as its source (address, publication time, the
/// sentence), so that they are linked into events and judged like every other record. An article read again
/// adds nothing: an incident's id is worked out from the article's address (or file and line) and the sentence.
///
/// Agreement events and demands are printed for review (`--dry-run`) and not stored: an analyst adopts them
/// into the catalogue.
public enum NewsIngest {
    /// The dataset name of incidents read from news.
    public static let dataset = "news"

    /// What storing one file's reports did.
    public struct Stored: Sendable, Encodable {
        public var file: String
        public var articles: Int
        public var summary: LoadSummary
    }

    /// Saves every file's incidents, one transaction per file.
    public static func store(_ results: [NewsReading.FileResult], into store: any Store) throws -> [Stored] {
        try results.filter { $0.refusal == nil }.map { result in
            let incidents = result.extractions.flatMap(Self.incidents(from:))
            // Records that are not articles are kept aside with their reasons, as every import's are.
            let summary = try store.save(incidents: incidents, quarantined: result.rejected)
            return Stored(file: result.file, articles: result.extractions.count, summary: summary)
        }
    }

    /// The incidents an article's extraction proposes.
    public static func incidents(from extraction: ArticleExtraction) -> [Incident] {
        var incidents: [Incident] = []
        var seen: [TextSpan: Int] = [:]
        for item in extraction.items {
            guard case .incident(let mention) = item else { continue }
            let ordinal = seen[mention.sentence.span, default: 0]
            seen[mention.sentence.span] = ordinal + 1
            incidents.append(incident(mention, ordinal: ordinal, in: extraction))
        }
        return incidents
    }

    /// One mention as an incident; `ordinal` tells apart several items of one sentence.
    static func incident(_ mention: IncidentMention, ordinal: Int, in article: ArticleExtraction) -> Incident {
        let origin = article.url ?? "\(article.file):\(article.line)"
        let key = "\(origin)#\(mention.sentence.span.start)-\(mention.sentence.span.end)#\(ordinal)"
        let id = "news:" + SHA256.hash(data: Data(key.utf8)).prefix(8).lowercaseHex
        let published = TimeFormatting.utc(article.published)
        let claimant = mention.claimant ?? article.url.flatMap { URL(string: $0)?.host } ?? "the report"
        let quote = String(mention.sentence.text.prefix(SourceReference.maximumQuoteLength))
        let source = article.url.map { SourceReference(url: $0, published: published, title: article.title, quote: quote) }
        let claim = Claim(claimant: claimant, claimantParty: mention.claimantParty, accused: mention.accused, source: source, stance: mention.stance)
        let record = SourceRecord(
            dataset: dataset, file: article.file, line: article.line, key: key,
            fields: [
                .init(name: "url", value: article.url ?? ""), .init(name: "published", value: published),
                .init(name: "title", value: article.title ?? ""), .init(name: "sentence", value: mention.sentence.text),
                .init(name: "span", value: "\(mention.sentence.span.start)-\(mention.sentence.span.end)"),
                .init(name: "language", value: article.language.rawValue),
            ])
        return Incident(
            id: id, time: time(mention.time, published: article.published), location: location(mention.place), action: mention.action,
            acts: mention.aggregateCount, target: Target(category: mention.target, subtype: mention.targetSubtype),
            perpetrator: mention.accused.flatMap { mention.stance == .denial ? nil : Attribution(party: $0, attributedBy: claimant) },
            effects: Effects(fatalities: mention.fatalities, injured: mention.injured), description: description(mention),
            claims: [claim], sources: [record])
    }

    /// The mention's time, or, when the sentence states none, the publication's day as the span it was reported in.
    static func time(_ time: TimeMention?, published: Date) -> IncidentTime {
        if let time { return IncidentTime(span: time.span, precision: time.precision, timeZone: ZoneIdentifier(time.zone)) }
        let day = (published.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        let start = Date(timeIntervalSince1970: day)
        return IncidentTime(span: TimeSpan(start: start, end: start.addingTimeInterval(86_400)), precision: .unstated, timeZone: .utc)
    }

    static func location(_ place: PlaceMention?) -> IncidentLocation {
        guard let place else { return IncidentLocation(country: nil, precision: .unknown) }
        var coordinate: Coordinate?
        if let latitude = place.latitude, let longitude = place.longitude { coordinate = Coordinate(latitude: latitude, longitude: longitude) }
        return IncidentLocation(
            country: place.country, admin1: place.admin1, place: place.precision == .locality ? place.name : nil, coordinate: coordinate,
            precision: place.precision)
    }

    /// A short description in Truce's words: "drone strike on energy (substation), as reported".
    static func description(_ mention: IncidentMention) -> String {
        var text = (mention.action?.rawValue ?? "attack").replacingOccurrences(of: "_", with: " ")
        if let target = mention.target {
            text += " on \(target.rawValue)" + (mention.targetSubtype.map { " (\($0.replacingOccurrences(of: "_", with: " ")))" } ?? "")
        }
        if let count = mention.aggregateCount { text += ", \(count) in all" }
        text += mention.stance == .denial ? ", denied" : ", as reported"
        return text
    }
}
