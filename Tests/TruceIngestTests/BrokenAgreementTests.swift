import Foundation
import Testing
import TruceCore
import TruceIngest

/// One way of breaking the full example agreement, and the diagnostic it must produce.
struct Breakage: CustomTestStringConvertible, Sendable {
    var name: String
    var find: String
    var replace: String
    /// The expected field path.
    var field: String
    var message: String
    /// The expected line; by default the line where `replace` lands.
    var line: Int?
    var testDescription: String { name }
}

@Suite("Broken agreement files are reported with file, line and field")
struct BrokenAgreementTests {
    static let breakages: [Breakage] = [
        Breakage(
            name: "impossible date", find: "start: 2025-03-29T22:00", replace: "start: 2025-02-30T22:00", field: "window.start",
            message: "\"2025-02-30T22:00\" is not a date"),
        Breakage(
            name: "unknown key", find: "  note: Runs across", replace: "  notes: Runs across", field: "window.notes",
            message: "unknown key 'notes' (did you mean 'note'?)"),
        Breakage(
            name: "end before start", find: "end: 2025-03-31T06:00", replace: "end: 2025-03-29T06:00", field: "window.by_party[0].end",
            message: "is not after start"),
        Breakage(
            name: "undefined party", find: "    - party: BB", replace: "    - party: CC", field: "window.by_party[0].party",
            message: "party \"CC\" is not defined"),
        Breakage(
            name: "malformed YAML", find: "    name: Party A", replace: "\tname: Party A", field: "parties",
            message: "invalid YAML: found a tab character that violates indentation"),
        Breakage(
            name: "unknown target category", find: "    - category: civilian", replace: "    - category: hospitals",
            field: "scope.targets[1].category", message: "\"hospitals\" is not one of"),
        Breakage(
            name: "subtype of another category", find: "[pumping_station, transmission_line]", replace: "[pumping_station, school]",
            field: "scope.targets[0].subtypes[1]", message: "\"school\" is not a subtype of energy"),
        Breakage(name: "unknown agreement kind", find: "kind: local", replace: "kind: truce", field: "kind", message: "\"truce\" is not one of"),
        Breakage(
            name: "unknown time zone", find: "time_zone: Europe/Kyiv", replace: "time_zone: Europe/Kiev2", field: "time_zone",
            message: "is not a time zone"),
        Breakage(
            name: "end and duration together", find: "  duration: 1d12h", replace: "  end: 2025-04-01\n  duration: 1d12h", field: "window.duration",
            message: "either end or duration", line: 22),
        Breakage(
            name: "bad duration", find: "  duration: 1d12h", replace: "  duration: 36 hours", field: "window.duration", message: "is not a duration"),
        Breakage(
            name: "key given twice", find: "kind: local", replace: "kind: local\ntitle: Again", field: "title", message: "more than once", line: 3),
        Breakage(
            name: "unknown status", find: "    status: in_force", replace: "    status: active", field: "status[3].status",
            message: "\"active\" is not one of"),
        Breakage(
            name: "status events out of order", find: "  - at: 2025-03-29T22:00", replace: "  - at: 2025-03-27T22:00", field: "status[3].at",
            message: "time order"),
        Breakage(
            name: "condition holder not a party", find: "    holder: AA", replace: "    holder: ZZ", field: "conditions[0].holder",
            message: "party \"ZZ\" is not defined"),
        Breakage(
            name: "source without a web address", find: "{url: \"https://example.org/aa\"}", replace: "{url: \"example.org/aa\"}",
            field: "status[1].source.url", message: "is not a web address"),
        Breakage(
            name: "unknown party role", find: "    role: monitor", replace: "    role: observer", field: "parties[2].role",
            message: "\"observer\" is not one of"),
        Breakage(name: "party listed twice", find: "  - id: BB", replace: "  - id: AA", field: "parties[1].id", message: "listed twice", line: 13),
        Breakage(
            name: "bad country code", find: "      - country: UA", replace: "      - country: Ukraine", field: "scope.geography.include[0].country",
            message: "ISO 3166-1"),
        Breakage(
            name: "open polygon", find: "[37.5, 48.3], [37.5, 48.0]]", replace: "[37.5, 48.3], [37.6, 48.0]]",
            field: "scope.geography.include[3].polygon", message: "must equal its first"),
        Breakage(
            name: "unknown action", find: "actions: [artillery, drone_strike]", replace: "actions: [artillery, shelling]", field: "scope.actions[1]",
            message: "\"shelling\" is not one of"),
        Breakage(
            name: "prohibited action none", find: "actions: [artillery, drone_strike]", replace: "actions: [artillery, none]",
            field: "scope.actions[1]", message: "\"none\" is not a use of force"),
        Breakage(
            name: "unknown sea", find: "      - sea: sea_of_azov\n        name: Sea of Azov",
            replace: "      - sea: nonsense_sea\n        name: Nonsense", field: "scope.geography.include[2].sea",
            message: "\"nonsense_sea\" is not a sea Truce knows; known: arabian_sea, bab_el_mandeb, baltic_sea, barents_sea, black_sea"),
        Breakage(
            name: "misspelt sea", find: "      - sea: sea_of_azov", replace: "      - sea: sea_of_asov", field: "scope.geography.include[2].sea",
            message: "\"sea_of_asov\" is not a sea Truce knows (did you mean sea_of_azov?)"),
        Breakage(
            name: "sea given by its name", find: "      - sea: sea_of_azov", replace: "      - sea: Azov Sea",
            field: "scope.geography.include[2].sea", message: "\"Azov Sea\" is not a sea Truce knows (did you mean sea_of_azov?)"),
        Breakage(
            name: "unknown region", find: "      - region: UA-14", replace: "      - region: UA-15", field: "scope.geography.include[1].region",
            message: "\"UA-15\" is not a region Truce knows (did you mean UA-14, Donetsk?); Truce knows the regions of AF, PS, RU, UA, YE"),
        Breakage(
            name: "region given by its name", find: "      - region: UA-14", replace: "      - region: DNR",
            field: "scope.geography.include[1].region", message: "\"DNR\" is not an ISO 3166-2 code such as UA-43 (did you mean UA-14, Donetsk?)"),
        Breakage(
            name: "region of a country Truce has no regions for", find: "      - region: UA-14\n        name: Donetsk Oblast",
            replace: "      - region: SY-DI\n        name: Damascus", field: "scope.geography.include[1].region",
            message: "\"SY-DI\" is not a region Truce knows; Truce knows the regions of"),
        Breakage(
            name: "missing title", find: "title: Window of silence for repairs to the Example water line\n", replace: "", field: "title",
            message: "is required", line: 2),
    ]

    @Test("each breakage gives an error naming file, line and field", arguments: breakages)
    func breakageIsReported(breakage: Breakage) throws {
        let original = try Fixtures.text("agreement-full.yaml")
        #expect(original.contains(breakage.find), "fixture no longer contains \(breakage.find)")
        let broken = original.replacingOccurrences(of: breakage.find, with: breakage.replace)
        let directory = try Fixtures.temporaryDirectory()
        let file = directory.appendingPathComponent("agreement-full.yaml").path
        try broken.write(toFile: file, atomically: true, encoding: .utf8)

        let catalog = AgreementCatalog.read(paths: [file])
        let errors = catalog.diagnostics.filter(\.isError)
        let expectedLine = breakage.line ?? lineNumber(of: breakage.replace, in: broken)
        let match = errors.first { $0.field == breakage.field && $0.description.contains(breakage.message) }
        let diagnostic = try #require(match, "no error for \(breakage.field) containing \(breakage.message); got \(errors)")
        #expect(diagnostic.file == file)
        #expect(diagnostic.line == expectedLine)
        #expect(diagnostic.description.hasPrefix("\(file):\(expectedLine): \(breakage.field): "))
        #expect(catalog.agreements.isEmpty)
    }

    @Test("every problem in a file is reported, not just the first")
    func allProblemsAreReported() throws {
        var text = try Fixtures.text("agreement-full.yaml")
        for breakage in Self.breakages.filter({ ["impossible date", "unknown action", "unknown party role"].contains($0.name) }) {
            text = text.replacingOccurrences(of: breakage.find, with: breakage.replace)
        }
        let result = AgreementReader.read(yaml: text, file: "many.yaml")
        #expect(Set(result.diagnostics.filter(\.isError).map(\.field)) == ["window.start", "scope.actions[1]", "parties[2].role", "status[0].party"])
    }

    @Test("a region whose name is another known region's is a warning naming both")
    func regionNameOfAnotherRegion() throws {
        let text = try Fixtures.text("agreement-full.yaml")
            .replacingOccurrences(of: "        name: Donetsk Oblast", with: "        name: Luhansk People's Republic")
        let result = AgreementReader.read(yaml: text, file: "agreement-full.yaml")
        #expect(result.agreement != nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "agreement-full.yaml:42: warning: scope.geography.include[1].name: name \"Luhansk People's Republic\" is UA-09 (Luhansk), not UA-14"
            ])
    }

    @Test("two files with the same id: the second is an error naming the first")
    func duplicateIDAcrossFiles() throws {
        let directory = try Fixtures.temporaryDirectory()
        let text = try Fixtures.text("agreement-full.yaml")
        let first = directory.appendingPathComponent("a.yaml").path
        let second = directory.appendingPathComponent("b.yaml").path
        try text.write(toFile: first, atomically: true, encoding: .utf8)
        try text.write(toFile: second, atomically: true, encoding: .utf8)
        let catalog = AgreementCatalog.read(paths: [directory.path])
        let duplicate = try #require(catalog.diagnostics.first { $0.isError })
        #expect(duplicate.description == "\(second):2: id: duplicate id \"agreement-full\": already defined in \(first):2")
        #expect(catalog.agreements.count == 1)
    }

    @Test("a status event without a source is a warning, not an error")
    func missingSourceIsAWarning() throws {
        let text = try Fixtures.text("agreement-full.yaml")
            .replacingOccurrences(of: "    party: AA\n    source: {url: \"https://example.org/aa\"}\n", with: "    party: AA\n")
        let result = AgreementReader.read(yaml: text, file: "agreement-full.yaml")
        #expect(result.agreement != nil)
        #expect(result.diagnostics.map(\.description) == ["agreement-full.yaml:68: warning: status[1]: status event has no source"])
    }

    @Test("a file that is not there, or not YAML at all, is a diagnostic, never a crash")
    func unreadableInputs() throws {
        let catalog = AgreementCatalog.read(paths: ["/nonexistent/agreement.yaml"])
        #expect(catalog.diagnostics.map(\.description) == ["/nonexistent/agreement.yaml: no such file or directory"])
        #expect(AgreementReader.read(yaml: "", file: "empty.yaml").diagnostics.first?.message == "the file is empty")
        #expect(AgreementReader.read(yaml: "- just\n- a list\n", file: "list.yaml").diagnostics.first?.line == 1)
        #expect(AgreementReader.read(yaml: "\t\u{0}\"", file: "junk.yaml").agreement == nil)
    }

    private func lineNumber(of text: String, in document: String) -> Int {
        let prefix = document.components(separatedBy: text.split(separator: "\n").first.map(String.init) ?? text)[0]
        return prefix.filter { $0 == "\n" }.count + 1
    }
}
