import Foundation
import TruceCore

/// Region names in the reader's language, from the names ``Regions`` knows for each region: its usual English
/// name, then Ukrainian and Russian forms among others. A name given in a source stays as written when the table
/// has no name for it in that language.
public enum PlaceNames {
    /// The region `code`'s name in `language`, if the table holds one: "Kharkiv", "Харківська область",
    /// "Харьковская область".
    public static func name(of code: String, in language: Language) -> String? {
        let names = Regions.names(of: code)
        switch language {
        case .english:
            return names.first
        case .ukrainian:
            let name =
                names.first(where: { isCyrillicWord($0) && isUkrainian($0, strictly: true) })
                ?? names.first(where: { isCyrillicWord($0) && isUkrainian($0, strictly: false) })
            return name.map { adjectival($0, ["ська", "цька", "зька"]) ? $0 + " область" : $0 }
        case .russian:
            let name =
                names.first(where: { isCyrillicWord($0) && isRussian($0, strictly: true) })
                ?? names.first(where: { isCyrillicWord($0) && isRussian($0, strictly: false) })
            return name.map { adjectival($0, ["ская", "цкая", "зкая"]) ? $0 + " область" : $0 }
        }
    }

    /// `written` (a region as a source names it: `Kharkiv Oblast`, `Харківська область`) in `language`, or as
    /// written when it is not a region the table knows.
    public static func region(_ written: String, in language: Language) -> String {
        guard let code = Regions.code(forName: written), let name = name(of: code, in: language) else { return written }
        return name
    }

    private static let cyrillic = CharacterSet(charactersIn: "\u{0400}"..."\u{04FF}")
    private static let ukrainianOnly = CharacterSet(charactersIn: "іїєґІЇЄҐ")
    private static let russianOnly = CharacterSet(charactersIn: "ыэъёЫЭЪЁ")

    private static func isCyrillicWord(_ name: String) -> Bool {
        // Abbreviations such as "ДНР" name a self-proclaimed entity, not the region: never shown as its name.
        name.unicodeScalars.contains(where: cyrillic.contains) && name != name.uppercased()
    }

    /// An oblast's adjective alone ("Харківська"), which reads as a name with "область" after it.
    private static func adjectival(_ name: String, _ endings: [String]) -> Bool {
        !name.contains(" ") && endings.contains(where: name.hasSuffix)
    }

    /// A Ukrainian form: without Russian letters, and (`strictly`) with Ukrainian letters or the ending Ukrainian
    /// oblast names take ("-ська").
    static func isUkrainian(_ name: String, strictly: Bool) -> Bool {
        guard !name.unicodeScalars.contains(where: russianOnly.contains) else { return false }
        guard strictly else { return !name.hasSuffix("ая") }
        return name.unicodeScalars.contains(where: ukrainianOnly.contains) || adjectival(name, ["ська", "цька", "зька"])
    }

    /// A Russian form: without Ukrainian letters, and (`strictly`) with Russian letters or the endings Russian
    /// region names take ("-ская", "-ий").
    static func isRussian(_ name: String, strictly: Bool) -> Bool {
        guard !name.unicodeScalars.contains(where: ukrainianOnly.contains) else { return false }
        guard strictly else { return !adjectival(name, ["ська", "цька", "зька"]) }
        return name.unicodeScalars.contains(where: russianOnly.contains) || name.hasSuffix("ая") || name.hasSuffix("ий")
    }
}
