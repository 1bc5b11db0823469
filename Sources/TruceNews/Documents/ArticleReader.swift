import Foundation
import TruceCore

/// Reads news reports from files: plain text, Markdown, HTML, e-mail (`.eml`) and JSON Lines of articles
/// (`{"url", "published", "title", "text"}` per line).
///
/// What the caller knows (``Defaults``: the publication time, the address, the language) fills what a document
/// does not state; a document's own metadata wins over nothing but loses to nothing either: the caller's value is
/// used only where the document is silent. A report that ends with no publication time is refused, never given a
/// guessed one, since every relative time in it ("yesterday", "overnight") hangs on it.
public struct ArticleReader: Sendable {
    /// What the caller states for every article of the files read.
    public struct Defaults: Sendable {
        public var published: Date?
        public var publishedPrecision: TimePrecision
        public var url: String?
        public var language: NewsLanguage?

        public init(published: Date? = nil, publishedPrecision: TimePrecision = .minute, url: String? = nil, language: NewsLanguage? = nil) {
            self.published = published
            self.publishedPrecision = publishedPrecision
            self.url = url
            self.language = language
        }
    }

    /// The kinds of file read, told by the name's extension (and, without one, by the content).
    public enum Kind: String, Sendable, CaseIterable {
        case text, markdown, html, email
        case jsonLines = "jsonl"

        init(file: String, content: Substring) {
            switch URL(fileURLWithPath: file).pathExtension.lowercased() {
            case "md", "markdown": self = .markdown
            case "html", "htm", "xhtml": self = .html
            case "eml": self = .email
            case "jsonl", "ndjson": self = .jsonLines
            case "txt", "text": self = .text
            default:
                let start = content.drop(while: \.isWhitespace).prefix(512).lowercased()
                if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.contains("<body") {
                    self = .html
                } else if start.hasPrefix("{") {
                    self = .jsonLines
                } else {
                    self = .text
                }
            }
        }
    }

    /// What reading files gave: the articles, and the records left out (a JSON Lines line that is not an article),
    /// each kept whole with its problems, which name the file, line and field.
    public struct Result: Sendable {
        public var articles: [Article] = []
        public var rejected: [QuarantinedRecord] = []

        /// The problems of the records left out.
        public var problems: [Diagnostic] { rejected.flatMap(\.problems) }
    }

    public var defaults: Defaults

    public init(defaults: Defaults = Defaults()) { self.defaults = defaults }

    /// The articles of `file`.
    /// - Throws: a ``Diagnostic`` naming the file when it cannot be read, is empty, is not text (binary, invalid
    ///   UTF-8), has no article text, or has no publication time.
    public func read(file: String) throws -> Result {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw Diagnostic(file: file, line: nil, field: "", message: "cannot be read: \((error as NSError).localizedDescription)")
        }
        return try read(data: data, file: file)
    }

    /// The articles of a document's bytes; `file` names it in errors.
    public func read(data: Data, file: String) throws -> Result {
        guard !data.isEmpty else { throw Diagnostic(file: file, line: nil, field: "", message: "is empty") }
        if data.prefix(8192).contains(0) {
            throw Diagnostic(file: file, line: nil, field: "", message: "is not text (it holds NUL bytes: a binary file?)")
        }
        guard var content = String(validating: data, as: UTF8.self) else {
            throw Diagnostic(file: file, line: Self.firstInvalidLine(data), field: "", message: "is not valid UTF-8 text")
        }
        if content.hasPrefix("\u{FEFF}") { content.removeFirst() }
        let kind = Kind(file: file, content: content[...])
        if kind == .jsonLines { return try JSONLinesArticles(defaults: defaults).read(content, file: file) }
        var article: Article
        switch kind {
        case .html: article = Self.html(content, file: file)
        case .markdown: article = MarkdownArticle.read(content, file: file)
        case .email: article = try EmailArticle.read(content, file: file)
        case .text, .jsonLines: article = Article(text: Self.normalisedParagraphs(content), file: file)
        }
        return Result(articles: [try completed(article, kind: kind)])
    }

    /// `article` with the defaults where it is silent, checked for text and a publication time.
    func completed(_ article: Article, kind: Kind, field: String = "") throws -> Article {
        var article = article
        if article.published == nil, let published = defaults.published {
            article.published = published
            article.publishedPrecision = defaults.publishedPrecision
        }
        article.url = article.url ?? defaults.url
        article.language = defaults.language ?? article.language ?? NewsLanguage.guess(article.text)
        guard !article.text.allSatisfy(\.isWhitespace) else {
            let what = kind == .html ? "has no article text (only markup, navigation or scripts)" : "has no text"
            throw Diagnostic(file: article.file, line: kind == .jsonLines ? article.line : nil, field: field.isEmpty ? "" : "text", message: what)
        }
        guard article.published != nil else {
            throw Diagnostic(
                file: article.file, line: kind == .jsonLines ? article.line : nil, field: kind == .jsonLines ? "published" : "",
                message: "no publication time: the document states none; give one with --published (relative times such as "
                    + "\"yesterday\" are read from it, so it is never guessed)")
        }
        return article
    }

    static func html(_ content: String, file: String) -> Article {
        let page = HTMLText(html: content)
        let published = page.published.flatMap(PublicationTime.parse)
        return Article(
            url: page.url, published: published?.date, publishedPrecision: published?.precision ?? .minute, title: page.title,
            text: page.text, language: page.language.flatMap { NewsLanguage(rawValue: String($0.prefix(2)).lowercased()) }, file: file)
    }

    /// Lines trimmed, runs of blank lines made one, Windows line ends made Unix ones.
    static func normalisedParagraphs(_ text: String) -> String {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// The line of the first byte that is not valid UTF-8.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for (index, byte) in zip(data.indices, data) where byte == 0x0A {
            if String(validating: data[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
