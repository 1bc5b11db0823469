import Foundation

/// The dashboard's labels in every ``Language``, read from `Strings/LANG.json` in the module's resources.
public struct Catalogue: Sendable {
    private let texts: [Language: [String: String]]

    /// The catalogue shipped with the dashboard.
    /// - Throws: ``DashboardError`` when a language's file is missing or is not an object of strings.
    public static func bundled() throws -> Catalogue {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Strings") else {
                throw DashboardError.missingResource("Strings/\(language.rawValue).json")
            }
            guard let strings = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: String] else {
                throw DashboardError.missingResource("Strings/\(language.rawValue).json (not an object of strings)")
            }
            texts[language] = strings
        }
        return Catalogue(texts: texts)
    }

    init(texts: [Language: [String: String]]) { self.texts = texts }

    /// Every label in `language`, by key.
    public func labels(in language: Language) -> [String: String] { texts[language] ?? [:] }

    /// The keys some language has and another lacks, `LANG: key`, sorted.
    public var gaps: [String] {
        let keys = Set(texts.values.flatMap(\.keys))
        return Language.allCases.flatMap { language in
            keys.subtracting(texts[language]?.keys.map { $0 } ?? []).map { "\(language.rawValue): \($0)" }
        }.sorted()
    }

    /// The label `key` in `language`, else in English, else the key itself.
    public func text(_ key: String, in language: Language) -> String {
        texts[language]?[key] ?? texts[.english]?[key] ?? key
    }
}

/// What keeps the dashboard from rendering.
public enum DashboardError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingResource(String)
    case template(String)

    public var description: String {
        switch self {
        case .missingResource(let name): "the dashboard's resource \(name) is missing"
        case .template(let name): "the dashboard's template \(name) cannot be rendered"
        }
    }
}
