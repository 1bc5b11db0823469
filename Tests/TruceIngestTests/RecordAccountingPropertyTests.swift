import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceTestSupport

/// Every record of any input is accounted for: it becomes an incident, a quarantined record or a skipped
/// annotation, checked against a count of the records made here by a separate, deliberately simple reading of
/// the documented rules, not by Truce's reader.
@Suite("Every record is accounted for, whatever the bytes")
struct RecordAccountingPropertyTests {
    /// One format under test: how it splits records, a header line (or, for GDELT, a first line that is a good
    /// event, so that the file is taken for GDELT) and a good row to mix in.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var quoting: Bool
        var delimiter: UInt8
        var first: String
        var header: Bool
        var goodRow: @Sendable (Int) -> String
        var description: String { name }

        func run(_ bytes: [UInt8], chunkSize: Int?, maxRecordBytes: Int) throws -> (incidents: Int, quarantined: Int, annotations: Int, records: Int)
        {
            switch name {
            case "acled": return try Self.count(ACLEDFormat(actors: ActorTable(entries: [])), bytes, chunkSize, maxRecordBytes)
            case "ucdp": return try Self.count(UCDPFormat(actors: ActorTable(entries: [])), bytes, chunkSize, maxRecordBytes)
            case "gdelt": return try Self.count(GDELTFormat(), bytes, chunkSize, maxRecordBytes)
            default: return try Self.count(TruceCSVFormat(), bytes, chunkSize, maxRecordBytes)
            }
        }

        static func count(_ format: some DatasetFormat, _ bytes: [UInt8], _ chunkSize: Int?, _ maxRecordBytes: Int) throws
            -> (incidents: Int, quarantined: Int, annotations: Int, records: Int)
        {
            var (incidents, quarantined) = (0, 0)
            let report = try StreamingImport(format: format, batchSize: 5, maxRecordBytes: maxRecordBytes).run(
                source: ByteSource(bytes: bytes, file: "random", chunkSize: chunkSize), file: "random"
            ) { batchIncidents, batchQuarantined in
                incidents += batchIncidents.count
                quarantined += batchQuarantined.count
                return LoadSummary(new: batchIncidents.count, quarantined: batchQuarantined.count)
            }
            return (incidents, quarantined, report.annotations, report.records)
        }
    }

    static let gdeltLine: @Sendable (Int) -> String = { key in
        var values = [String](repeating: "", count: 61)
        values[0] = "\(key)"
        values[1] = "20250320"
        values[26] = "190"
        values[59] = "20250320081500"
        return values.joined(separator: "\t")
    }

    static let cases: [Case] = [
        Case(
            name: "acled", quoting: true, delimiter: UInt8(ascii: ","),
            first: "event_id_cnty,event_date,event_type,actor1,latitude,longitude,notes,fatalities", header: true,
            goodRow: { "K\($0),20 March 2025,Battles,\"Actor, one\",48.5,35.0,\"said \"\"x\"\"\n more\",3" }),
        Case(
            name: "ucdp", quoting: true, delimiter: UInt8(ascii: ","),
            first: "id,side_a,side_b,date_start,date_end,latitude,longitude,best", header: true,
            goodRow: { "\($0),Government of Ukraine,DPR,2015-02-01,2015-02-03,48.0,37.8,2" }),
        Case(name: "gdelt", quoting: false, delimiter: UInt8(ascii: "\t"), first: gdeltLine(1), header: false, goodRow: gdeltLine),
        Case(
            name: "truce", quoting: true, delimiter: UInt8(ascii: ","),
            first: "id,start,time_zone,claimant,source_url,description", header: true,
            goodRow: { "t-\($0),2025-03-20,Europe/Kyiv,Reporter,https://example.org/\($0),\"line one\r\nline two\"" }),
    ]

    // MARK: The independent count

    /// The number of records in `bytes` by the documented rules: a UTF-8 byte-order mark at the start is skipped; a
    /// line ends at LF, CRLF or a lone CR outside quotes; with quoting, a `"` at the start of a field opens a quoted
    /// field that only a `"` not followed by another `"` closes; a line end with nothing before it (a blank line)
    /// is no record; whatever is left at the end of the input is the last record.
    static func referenceCount(_ bytes: [UInt8], quoting: Bool, delimiter: UInt8) -> Int {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var records = 0
        var recordHasBytes = false
        var inQuotes = false
        var fieldStart = true
        while index < bytes.count {
            let byte = bytes[index]
            let following: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if inQuotes {
                if byte == 0x22, following == 0x22 {
                    index += 2
                    continue
                }
                if byte == 0x22 { inQuotes = false }
                index += 1
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                if recordHasBytes { records += 1 }
                recordHasBytes = false
                fieldStart = true
                index += byte == 0x0D && following == 0x0A ? 2 : 1
                continue
            }
            recordHasBytes = true
            if byte == delimiter {
                fieldStart = true
            } else {
                if quoting, byte == 0x22, fieldStart { inQuotes = true }
                fieldStart = false
            }
            index += 1
        }
        return records + (recordHasBytes ? 1 : 0)
    }

    @Test("the reference count itself: blank lines, CR, CRLF, quotes holding line ends, an unterminated quote")
    func referenceCountWorks() {
        func count(_ text: String) -> Int { Self.referenceCount(Array(text.utf8), quoting: true, delimiter: 0x2C) }
        #expect(count("") == 0 && count("\n\r\n\r") == 0)
        #expect(count("a\rb\r\nc\nd") == 4)
        #expect(count("\"x\ny\",1\n\"a\"\"\rb\"\n") == 2)
        #expect(count("a,\"open\n\n\nstill open") == 1)
        #expect(count("a\"b\nc") == 2)  // a quote inside a field opens nothing
    }

    // MARK: Random bytes

    static let alphabet: [UInt8] = Array("ab1,\t\"\r\n #.-".utf8) + [0x00, 0xFF, 0xC3, 0xA9, 0xE2]

    /// Random bytes: single bytes from a hostile alphabet, runs long enough to pass the maximum record size,
    /// `#` rows, good rows, and line ends of every kind.
    static func randomBody(_ testCase: Case, _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        if testCase.name == "ucdp", Bool.random(using: &generator) { bytes += Array(",#date+year,#a\n".utf8) }
        for _ in 0..<Int.random(in: 0..<60, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: bytes += [UInt8](repeating: alphabet.randomElement(using: &generator)!, count: Int.random(in: 20..<400, using: &generator))
            case 1:
                bytes += Array(
                    (testCase.goodRow(Int.random(in: 0..<30, using: &generator)) + ["\n", "\r\n", "\r"].randomElement(using: &generator)!).utf8)
            case 2: bytes += Array("#x,#y\n".utf8)
            case 3: bytes += [[0x0A], [0x0D], [0x0D, 0x0A], [0x22]].randomElement(using: &generator)!
            default: bytes += (0..<Int.random(in: 1..<12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            }
        }
        return bytes
    }

    @Test(
        "random bytes through each format: incidents + quarantined + skipped annotations = the records counted independently",
        arguments: cases)
    func randomBytes(testCase: Case) throws {
        var generator = SeededGenerator(seed: UInt64(testCase.name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for round in 0..<150 {
            let body = Self.randomBody(testCase, &generator)
            let bytes = Array((testCase.first + "\n").utf8) + body
            let chunkSize = Bool.random(using: &generator) ? nil : Int.random(in: 1...64, using: &generator)
            let maxRecordBytes = Int.random(in: 16...300, using: &generator)
            let expected = Self.referenceCount(bytes, quoting: testCase.quoting, delimiter: testCase.delimiter) - (testCase.header ? 1 : 0)
            let result = try testCase.run(bytes, chunkSize: chunkSize, maxRecordBytes: max(maxRecordBytes, testCase.first.utf8.count))
            let context = "round \(round), chunks \(chunkSize.map(String.init) ?? "whole"), max \(maxRecordBytes): \(bytes)"
            #expect(result.incidents + result.quarantined + result.annotations == expected, "\(context)")
            #expect(result.records + result.annotations == expected, "\(context)")
        }
    }

    // MARK: Well-formed records of random content

    /// A field of random content, quoted when it holds a quote, delimiter or line end (CSV); TSV fields hold none.
    static func field(_ quoting: Bool, _ generator: inout SeededGenerator) -> String {
        let pieces = quoting ? ["a", "é", "\"", ",", "\n", "\r", "\r\n", "#", " ", "1", "\u{0}"] : ["a", "é", "\"", ",", "#", " ", "1", "\u{0}"]
        let text = (0..<Int.random(in: 0..<8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        guard quoting, text.utf8.contains(where: { Array("\",\n\r".utf8).contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test(
        "N well-formed records of random content, with any line ends and blank lines between them, count as N",
        arguments: cases)
    func wellFormedRecords(testCase: Case) throws {
        var generator = SeededGenerator(seed: 99 &+ UInt64(testCase.name.utf8.count))
        for round in 0..<60 {
            let count = Int.random(in: 0..<40, using: &generator)
            var text = testCase.first
            for _ in 0..<count {
                text += ["\n", "\r\n", "\r"].randomElement(using: &generator)!
                if Int.random(in: 0..<5, using: &generator) == 0 { text += ["\n", "\r\n", "\r"].randomElement(using: &generator)! }
                if Bool.random(using: &generator) {
                    text += testCase.goodRow(Int.random(in: 0..<1000, using: &generator))
                } else {
                    let fields = (0..<Int.random(in: 1..<10, using: &generator)).map { _ in Self.field(testCase.quoting, &generator) }
                    let record = fields.joined(separator: String(UnicodeScalar(testCase.delimiter)))
                    text += record.isEmpty ? "\"\"" : record  // an empty line would be blank, not a record
                }
            }
            if Bool.random(using: &generator) { text += "\n" }
            let bytes = Array(text.utf8)
            let records = count + (testCase.header ? 0 : 1)
            #expect(Self.referenceCount(bytes, quoting: testCase.quoting, delimiter: testCase.delimiter) - (testCase.header ? 1 : 0) == records)
            let chunkSize = Bool.random(using: &generator) ? nil : Int.random(in: 1...50, using: &generator)
            let result = try testCase.run(bytes, chunkSize: chunkSize, maxRecordBytes: RecordStream.defaultMaxRecordBytes)
            #expect(result.incidents + result.quarantined + result.annotations == records, "round \(round): \(text.debugDescription)")
        }
    }
}
