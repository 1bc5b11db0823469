import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceTestSupport

@Suite("Truce incident CSV: good rows in, bad rows kept aside with file, line and field")
struct IncidentCSVTests {
    func batch() throws -> IncidentBatch { try TruceCSVFormat().read(file: Fixtures.path("incidents.csv")) }

    @Test("every record is accounted for: 4 read, 8 quarantined")
    func everyRecordIsAccountedFor() throws {
        let batch = try batch()
        #expect(batch.incidents.map(\.id) == ["fx-001", "fx-002", "fx-003", "fx-004"])
        #expect(batch.quarantined.count == 8)
        #expect(batch.recordsRead == batch.incidents.count + batch.quarantined.count)
    }

    @Test("quarantine reasons name line and field")
    func quarantineReasons() throws {
        let file = Fixtures.path("incidents.csv")
        let found = try batch().quarantined.map { "\($0.line) \($0.field): \($0.problems[0].message)" }
        #expect(
            found == [
                "7 start: \"2025-04-31\" is not a date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
                "8 latitude: \"123\" is not a latitude between -90 and 90",
                "9 target_subtype: \"school\" is not a subtype of energy (known: power_plant, substation, transformer, transmission_line, distribution_network, grid, refinery, oil_storage, oil_pipeline, gas_pipeline, gas_facility, gas_metering_station, gas_storage, gas_distribution, pumping_station, dam)",
                "10 : has 4 fields, the header has 24",
                "11 id: \"fx-001\" is already on line 2 with different content",
                "12 : field 17: text after a closing quote",
                "13 : field 17: invalid UTF-8",
                "14 : unterminated quoted field starting on line 14",
            ])
        #expect(try batch().quarantined[0].problems[0].description.hasPrefix("\(file):7: start: "))
    }

    @Test("quoted fields keep commas, doubled quotes and line breaks; unknown columns are kept verbatim")
    func quotedFieldsAndVerbatimRecords() throws {
        let incidents = try batch().incidents
        #expect(incidents[0].description == "Drone hit a substation, cutting power; \"several\" towns affected.")
        #expect(incidents[1].description == "Multi-line\ndescription kept whole.")
        let record = try #require(incidents[0].sources.first)
        #expect(record.dataset == "truce-csv" && record.file == "incidents.csv" && record.line == 2 && record.key == "fx-001")
        #expect(record.fields.count == 24)
        #expect(record["extra_column"] == "kept verbatim")
        #expect(incidents[2].sources.first?.line == 5)
    }

    @Test("times: local time in its zone, precision gives the span, explicit offsets need no zone")
    func times() throws {
        let incidents = try batch().incidents
        let iso = ISO8601DateFormatter()
        #expect(incidents[0].time.span == TimeSpan(start: iso.date(from: "2025-03-20T01:15:00Z")!, end: iso.date(from: "2025-03-20T01:16:00Z")!))
        #expect(incidents[1].time.span == TimeSpan(start: iso.date(from: "2025-03-20T21:00:00Z")!, end: iso.date(from: "2025-03-21T21:00:00Z")!))
        #expect(incidents[2].time.precision == .week && incidents[2].time.span.duration == 7 * 86_400)
        #expect(incidents[3].time.span == TimeSpan(start: iso.date(from: "2025-03-20T01:15:00Z")!, end: iso.date(from: "2025-03-20T03:00:00Z")!))
    }

    @Test("the accusation is stored as the claimant's claim, never as fact")
    func accusationIsAClaim() throws {
        let sudzha = try batch().incidents[1]
        #expect(sudzha.perpetrator == Attribution(party: "UA", attributedBy: "Ministry of Defence of Russia"))
        #expect(
            sudzha.claims == [
                Claim(
                    claimant: "Ministry of Defence of Russia", claimantParty: "RU", accused: "UA",
                    source: SourceReference(url: "https://example.org/b", published: "2025-03-21T18:00"))
            ])
        #expect(sudzha.target == Target(category: .energy, subtype: "gas_facility", name: "Sudzha gas metering station"))
        let vague = try batch().incidents[2]
        #expect(vague.action == nil && vague.target.category == nil && vague.perpetrator == nil)
        #expect(vague.location.precision == .region && vague.location.coordinate == nil)
    }

    @Test("a header without the required columns fails at once, naming them")
    func missingColumnsFail() {
        #expect(throws: InputError.self) { try TruceCSVFormat().read(bytes: Array("a,b\n1,2\n".utf8), file: "x.csv") }
        do {
            _ = try TruceCSVFormat().read(bytes: Array("id,start\n1,2025-01-01\n".utf8), file: "x.csv")
        } catch {
            #expect("\(error)" == "x.csv:1: header: missing required column(s): claimant, source_url")
        }
    }

    @Test("the example incidents all read cleanly")
    func examplesRead() throws {
        let batch = try TruceCSVFormat().read(file: Fixtures.repository.appendingPathComponent("examples/2025/incidents.csv").path)
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        #expect(batch.incidents.count >= 40)
        #expect(Set(batch.incidents.compactMap(\.location.country)).isSuperset(of: ["UA", "RU", "PS"]))
    }
}

@Suite("CSV reader")
struct CSVReaderTests {
    func records(_ text: String) -> [String] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var out: [String] = []
        while let element = reader.next() {
            switch element {
            case .record(let record): out.append("\(record.line):" + record.fields.joined(separator: "|"))
            case .malformed(let bad): out.append("\(bad.line)!\(bad.reason)")
            }
        }
        return out
    }

    @Test("CRLF, trailing empty fields, blank lines and a missing final newline")
    func edges() {
        #expect(records("a,b,\r\n\r\n\"x\"\"y\",\n\nlast") == ["1:a|b|", "3:x\"y|", "5:last"])
        #expect(records("\u{FEFF}h\n") == ["1:h"])
        #expect(records("\"multi\nline\",2\nnext,3") == ["1:multi\nline|2", "3:next|3"])
    }

    @Test("random bytes never crash the reader and every byte belongs to some record or blank line")
    func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = Array("ab,\"\r\n ".utf8) + [0xFF, 0xC3]
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var reader = CSVReader(bytes: bytes)
            var count = 0
            while reader.next() != nil { count += 1 }
            #expect(count <= bytes.count)
        }
    }
}

@Suite("CSV reader under random input")
struct CSVReaderFuzzTests {
    static let alphabet: [UInt8] = Array("ab,\"\r\n\t ".utf8) + [0xFF, 0xC3, 0xA9]

    static func randomBytes(_ generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<Int.random(in: 0..<300, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
    }

    static func describe(_ element: CSVReader.Element) -> String {
        switch element {
        case .record(let record): return "\(record.line) \(record.fields)"
        case .malformed(let bad): return "\(bad.line) ! \(bad.reason) \(bad.raw)"
        }
    }

    @Test(
        "every line break (LF, CRLF or CR) is counted, whole records and split-then-parsed records agree, and chunking changes nothing",
        arguments: [CSVDialect.csv, .tsv])
    func randomInput(dialect: CSVDialect) throws {
        var generator = SeededGenerator(seed: dialect.quoting ? 11 : 12)
        for _ in 0..<400 {
            let bytes = Self.randomBytes(&generator)
            var whole = CSVReader(bytes: bytes, dialect: dialect)
            var expected: [String] = []
            while let element = whole.next() { expected.append(Self.describe(element)) }
            let lineBreaks =
                bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && $0 + 1 < bytes.count && bytes[$0 + 1] != 0x0A) }.count
                + (bytes.last == 0x0D ? 1 : 0)
            #expect(whole.nextLine - 1 == lineBreaks, "\(bytes)")

            var split = CSVReader(bytes: bytes, dialect: dialect)
            var viaBytes: [String] = []
            while let record = split.nextRecordBytes() {
                viaBytes.append(Self.describe(CSVReader.parse(record: record.bytes, line: record.line, dialect: dialect)))
            }
            #expect(viaBytes == expected, "\(bytes)")

            let chunkSize = Int.random(in: 1...40, using: &generator)
            var stream = RecordStream(source: ByteSource(bytes: bytes, file: "random", chunkSize: chunkSize), dialect: dialect)
            var streamed: [String] = []
            while let element = try stream.next() { streamed.append(Self.describe(element)) }
            #expect(streamed == expected, "chunks of \(chunkSize): \(bytes)")

            var rawStream = RecordStream(source: ByteSource(bytes: bytes, file: "random", chunkSize: chunkSize), dialect: dialect)
            var rawStreamed: [String] = []
            while let record = try rawStream.nextRecordBytes() {
                guard case .bytes(let recordBytes, let line) = record else {
                    Issue.record("a record of at most 300 bytes is not over the 1 MiB maximum")
                    continue
                }
                rawStreamed.append(Self.describe(CSVReader.parse(record: recordBytes, line: line, dialect: dialect)))
            }
            #expect(rawStreamed == expected, "raw, chunks of \(chunkSize): \(bytes)")
        }
    }
}
