import Foundation
import Testing
import TruceDashboard

@Suite("The dashboard's labels in English, Ukrainian and Russian")
struct CatalogueTests {
    @Test("every label the catalogue holds is in all three languages, and every label a template names is catalogued")
    func complete() throws {
        let catalogue = try Catalogue.bundled()
        #expect(catalogue.gaps.isEmpty, "\(catalogue.gaps)")
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/TruceDashboard/Resources/Templates"
        )
        .standardized
        var named: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /\{\{t\.([A-Za-z_]+)\}\}/) { named.insert(String(match.1)) }
        }
        #expect(named.count > 40)
        let english = catalogue.labels(in: .english)
        #expect(named.subtracting(english.keys).isEmpty, "\(named.subtracting(english.keys).sorted())")
        for language in Language.allCases where language != .english {
            let labels = catalogue.labels(in: language)
            // A translation is not the English text left in place (names such as "API" aside).
            let untranslated = labels.filter { $0.value == english[$0.key] && $0.value.count > 3 }.map(\.key)
            #expect(untranslated.count <= 3, "\(language): \(untranslated.sorted())")
        }
    }

    @Test("the language is the lang parameter's, else the first of Accept-Language the dashboard has, else English")
    func negotiation() {
        #expect(Language.negotiated(parameter: "uk", acceptLanguage: "ru") == .ukrainian)
        #expect(Language.negotiated(parameter: "xx", acceptLanguage: "de-DE, ru-RU;q=0.8, en;q=0.5") == .russian)
        #expect(Language.negotiated(parameter: nil, acceptLanguage: "uk-UA") == .ukrainian)
        #expect(Language.negotiated(parameter: nil, acceptLanguage: nil) == .english)
    }
}
