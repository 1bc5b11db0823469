import TruceCore

/// Text written into Markdown so that it shows exactly as written and adds no markup: on one line, without
/// hidden characters (see ``DisplayText``), with HTML's `&`, `<` and `>` as entities (a `"` stays as it is:
/// with `<` escaped no tag can open, so it can start no attribute), and with the characters Markdown reads as
/// markup behind a backslash.
enum MarkdownText {
    /// The characters escaped with a backslash: emphasis, code, links and images, table cells, headings and
    /// strikethrough.
    static let markup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "#", "~"]

    /// `text` as inline Markdown, safe inside a table cell, a heading or a list item.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in DisplayText.singleLine(text) {
            if character != "\"", let entity = HTMLEntities.entity(for: character) {
                result += entity
            } else {
                if markup.contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    /// `text` as inline Markdown that starts a paragraph: a leading `-`, `+`, `=` or a number followed by `.`
    /// or `)` would make a list or a heading, so it is escaped too.
    static func paragraph(_ text: String) -> String {
        let escaped = inline(text)
        guard let first = escaped.first else { return escaped }
        if first == "-" || first == "+" || first == "=" { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = escaped.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }

    /// `text` as a code span when it is a slug (as agreement ids are), else as escaped inline text: a code
    /// span shows its content raw, so only text that needs no escaping goes in one.
    static func code(_ text: String) -> String {
        text.isSlug ? "`\(text)`" : inline(text)
    }
}
