/// HTML's four significant characters as entities, shared by every writer of HTML, SVG and Markdown text.
enum HTMLEntities {
    /// The entity for `character` (`&amp;`, `&lt;`, `&gt;`, `&quot;`), or `nil` when it is written as it is.
    static func entity(for character: Character) -> String? {
        switch character {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: nil
        }
    }
}

/// Text written into HTML.
public enum HTMLText {
    /// `text` as HTML text or attribute value: `& < > "` as entities and hidden characters removed, as the
    /// reports write their text.
    public static func escaped(_ text: String) -> String { SVG.escape(text) }
}
