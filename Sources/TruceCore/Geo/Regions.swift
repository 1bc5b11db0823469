import Foundation

/// First-order regions by ISO 3166-2 code, with the names sources use for them in English (with older
/// transliterations), Ukrainian and Russian, so "Kharkiv Oblast", "Kharkov", "Харківська область" and
/// "Харьковская область" all name `UA-63`. Covers Ukraine, every federal subject of Russia, the Palestinian
/// territories, Afghanistan and Yemen; geography follows internationally recognised borders (see `ukraine`).
public enum Regions {
    /// Code → names; matching ignores case, apostrophes, hyphens and words such as "Oblast", "область", "Region".
    static let names: [String: [String]] = [ukraine, russia, palestine, afghanistan, yemen].reduce(into: [:]) {
        $0.merge($1) { first, _ in first }
    }

    /// Every region code Truce knows, sorted.
    public static let codes: [String] = names.keys.sorted()

    /// Folded names as written (only case, apostrophes and separators ignored) → code: "Moscow Oblast" stays
    /// apart from "Moscow".
    private static let byFoldedName: [String: String] = {
        var index: [String: String] = [:]
        for (code, names) in names {
            index[folded(code)] = code
            for name in names { index[folded(name)] = code }
        }
        return index
    }()

    /// Normalised names → code. Where two names meet once "Oblast" and the like are dropped ("Moscow Oblast",
    /// "Moscow"), the name that had nothing to drop wins (else the first code in order, so the index is the same on every run).
    private static let byNormalisedName: [String: String] = {
        var index: [String: String] = [:]
        let all = codes.flatMap { code in
            names[code, default: []].map { name in (code: code, normalised: normalised(name), folded: folded(name)) }
        }
        for entry in all where entry.normalised != entry.folded && index[entry.normalised] == nil {
            index[entry.normalised] = entry.code
        }
        for entry in all where entry.normalised == entry.folded { index[entry.normalised] = entry.code }
        return index
    }()

    /// Whether Truce knows the region `code` (an ISO 3166-2 code such as `RU-KRS`).
    public static func isKnown(_ code: String) -> Bool { names[code] != nil }

    /// Every name Truce knows for the region `code`, its usual English name first.
    public static func names(of code: String) -> [String] { names[code] ?? [] }

    /// The region's usual English name, e.g. "Kursk" for `RU-KRS`.
    public static func englishName(of code: String) -> String? { names[code]?.first }

    /// The ISO 3166-2 code a region name (or the code itself) stands for, if Truce knows it.
    public static func code(forName name: String) -> String? {
        byFoldedName[folded(name)] ?? byNormalisedName[normalised(name)]
    }

    /// Whether `name` names the region `code` (by one of its known names, or its own given name).
    public static func name(_ name: String, matches code: String, givenName: String? = nil) -> Bool {
        if let known = self.code(forName: name) { return known == code }
        guard let givenName else { return false }
        return normalised(name) == normalised(givenName)
    }

    /// Whether a place in `country` with first-level region `admin1` lies in `region`: a country code, or any
    /// name of a region (known names in three languages, otherwise the same name).
    public static func place(country: String?, admin1: String?, isIn region: String) -> Bool {
        if country == region { return true }
        guard let admin1 else { return false }
        if let wanted = code(forName: region) { return code(forName: admin1) == wanted }
        return normalised(admin1) == normalised(region)
    }

    /// Lower case, without apostrophes, hyphens or dashes, "ё" read as "е", and without the words for
    /// "oblast", "region", "province", "governorate" and "krai".
    public static func normalised(_ name: String) -> String {
        folded(name).split(separator: " ").filter { !droppedWords.contains(String($0)) }.joined(separator: " ")
    }

    /// The words ``normalised(_:)`` drops.
    private static let droppedWords: Set<String> = [
        "oblast", "oblast.", "obl.", "region", "province", "governorate", "krai", "kray", "область", "обл.", "край",
    ]

    /// Lower case, without apostrophes (nor the marks transliterations use for them), with hyphens, dashes and commas read as spaces, and "ё" as "е".
    static func folded(_ name: String) -> String {
        // One pass, without Foundation's string search: every command that filters by region builds the name
        // indexes, hundreds of names, at start-up.
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var separated = false
        for character in name.lowercased() {
            if foldedApostrophes.contains(character) { continue }
            if foldedSeparators.contains(character) {
                separated = !result.isEmpty
                continue
            }
            if separated {
                result.append(" ")
                separated = false
            }
            result.append(character == "ё" ? "е" : character)
        }
        return result
    }

    /// Dropped by ``folded(_:)``: also the ayn and hamza of Arabic transliterations, and the C1 control U+0091
    /// that GDELT files carry where a left quotation mark stood in Windows-1252 ("Ta\u{91}izz").
    private static let foldedApostrophes: Set<Character> = ["'", "’", "‘", "ʼ", "ʻ", "ʿ", "ʾ", "`", "\u{91}", "\u{92}"]
    /// Read as one space by ``folded(_:)``.
    private static let foldedSeparators: Set<Character> = [" ", ",", "-", "–", "—"]
}
