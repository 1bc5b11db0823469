/// The reversible guard Truce puts on CSV cells that a spreadsheet would run as a formula.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some a cell that starts with a tab or a
/// carriage return) as a formula, so a hostile description such as `=HYPERLINK(…)` could act when an export is
/// opened. The rule, in the OWASP style, is exactly reversible:
///
/// - **Neutralise:** a cell that matches `^'*[=+\-@\t\r]` gets one more leading `'`, unless it is a plain
///   number (`-33.5`, `-1`, `-1e-05`: `^-[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`), which stays a number.
/// - **Restore:** a cell that matches `^'+[=+\-@\t\r]` loses one leading `'`; every other cell is unchanged.
///
/// Restoring a neutralised cell gives the original back for every string, so an export reads back exactly.
public enum SpreadsheetCell {
    /// The characters that make a spreadsheet read a cell as a formula when they come first.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `cell` as it is safe to write into a CSV file that a spreadsheet may open.
    public static func neutralised(_ cell: String) -> String {
        startsFormula(afterQuotes: cell) && !isPlainNumber(cell) ? "'" + cell : cell
    }

    /// The cell ``neutralised(_:)`` was given, from what it wrote.
    public static func restored(_ cell: String) -> String {
        cell.unicodeScalars.first == "'" && startsFormula(afterQuotes: cell) ? String(cell.unicodeScalars.dropFirst()) : cell
    }

    /// Whether the first character after any leading `'` is one that starts a formula.
    static func startsFormula(afterQuotes cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return formulaStarts.contains(first)
    }

    /// Whether `cell` is a negative decimal number such as `-33.5` or `-1e-05`, which a spreadsheet reads as a
    /// number and runs nothing.
    public static func isPlainNumber(_ cell: String) -> Bool {
        var scalars = cell.unicodeScalars[...]
        guard scalars.popFirst() == "-" else { return false }
        func digits() -> Bool {
            let count = scalars.prefix { ("0"..."9").contains($0) }.count
            scalars = scalars.dropFirst(count)
            return count > 0
        }
        guard digits() else { return false }
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            guard digits() else { return false }
        }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
            guard digits() else { return false }
        }
        return scalars.isEmpty
    }
}
