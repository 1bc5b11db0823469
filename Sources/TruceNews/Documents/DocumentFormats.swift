import Foundation
import TruceCore

/// A Markdown article: YAML-style front matter (`title`, `published` or `date`, `url` or `source`, `language`)
/// between `---` lines, then the body with headings, emphasis, links and images reduced to their text.
enum MarkdownArticle {
    static func read(_ content: String, file: String) -> Article {
        var body = Substring(content)
        var fields: [String: String] = [:]
        if body.hasPrefix("---\n") || body.hasPrefix("---\r\n"),
            let end = body.range(of: "\n---", range: body.index(body.startIndex, offsetBy: 3)..<body.endIndex)
        {
            for line in body[body.index(body.startIndex, offsetBy: 3)..<end.lowerBound].split(whereSeparator: \.isNewline) {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\"'"))
                fields[key] = value
            }
            body = body[end.upperBound...].drop { $0 != "\n" }
        }
        let published = (fields["published"] ?? fields["date"]).flatMap(PublicationTime.parse)
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(plain)
        return Article(
            url: fields["url"] ?? fields["source"], published: published?.date, publishedPrecision: published?.precision ?? .minute,
            title: fields["title"], text: ArticleReader.normalisedParagraphs(lines.joined(separator: "\n")),
            language: fields["language"].flatMap(NewsLanguage.init(rawValue:)), file: file)
    }

    /// One line's text: heading marks, quote marks, list bullets, emphasis and link targets removed.
    static func plain(_ line: Substring) -> String {
        var text = line.drop { $0 == "#" || $0 == ">" }.drop(while: \.isWhitespace)
        if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " { text = text.dropFirst(2) }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "!" || character == "[" {
                // [label](target) and ![alt](target) keep the label.
                let open = character == "!" ? text.index(after: index) : index
                if open < text.endIndex, text[open] == "[", let close = text[open...].firstIndex(of: "]"),
                    text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
                    let end = text[close...].firstIndex(of: ")")
                {
                    result += text[text.index(after: open)..<close]
                    index = text.index(after: end)
                    continue
                }
            }
            if character == "*" || character == "_" || character == "`" {
                index = text.index(after: index)
                continue
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result
    }
}

/// An e-mail (`.eml`): `Date`, `Subject` and the first `http` address of the body as the article's metadata; the
/// body's `text/plain` part (else its `text/html` part), quoted-printable or base64 decoded.
enum EmailArticle {
    static func read(_ content: String, file: String) throws -> Article {
        let normalised = content.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = normalised.range(of: "\n\n") else {
            throw Diagnostic(file: file, line: nil, field: "", message: "is not an e-mail: no blank line ends its headers")
        }
        let headers = Self.headers(normalised[..<split.lowerBound])
        guard headers["date"] != nil || headers["subject"] != nil || headers["from"] != nil else {
            throw Diagnostic(file: file, line: 1, field: "", message: "is not an e-mail: it has no Date, Subject or From header")
        }
        var text = try Self.text(of: headers, body: normalised[split.upperBound...], file: file)
        if text.html { text.body = HTMLText(html: text.body).text }
        let published = headers["date"].flatMap(PublicationTime.parse)
        let url = text.body.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        return Article(
            url: url.map(String.init), published: published?.date, publishedPrecision: published?.precision ?? .minute,
            title: headers["subject"], text: ArticleReader.normalisedParagraphs(text.body), file: file)
    }

    /// Header names (lower-case) and values, folded lines joined.
    static func headers(_ block: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var last: String?
        for line in block.split(separator: "\n") {
            if let first = line.first, first == " " || first == "\t", let key = last {
                result[key, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].lowercased()
            result[key] = result[key] ?? line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            last = key
        }
        return result
    }

    /// The readable text of a message (or of one part of it), and whether it is HTML.
    static func text(of headers: [String: String], body: Substring, file: String) throws -> (body: String, html: Bool) {
        let type = headers["content-type"]?.lowercased() ?? "text/plain"
        if type.hasPrefix("multipart/"), let boundary = parameter("boundary", of: headers["content-type"] ?? "") {
            var parts: [(body: String, html: Bool)] = []
            for part in body.components(separatedBy: "--" + boundary).dropFirst() where !part.hasPrefix("--") {
                let trimmed = part.drop { $0 == "\n" }
                guard let split = trimmed.range(of: "\n\n") else { continue }
                parts.append(try text(of: Self.headers(trimmed[..<split.lowerBound]), body: trimmed[split.upperBound...], file: file))
            }
            if let plain = parts.first(where: { !$0.html && !$0.body.isEmpty }) { return plain }
            if let html = parts.first(where: { $0.html }) { return html }
            return ("", false)
        }
        guard type.hasPrefix("text/") else { return ("", false) }
        let encoding = headers["content-transfer-encoding"]?.lowercased() ?? ""
        let decoded: String
        switch encoding {
        case "quoted-printable": decoded = quotedPrintable(body)
        case "base64":
            guard let data = Data(base64Encoded: body.filter { !$0.isWhitespace }), let text = String(data: data, encoding: .utf8) else {
                throw Diagnostic(file: file, line: nil, field: "Content-Transfer-Encoding", message: "the base64 body does not decode to UTF-8 text")
            }
            decoded = text
        default: decoded = String(body)
        }
        return (decoded, type.hasPrefix("text/html"))
    }

    static func parameter(_ name: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name {
                return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Quoted-printable decoded as UTF-8: `=XX` bytes, soft line breaks (`=` at a line's end) joined.
    static func quotedPrintable(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "=") else {
                bytes.append(byte)
                continue
            }
            if utf8.first == 0x0A {
                utf8 = utf8.dropFirst()
            } else if utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A JSON Lines file of articles: each line an object with `text` (required), `url`, `published`, `title` and
/// `language`. A line that is not such an object is reported with its line and field and left out; the others
/// are read.
struct JSONLinesArticles {
    let defaults: ArticleReader.Defaults

    func read(_ content: String, file: String) throws -> ArticleReader.Result {
        var result = ArticleReader.Result()
        let reader = ArticleReader(defaults: defaults)
        for (offset, line) in content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            func reject(_ problem: Diagnostic) {
                result.rejected.append(QuarantinedRecord(dataset: "news", file: file, line: number, problems: [problem], raw: String(line)))
            }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                reject(Diagnostic(file: file, line: number, field: "", message: "is not a JSON object"))
                continue
            }
            guard let text = object["text"] as? String else {
                reject(Diagnostic(file: file, line: number, field: "text", message: "is missing or not a string"))
                continue
            }
            var published: (date: Date, precision: TimePrecision)?
            if let stated = object["published"] {
                guard let string = stated as? String, let parsed = PublicationTime.parse(string) else {
                    reject(
                        Diagnostic(file: file, line: number, field: "published", message: "\(stated) is not an ISO 8601 or RFC 2822 time"))
                    continue
                }
                published = parsed
            }
            let article = Article(
                url: object["url"] as? String, published: published?.date, publishedPrecision: published?.precision ?? .minute,
                title: object["title"] as? String, text: ArticleReader.normalisedParagraphs(text),
                language: (object["language"] as? String).flatMap(NewsLanguage.init(rawValue:)), file: file, line: number)
            do {
                result.articles.append(try reader.completed(article, kind: .jsonLines, field: "text"))
            } catch let problem as Diagnostic {
                reject(problem)
            }
        }
        guard !result.articles.isEmpty || !result.problems.isEmpty else {
            throw Diagnostic(file: file, line: nil, field: "", message: "holds no article")
        }
        return result
    }
}
