import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceStore

@Suite("Canonical incident JSON")
struct CanonicalJSONTests {
    static func incidents() throws -> [Incident] {
        var all = try TruceCSVFormat().read(file: Fixtures.path("incidents.csv")).incidents
        all += try TruceCSVFormat().read(file: Fixtures.path("model-completeness.csv")).incidents
        all += try TruceCSVFormat().read(file: Fixtures.repository.appendingPathComponent("examples/2025/incidents.csv").path).incidents
        all += try ACLEDFormat(actors: ActorTable(entries: [])).read(file: Fixtures.path("acled.csv")).incidents
        all += try UCDPFormat(actors: ActorTable(entries: [])).read(file: Fixtures.path("ucdp.csv")).incidents
        all += try GDELTFormat().read(file: Fixtures.path("gdelt.tsv")).incidents
        return all
    }

    @Test("the fast writer gives exactly the bytes of Foundation's encoder")
    func matchesFoundation() throws {
        var incidents = try Self.incidents()
        var odd = incidents[0]
        odd.description = "control \u{1B}\u{01} chars, \"quotes\", back\\slash, tab\t, é, 𝄞, slash /"
        odd.location.coordinate = Coordinate(latitude: 36, longitude: -0.000001)
        odd.effects = Effects()
        odd.perpetrator = nil
        odd.time.span.end = nil
        incidents.append(odd)
        #expect(incidents.count > 50)
        for incident in incidents {
            #expect(incident.canonicalJSON == (try TruceJSON.string(incident)), "\(incident.id)")
            #expect(incident.sources[0].canonicalFieldsJSON == (try TruceJSON.string(incident.sources[0].fields)))
        }
    }

    @Test("the fast reader reads back exactly what the writer wrote, as the generic decoder does")
    func readerMatchesDecoder() throws {
        var incidents = try Self.incidents()
        var odd = incidents[0]
        odd.description = "control \u{1B}\u{01} chars, \"quotes\", back\\slash, tab\t, line\nbreak, é, 𝄞, slash /"
        odd.location.coordinate = Coordinate(latitude: 36, longitude: -0.000001)
        odd.effects = Effects(fatalities: 0, injured: 12)
        odd.perpetrator = nil
        odd.time.span.end = nil
        odd.claims = []
        incidents.append(odd)
        for incident in incidents {
            let text = incident.canonicalJSON
            let fast = try #require(Incident(canonicalJSON: text), "\(incident.id)")
            #expect(fast == incident, "\(incident.id)")
            #expect(fast == (try TruceJSON.decoder().decode(Incident.self, from: Data(text.utf8))))
        }
        #expect(Incident(canonicalJSON: "{\"id\":\"x\"}") == nil)
        #expect(Incident(canonicalJSON: "not json") == nil)
        #expect(Incident(canonicalJSON: incidents[0].canonicalJSON + "x") == nil)
    }

    @Test("source field names and values read back by the fast reader exactly as the generic decoder reads them")
    func stringArraysReadBack() throws {
        var fields = try Self.incidents().flatMap { $0.sources.flatMap(\.fields) }
        let hostile = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) } + ["\"", "\\", "/", "</script>", "\u{2028}\u{2029}", "𝄞", "é", ""]
        fields += hostile.map { SourceRecord.Field(name: $0, value: "a\($0)b") }
        let record = SourceRecord(dataset: "test", file: "f", line: 1, key: "k", fields: fields)
        for text in [record.namesJSON, record.valuesJSON, "[]", " [ \"a\" , \"\\u00e9\\ud834\\udd1e\" ] "] {
            let fast = try #require([String](canonicalJSONArray: text), "\(text)")
            #expect(fast == (try TruceJSON.decoder().decode([String].self, from: Data(text.utf8))))
        }
        for malformed in ["", "[", "[\"a\"", "[\"a\",]x", "[1]", "{\"a\":\"b\"}", "[\"a\"] x"] {
            #expect([String](canonicalJSONArray: malformed) == nil, "\(malformed)")
        }
    }

    @Test("year 0: extreme instants (negative years, year 10000, huge, infinite, NaN) never trap and give exactly Foundation's bytes")
    func extremeInstantsNeverTrap() throws {
        let base = try Self.incidents()[0]
        let seconds: [Double] = [
            -62_167_219_200 - 86_400, -62_167_219_200, -62_135_596_800, -12_219_292_801, -12_219_292_800, 253_402_300_799,
            253_402_300_800, 1e12, -1e12, 1e20, -1e20, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity,
            -.infinity, .nan,
        ]
        for value in seconds {
            var incident = base
            incident.time.span.start = Date(timeIntervalSince1970: value)
            incident.time.span.end = Date(timeIntervalSince1970: -value)
            let text = incident.canonicalJSON
            #expect(text == (try TruceJSON.string(incident)), "\(value)")
            // What the fast reader reads back, it reads as Foundation's decoder does (Julian dates before 1582 included).
            if let fast = Incident(canonicalJSON: text) {
                #expect(fast == (try TruceJSON.decoder().decode(Incident.self, from: Data(text.utf8))), "\(value)")
            }
        }
    }

    @Test("an instant with a fraction of a second falls back to the generic encoder")
    func fractionalSecondsFallBack() throws {
        var incident = try Self.incidents()[0]
        incident.time.span.start = Date(timeIntervalSince1970: 1_742_421_600.5)
        #expect(incident.canonicalJSON == (try TruceJSON.string(incident)))
    }
}
