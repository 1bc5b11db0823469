import Foundation

/// A stretch of an article's text, in Unicode scalars from its start (as Python and most tools count characters),
/// from `start` up to but not including `end`.
public struct TextSpan: Hashable, Codable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}

/// A word or a punctuation mark of a sentence, with its place in the article.
struct Token: Sendable {
    /// As written.
    var text: Substring
    /// Lower-cased, apostrophes made straight: what phrases are matched against.
    var key: String
    /// The key's first three scalars packed in one number, by which phrases are looked up.
    var prefix: UInt64
    var span: TextSpan
    /// Whether it begins with a capital letter (a name, or a sentence's first word).
    var isCapitalised: Bool
    var isWord: Bool
    var isNumber: Bool { Int(key.filter { $0 != "," }) != nil }
}

/// A sentence of an article: its text, span and words.
public struct Sentence: Sendable {
    public var text: Substring
    public var span: TextSpan
    var tokens: [Token]
}

/// Splits text into sentences and words.
enum Tokenizer {
    /// Words after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "maj", "capt", "cpt", "adm", "gov", "sen", "rep", "pres",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "a.m", "p.m",
        "i.e", "e.g", "no", "approx", "etc", "vs", "km", "inc", "ltd", "co", "jr", "sr", "prof", "обл", "вул", "м", "с", "ул", "г",
    ]

    /// The sentences of `text`: ended by `.`, `!`, `?` or `…` before a space and a capital, digit or quote (not
    /// after an abbreviation or an initial), and always by a paragraph break.
    static func sentences(of text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [Sentence] = []
        var start = 0
        func emit(_ end: Int) {
            var from = start
            var to = end
            while from < to, Self.isSpace(scalars[from]) { from += 1 }
            while to > from, Self.isSpace(scalars[to - 1]) { to -= 1 }
            start = end
            guard to > from else { return }
            let piece = String(String.UnicodeScalarView(scalars[from..<to]))
            let span = TextSpan(start: from, end: to)
            sentences.append(Sentence(text: piece[...], span: span, tokens: tokens(of: piece[...], offset: from)))
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                emit(index)
                index += 2
                continue
            }
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" {
                var end = index + 1
                while end < scalars.count, "\"”’')]»".unicodeScalars.contains(scalars[end]) { end += 1 }
                guard end < scalars.count else { break }
                guard Self.isSpace(scalars[end]) else {
                    index += 1
                    continue
                }
                var next = end
                while next < scalars.count, Self.isSpace(scalars[next]) { next += 1 }
                let opensSentence =
                    next < scalars.count
                    && (Self.isUpper(scalars[next]) || Self.isDigit(scalars[next])
                        || "\"“‘'«(".unicodeScalars.contains(scalars[next]))
                if opensSentence && (scalar != "." || !endsWithAbbreviation(scalars, before: index)) {
                    emit(end)
                    index = end
                    continue
                }
            }
            index += 1
        }
        emit(scalars.count)
        return sentences
    }

    /// Whether the word before the full stop at `index` is an abbreviation or a single capital (an initial).
    private static func endsWithAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        while start > 0, Self.isLetter(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
        if word.count == 1, Self.isUpper(scalars[start]) { return true }
        return abbreviations.contains(word)
    }

    /// A digit 0-9 (the sentence splitter and the word reader need no other digits).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    // Character classes with the ASCII answer first: Unicode's property tables cost a search per scalar.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) : scalar.properties.isAlphabetic
    }
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    /// The first three scalars of `key`, 21 bits each.
    static func prefixCode(_ key: some StringProtocol) -> UInt64 {
        var code: UInt64 = 0
        for scalar in key.unicodeScalars.prefix(3) { code = code << 21 | UInt64(scalar.value) }
        return code
    }

    /// The form words are matched in: lower case, with typographic apostrophes made straight.
    static func key(_ word: some StringProtocol) -> String {
        let lower = word.lowercased()
        guard lower.unicodeScalars.contains(where: { $0 == "’" || $0 == "ʼ" }) else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "’" || $0 == "ʼ" ? "'" : $0 }))
    }

    /// The words (letters, digits, inner apostrophes, hyphens and dots) and punctuation marks of `text`, which
    /// starts `offset` scalars into the article.
    static func tokens(of text: Substring, offset: Int) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            isLetter(scalar) || isDigit(scalar) || scalar == "ʼ"
        }
        /// Whether the mark at `at` joins the word begun at `from` to what follows: an apostrophe or hyphen
        /// ("Russia's", "Kh-101"), a comma or point between digits ("1,000", "3.5"), or the points of "U.S." and "a.m.".
        func joins(_ mark: Unicode.Scalar, at: Int, from: Int) -> Bool {
            switch mark {
            case "'", "’", "-": return true
            case ",": return isDigit(scalars[at - 1]) && isDigit(scalars[at + 1])
            case ".":
                if isDigit(scalars[at - 1]) && isDigit(scalars[at + 1]) { return true }
                // One letter before the point, at the word's start or after another point.
                return at - 1 == from || (at >= 2 && scalars[at - 2] == ".")
            default: return false
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                index += 1
                continue
            }
            var end = index + 1
            let isWord = isWordScalar(scalar)
            if isWord {
                while end < scalars.count {
                    let next = scalars[end]
                    if isWordScalar(next) {
                        end += 1
                    } else if end + 1 < scalars.count, isWordScalar(scalars[end + 1]), joins(next, at: end, from: index) {
                        end += 2
                    } else {
                        break
                    }
                }
            }
            let word = Substring(String(String.UnicodeScalarView(scalars[index..<end])))
            let key = Self.key(word)
            tokens.append(
                Token(
                    text: word, key: key, prefix: Self.prefixCode(key), span: TextSpan(start: offset + index, end: offset + end),
                    isCapitalised: Self.isUpper(scalar), isWord: isWord))
            index = end
        }
        return tokens
    }
}
