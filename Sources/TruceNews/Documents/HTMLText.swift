import Foundation

/// The article in an HTML page: its body text (from `<article>`, else `<main>`, else `<body>`), without
/// navigation, headers, footers, asides, forms, scripts and styles, and the metadata pages state about it
/// (`article:published_time`, `<time datetime>`, the canonical address, the title, the language).
///
/// A tolerant reader, not a validating parser: unclosed elements, stray `<` and unknown entities pass through as
/// well as they can, since news pages are rarely valid.
struct HTMLText {
    var text: String
    var title: String?
    var published: String?
    var url: String?
    var language: String?

    /// Elements whose content is never article text.
    static let skipped: Set<String> = [
        "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "template", "button", "iframe",
        "select", "figcaption",
    ]
    /// Elements that end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
        "main", "blockquote", "pre", "hr", "dd", "dt", "figure",
    ]

    init(html: String) {
        let tags = HTMLTokens(html)
        var metadata = Metadata()
        for tag in tags.elements where !tag.isClosing {
            metadata.note(tag, in: html)
        }
        title = metadata.title
        published = metadata.resolvedPublished
        url = metadata.url
        language = metadata.language
        // The narrowest container the page marks as its article.
        let container =
            tags.range(of: "article", in: html) ?? tags.range(of: "main", in: html) ?? tags.range(of: "body", in: html)
            ?? html.startIndex..<html.endIndex
        text = Self.text(of: tags, within: container, in: html)
    }

    /// The text between the tags inside `range`, paragraphs separated by blank lines.
    private static func text(of tags: HTMLTokens, within range: Range<String.Index>, in html: String) -> String {
        var paragraphs: [String] = []
        var current = ""
        var skipping: [String] = []
        var position = range.lowerBound
        func flush() {
            let paragraph = current.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current = ""
        }
        for tag in tags.elements where tag.range.lowerBound >= range.lowerBound && tag.range.upperBound <= range.upperBound {
            if skipping.isEmpty, position < tag.range.lowerBound {
                current += HTMLEntities.decode(html[position..<tag.range.lowerBound])
            }
            position = tag.range.upperBound
            if skipped.contains(tag.name) && !tag.isSelfClosing {
                if tag.isClosing {
                    if let index = skipping.lastIndex(of: tag.name) { skipping.removeSubrange(index...) }
                } else {
                    skipping.append(tag.name)
                }
                continue
            }
            if blocks.contains(tag.name) && skipping.isEmpty { flush() }
        }
        if skipping.isEmpty, position < range.upperBound { current += HTMLEntities.decode(html[position..<range.upperBound]) }
        flush()
        return paragraphs.joined(separator: "\n\n")
    }
}

/// What a page's `<head>` (and first `<time>`) says about the article.
private struct Metadata {
    var title: String?
    var ogTitle: String?
    var published: String?
    var timeElement: String?
    var url: String?
    var language: String?

    mutating func note(_ tag: HTMLTokens.Tag, in html: String) {
        switch tag.name {
        case "html":
            language = language ?? tag.attribute("lang")
        case "meta":
            let key = (tag.attribute("property") ?? tag.attribute("name") ?? tag.attribute("itemprop") ?? "").lowercased()
            guard let content = tag.attribute("content"), !content.isEmpty else { return }
            switch key {
            case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date.issued", "parsely-pub-date":
                published = published ?? content
            case "og:url": url = url ?? content
            case "og:title": ogTitle = ogTitle ?? content
            default: break
            }
        case "link":
            if tag.attribute("rel")?.lowercased() == "canonical", let href = tag.attribute("href") { url = href }
        case "time":
            timeElement = timeElement ?? tag.attribute("datetime")
        case "title":
            if title == nil, let end = tag.contentEnd(in: html) {
                title = HTMLEntities.decode(html[tag.range.upperBound..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        default: break
        }
    }

    var resolvedPublished: String? { published ?? timeElement }
}

/// The tags of an HTML document, in order, with comments, doctype and CDATA left out.
struct HTMLTokens {
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        /// From `<` to `>` inclusive.
        var range: Range<String.Index>
        /// The attributes' text, between the name and `>`.
        var attributes: Substring

        /// The value of attribute `name` (lower-case), entity-decoded.
        func attribute(_ name: String) -> String? {
            var rest = attributes[...]
            while let equals = rest.firstIndex(of: "=") {
                let key = rest[..<equals].split(whereSeparator: { $0.isWhitespace || $0 == "/" }).last.map { $0.lowercased() }
                var after = rest[rest.index(after: equals)...].drop(while: \.isWhitespace)
                let value: Substring
                if let quote = after.first, quote == "\"" || quote == "'" {
                    after = after.dropFirst()
                    let end = after.firstIndex(of: quote) ?? after.endIndex
                    value = after[..<end]
                    rest = end < after.endIndex ? after[after.index(after: end)...] : after[end...]
                } else {
                    let end = after.firstIndex(where: \.isWhitespace) ?? after.endIndex
                    value = after[..<end]
                    rest = after[end...]
                }
                if key == name { return HTMLEntities.decode(value) }
            }
            return nil
        }

        /// Where the element's content ends: the start of its closing tag.
        func contentEnd(in html: String) -> String.Index? {
            html.range(of: "</\(name)", options: .caseInsensitive, range: range.upperBound..<html.endIndex)?.lowerBound
        }
    }

    let elements: [Tag]

    init(_ html: String) {
        var tags: [Tag] = []
        var index = html.startIndex
        let end = html.endIndex
        while let open = html[index...].firstIndex(of: "<") {
            let next = html.index(after: open)
            guard next < end else { break }
            if html[next...].hasPrefix("!--") {
                index = html.range(of: "-->", range: next..<end)?.upperBound ?? end
                continue
            }
            if html[next] == "!" || html[next] == "?" {
                index = html[next...].firstIndex(of: ">").map { html.index(after: $0) } ?? end
                continue
            }
            let isClosing = html[next] == "/"
            let nameStart = isClosing ? html.index(after: next) : next
            let nameEnd = html[nameStart...].firstIndex { !($0.isLetter || $0.isNumber) } ?? end
            guard nameEnd > nameStart, let close = Self.tagEnd(html, from: nameEnd) else {
                index = next  // a stray '<' in text
                continue
            }
            let name = html[nameStart..<nameEnd].lowercased()
            let inner = html[nameEnd..<close]
            let tag = Tag(
                name: name, isClosing: isClosing, isSelfClosing: inner.hasSuffix("/"), range: open..<html.index(after: close),
                attributes: inner)
            tags.append(tag)
            index = tag.range.upperBound
            if !isClosing, name == "script" || name == "style" {
                // Their content is not markup: skip to the closing tag.
                if let closing = html.range(of: "</\(name)", options: .caseInsensitive, range: index..<end) {
                    index = closing.lowerBound
                }
            }
        }
        elements = tags
    }

    /// The `>` ending a tag whose name ends at `start`, skipping quoted attribute values.
    private static func tagEnd(_ html: String, from start: String.Index) -> String.Index? {
        var quote: Character?
        var index = start
        while index < html.endIndex {
            let character = html[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return index
            } else if character == "<" {
                return nil
            }
            index = html.index(after: index)
        }
        return nil
    }

    /// The content range of the first element `name` (from after its opening tag to its closing tag, or to the
    /// end of the document when it is never closed).
    func range(of name: String, in html: String) -> Range<String.Index>? {
        guard let open = elements.first(where: { $0.name == name && !$0.isClosing }) else { return nil }
        let close = elements.last { $0.name == name && $0.isClosing && $0.range.lowerBound >= open.range.upperBound }
        return open.range.upperBound..<(close?.range.lowerBound ?? html.endIndex)
    }
}

/// HTML character references: the named ones news pages use, and every numeric one.
enum HTMLEntities {
    static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "laquo": "«", "raquo": "»",
        "bull": "•", "middot": "·", "thinsp": " ", "ensp": " ", "emsp": " ", "shy": "", "zwnj": "", "zwj": "",
        "copy": "©", "reg": "®", "deg": "°", "euro": "€", "pound": "£", "times": "×", "minus": "−", "prime": "′",
    ]

    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var result = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let decoded = reference(after[..<semicolon]) {
                result += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    static func decode(_ text: String) -> String { decode(text[...]) }

    private static func reference(_ name: Substring) -> String? {
        if name.first == "#" {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[name]
    }
}
