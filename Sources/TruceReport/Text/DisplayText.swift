/// Text from incidents, claims and agreements made safe to show: Truce never passes on a character that could
/// act on a terminal or a reader's view instead of being read.
///
/// Hidden characters are the control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F) and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make text read in another
/// order than it is stored. Line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) and tabs are the ones that
/// carry meaning, so each use decides whether it keeps them.
public enum DisplayText {
    /// `text` on one line: each line break or tab becomes a space (CR LF one space) and every other hidden
    /// character is removed. For table cells, headings and terminal output.
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if isLineBreakOrTab(scalar) {
                if !(scalar == "\n" && previous == "\r") { result.append(" ") }
            } else if !isHidden(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` with its lines kept: tabs and line feeds stay, every other line break becomes a line feed (CR LF
    /// one), and every other hidden character is removed. For HTML, where white space is layout.
    public static func keepingLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isHidden($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\t" {
                result.append(scalar)
            } else if isLineBreakOrTab(scalar) {
                if !(scalar == "\n" && previous == "\r") { result.append("\n") }
            } else if !isHidden(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` with its lines kept and every other hidden character written as a visible escape (`\u{1B}`), so a
    /// reader sees exactly what a record holds without the terminal acting on it. For raw records on screen.
    public static func escapingHidden(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isHidden($0) && $0 != "\n" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar != "\n" && isHidden(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` is never shown as it is: a control character, a bidirectional override or isolate, or
    /// a line or paragraph separator.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether `scalar` breaks a line or is a tab.
    static func isLineBreakOrTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
