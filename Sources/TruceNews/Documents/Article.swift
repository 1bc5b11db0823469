import Foundation
import TruceCore

/// A news report as Truce reads it: its text and what is known of where and when it was published.
public struct Article: Sendable, Hashable {
    /// The report's address, when known (from the option, the document's metadata or the JSON Lines record).
    public var url: String?
    /// When it was published. Relative times in the text ("yesterday", "overnight") are read from it, so an
    /// article without one is refused rather than given a guessed time (see ``NewsInputError``).
    public var published: Date?
    /// How precisely ``published`` is known: `.minute` for a stated time, `.day` for a date alone (then
    /// ``published`` is the day's start in UTC, and "yesterday" means the day before that date).
    public var publishedPrecision: TimePrecision
    public var title: String?
    /// The body as plain text: paragraphs separated by blank lines, markup removed.
    public var text: String
    /// The language the text is written in, when stated or told.
    public var language: NewsLanguage?
    /// The file it was read from, and its line there (a JSON Lines record's line; 1 otherwise).
    public var file: String
    public var line: Int

    public init(
        url: String? = nil, published: Date? = nil, publishedPrecision: TimePrecision = .minute, title: String? = nil, text: String,
        language: NewsLanguage? = nil,
        file: String = "", line: Int = 1
    ) {
        self.url = url
        self.published = published
        self.publishedPrecision = publishedPrecision
        self.title = title
        self.text = text
        self.language = language
        self.file = file
        self.line = line
    }
}

/// The languages whose words Truce's news extraction knows: English fully; Ukrainian and Russian for dates, places,
/// targets, actions and the common attribution verbs.
public enum NewsLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    case en, uk, ru

    /// The language a text is most likely written in: Ukrainian or Russian when most of its letters are Cyrillic
    /// (Ukrainian when it has more letters Russian lacks, і, ї, є, ґ, than letters Ukrainian lacks), English
    /// otherwise.
    public static func guess(_ text: some StringProtocol) -> NewsLanguage {
        var latin = 0
        var cyrillic = 0
        var ukrainian = 0
        var russian = 0
        for scalar in text.unicodeScalars.prefix(4000) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            case 0x0400...0x04FF:
                cyrillic += 1
                switch scalar {
                case "і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ": ukrainian += 1
                case "ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё": russian += 1
                default: break
                }
            default: break
            }
        }
        guard cyrillic > latin else { return .en }
        // Ukrainian text of any length has і, ї, є or ґ; a Cyrillic text with none of them is Russian.
        return ukrainian > 0 && ukrainian >= russian ? .uk : .ru
    }
}
