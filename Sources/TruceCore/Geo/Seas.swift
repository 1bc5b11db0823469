import Foundation

/// The seas, straits and gulfs an agreement's `sea:` scope can name, by snake_case identifier, with the names
/// they go by in English, Ukrainian and Russian.
public enum Seas {
    /// Identifier → names, the English name first.
    static let names: [String: [String]] = [
        "black_sea": ["Black Sea", "Чорне море", "Черное море"],
        "sea_of_azov": ["Sea of Azov", "Azov Sea", "Azov", "Азовське море", "Азовское море"],
        "kerch_strait": ["Kerch Strait", "Strait of Kerch", "Керченська протока", "Керченский пролив"],
        "sea_of_marmara": ["Sea of Marmara", "Marmara Sea"],
        "bosporus": ["Bosporus", "Bosphorus", "Bosporus Strait"],
        "dardanelles": ["Dardanelles"],
        "mediterranean_sea": ["Mediterranean Sea", "Mediterranean", "Eastern Mediterranean"],
        "red_sea": ["Red Sea", "البحر الأحمر"],
        "gulf_of_aden": ["Gulf of Aden", "خليج عدن"],
        "bab_el_mandeb": ["Bab-el-Mandeb", "Bab al-Mandab", "Bab el-Mandeb Strait", "باب المندب"],
        "arabian_sea": ["Arabian Sea"],
        "gulf_of_oman": ["Gulf of Oman"],
        "strait_of_hormuz": ["Strait of Hormuz", "Hormuz Strait"],
        "persian_gulf": ["Persian Gulf", "Arabian Gulf", "The Gulf"],
        "caspian_sea": ["Caspian Sea", "Каспийское море", "Каспійське море"],
        "baltic_sea": ["Baltic Sea", "Балтийское море", "Балтійське море"],
        "barents_sea": ["Barents Sea", "Баренцево море"],
    ]

    /// Every sea identifier Truce knows, sorted.
    public static let identifiers: [String] = names.keys.sorted()

    /// Whether `identifier` (such as `black_sea`) names a sea Truce knows.
    public static func isKnown(_ identifier: String) -> Bool { names[identifier] != nil }

    /// The sea's English name, e.g. "Sea of Azov" for `sea_of_azov`.
    public static func englishName(of identifier: String) -> String? { names[identifier]?.first }

    /// The identifier a sea's name (or its identifier) stands for: "Black Sea" and "Черное море" → `black_sea`.
    public static func identifier(forName name: String) -> String? {
        let wanted = Regions.folded(name.replacingOccurrences(of: "_", with: " "))
        if let match = names.first(where: { $0.key.replacingOccurrences(of: "_", with: " ") == wanted }) { return match.key }
        return names.first { _, names in names.contains { Regions.folded($0) == wanted } }?.key
    }
}
