import TruceReport

/// A plain-text table with aligned columns, for terminal output.
///
/// Cells are shown on one line without control characters or bidirectional overrides
/// (``DisplayText/singleLine(_:)``), so incident text can neither move the cursor nor colour the terminal, and
/// columns are aligned by the width each character takes on a terminal.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }
    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }
    mutating func add(_ cells: [String]) { rows.append(cells) }

    var rendered: String {
        let all = ([headers] + rows).map { $0.map(DisplayText.singleLine) }
        let widths = headers.indices.map { column in
            all.map { $0.indices.contains(column) ? TerminalWidth.of($0[column]) : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - TerminalWidth.of(cell))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(all[0]), line(rule)] + all.dropFirst().map(line)).joined(separator: "\n")
    }
}

/// How many terminal columns text takes: two for East Asian wide and full-width characters and emoji, none
/// for combining marks and format characters, one for the rest.
enum TerminalWidth {
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first(where: { !isZeroWidth($0) }) else { return 0 }
        return isWide(first) || character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) ? 2 : 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default: return false
        }
    }
}
