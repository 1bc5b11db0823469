import Foundation
import TruceCore

/// Reads an article and proposes what it states: attacks (with their means, target, place, time, toll, who is
/// accused and who says so), steps of agreements, and parties' demands. Rule-based and deterministic: the same
/// article always gives the same items, offline, from the word lists of `Resources/Lexicon` and the gazetteer.
///
/// Neutral by construction: a sentence's speaker ("Ukraine's energy ministry said") becomes the claimant, never the
/// accused; the accused is only the party the sentence says acted ("Russian drones struck", "an attack by Russia").
/// When the words do not decide, the field is left empty rather than guessed.
public struct NewsExtractor: Sendable {
    public var gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// What `article` states. The article must have a publication time (``ArticleReader`` ensures it).
    public func extract(_ article: Article) -> ArticleExtraction {
        let language = article.language ?? NewsLanguage.guess(article.text)
        let lexicon = Lexicon.bundled(language)
        let published = article.published ?? Date(timeIntervalSince1970: 0)
        let times = TimeReader(lexicon: lexicon, published: published, publishedPrecision: article.publishedPrecision)
        let places = PlaceFinder(gazetteer: gazetteer, lexicon: lexicon)
        var items: [NewsItem] = []
        var context = ArticleContext()
        for sentence in Tokenizer.sentences(of: article.text) {
            let reading = SentenceReading(sentence: sentence, lexicon: lexicon)
            let reference = SentenceReference(span: sentence.span, text: String(sentence.text))
            let place = places.place(in: sentence, near: context.places)
            if let place, let resolved = place.resolved { context.places.append(resolved) }
            if reading.isIncident {
                let zone = Self.zone(
                    place?.mention.country ?? reading.speakerCountry ?? context.country ?? reading.firstPartyCountry, language: language)
                let time = times.time(in: sentence, zone: zone, excluding: reading.statementWindow)
                let clauses = reading.attackClauses
                if clauses.count == 1 {
                    items += reading.incidents(reference, place: place?.mention, time: time).map(NewsItem.incident)
                } else {
                    // Each clause its own attack: its own place and time where it states them, else the sentence's.
                    for clause in clauses {
                        let part = Sentence(text: sentence.text, span: sentence.span, tokens: Array(sentence.tokens[clause]))
                        let partReading = SentenceReading(tokens: part.tokens, lexicon: lexicon, inheriting: reading)
                        let partPlace = places.place(in: part, near: context.places) ?? place
                        let partTime = times.time(in: part, zone: zone, excluding: partReading.statementWindow) ?? time
                        items += partReading.incidents(reference, place: partPlace?.mention, time: partTime).map(NewsItem.incident)
                    }
                }
                if let country = place?.mention.country { context.country = country }
                items += reading.agreementEvents(reference, inContext: context.agreement, besideAnAttack: true).map(NewsItem.agreementEvent)
            } else {
                items += reading.agreementEvents(reference, inContext: context.agreement).map(NewsItem.agreementEvent)
                items += reading.conditions(reference, inContext: context.agreement).map(NewsItem.condition)
            }
            context.agreement = reading.agreementNamed ?? context.agreement
        }
        return ArticleExtraction(
            url: article.url, title: article.title, file: article.file, line: article.line, published: published, language: language, items: items)
    }

    /// The zone an item's days are counted in: its place's country's, else the language's, else UTC.
    static func zone(_ country: String?, language: NewsLanguage) -> ZoneIdentifier {
        switch country {
        case "UA": return ZoneIdentifier.cached("Europe/Kyiv") ?? .utc
        case "RU": return ZoneIdentifier.cached("Europe/Moscow") ?? .utc
        case "PS": return ZoneIdentifier.cached("Asia/Gaza") ?? .utc
        case "IL": return ZoneIdentifier.cached("Asia/Jerusalem") ?? .utc
        default:
            switch language {
            case .uk: return ZoneIdentifier.cached("Europe/Kyiv") ?? .utc
            case .ru: return ZoneIdentifier.cached("Europe/Moscow") ?? .utc
            case .en: return .utc
            }
        }
    }

    /// What earlier sentences of the article established: places named (which decide between places of the same
    /// name later) and the country of the last incident.
    struct ArticleContext {
        var places: [Gazetteer.Place] = []
        var country: String?
        /// The agreement last named.
        var agreement: AgreementID?
    }
}
