import Foundation
import Testing

@testable import TruceCore

/// Folding names used Foundation's string search once per name, and every command that filters by region folds
/// every known name at start-up (0.15 s of a 0.25 s `verdicts list --region`): it now folds in one pass, to the
/// same text.
@Suite("Folding region names in one pass")
struct RegionFoldingTests {
    /// The folding as it was written before: lower case, "ё" read as "е", apostrophes dropped, separators read
    /// as one space.
    static func foldedAsBefore(_ name: String) -> String {
        let apostrophes: Set<Character> = ["'", "’", "‘", "ʼ", "ʻ", "ʿ", "ʾ", "`", "\u{91}", "\u{92}"]
        let separators: Set<Character> = [" ", ",", "-", "–", "—"]
        let lower = name.lowercased().replacingOccurrences(of: "ё", with: "е").filter { !apostrophes.contains($0) }
        return lower.split(whereSeparator: { separators.contains($0) }).joined(separator: " ")
    }

    @Test("folding through Foundation's string search at start-up: one pass gives the same text for every known name and awkward spellings")
    func foldingThroughStringSearch() {
        let known = Regions.codes.flatMap { [$0] + Regions.names(of: $0) }
        let awkward = [
            "", " ", "--", " Kharkiv ", "Kharkiv  Oblast", "-Kharkiv-", "Ta\u{91}izz", "Sana’a", "Ma'rib", "ОРЁЛ", "Орёл",
            "Оре\u{0308}л", "Khanty–Mansi — Yugra", "a,b, c ,,d", "L'vivs'ka Oblast'", "Dnipropetrovs’ka", "ʿAdan", "`x`",
            "Zaporizhzhia\u{92}", "İstanbul", "STRASSE", "Straße",
        ]
        #expect(known.count > 500)
        for name in known + awkward {
            #expect(Regions.folded(name) == Self.foldedAsBefore(name), "\(name)")
        }
    }
}
