import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceStore
import TruceTestSupport

/// The zero-copy row path: fields are byte ranges into the read buffer, and the verbatim fields an import stores
/// are written from those bytes; both must give exactly what reading each field as a string gives.
@Suite("Zero-copy records")
struct ZeroCopyRecordTests {
    static let actors = ActorTable(entries: [.init(pattern: "Military Forces of Russia", party: "RU")])
    static let header = Array(
        try! String(contentsOf: Fixtures.directory.appendingPathComponent("acled.csv"), encoding: .utf8)
            .split(separator: "\n")[0].utf8)

    /// A cell of hostile text: quotes, delimiters, line breaks, backslashes, control characters, non-ASCII.
    static func cell(_ random: inout SeededGenerator) -> String {
        let pieces = ["plain", "\"", "\"\"", ",", "\n", "\r\n", "\\", "\u{1}", "\t", " ", "Київ", "✓", "é", "\u{7f}", "/", "a b"]
        return (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// ACLED rows whose free-text cells (notes, source, admin2, tags) hold hostile text, quoted as CSV quotes it.
    static func acledFile(rows: Int, seed: UInt64) -> [UInt8] {
        var random = SeededGenerator(seed: seed)
        var text = String(decoding: header, as: UTF8.self) + "\r\n"
        for index in 0..<rows {
            let notes = cell(&random)
            let source = cell(&random)
            let admin2 = cell(&random)
            let tags = cell(&random)
            text +=
                "ZC\(index),20 March 2025,2025,1,Political violence,Explosions/Remote violence,Air/drone strike,"
                + "Military Forces of Russia (2000-),,State forces,,,,State forces only,,804,Europe,Ukraine,Dnipropetrovsk,"
                + "\(quoted(admin2)),,Kryvyi Rih,47.9105,33.3918,1,\(quoted(source)),National,\(quoted(notes)),0,\(quoted(tags)),1742515200"
                + (index % 2 == 0 ? "\n" : "\r\n")
        }
        return Array(text.utf8)
    }

    @Test("verbatim values written from a record's bytes are byte for byte the JSON of its fields read as strings")
    func verbatimValuesMatchFieldStrings() throws {
        let bytes = Self.acledFile(rows: 400, seed: 2024)
        let format = ACLEDFormat(actors: Self.actors)
        let whole = try format.read(bytes: bytes, file: "zero-copy.csv")
        #expect(whole.incidents.count == 400 && whole.quarantined.isEmpty)
        let expected = whole.incidents.map { $0.sources[0].valuesJSON }

        nonisolated(unsafe) var written: [String] = []
        nonisolated(unsafe) var deferred: [Bool] = []
        nonisolated(unsafe) var rebuilt: [Incident] = []
        _ = try StreamingImport(format: format).run(
            source: ByteSource(bytes: bytes, file: "zero-copy.csv", chunkSize: 4096), file: "zero-copy.csv",
            prepareVerbatim: { incident, verbatim -> (String, Bool, Incident) in
                (verbatim?.valuesJSON ?? "", incident.sources[0].fields.isEmpty, incident.withFields(of: verbatim))
            }
        ) { prepared, _ in
            written += prepared.map(\.0)
            deferred += prepared.map(\.1)
            rebuilt += prepared.map(\.2)
            return LoadSummary(new: prepared.count)
        }
        #expect(written == expected)
        #expect(deferred.count == 400 && !deferred.contains(false))  // the fields stayed bytes until asked for
        #expect(rebuilt == whole.incidents)
        #expect(expected.contains { $0.contains("\\\"") && $0.contains("\\n") && $0.contains("\\u0001") && $0.contains("Київ") })
    }

    @Test("invalid UTF-8 is named in the first field that has it, unless a quoting problem comes in an earlier field")
    func invalidUTF8NamesTheFirstFieldAtFault() {
        func reason(_ bytes: [UInt8]) -> String? {
            var reader = CSVReader(bytes: bytes)
            if case .malformed(let bad)? = reader.next() { return bad.reason }
            return nil
        }
        let invalid: [UInt8] = [0xFF, 0xFE]
        #expect(reason(Array("a,".utf8) + invalid + Array(",\"x\"y\n".utf8)) == "field 2: invalid UTF-8")
        #expect(reason(Array("\"x\"y,".utf8) + invalid + Array("\n".utf8)) == "field 1: text after a closing quote")
        #expect(reason(Array("\"".utf8) + invalid + Array("\"z,b\n".utf8)) == "field 1: text after a closing quote")
        #expect(reason(Array("ok,\"é\",".utf8) + invalid + Array("\n".utf8)) == "field 3: invalid UTF-8")
        #expect(reason(Array("ok,\"é\",ü\n".utf8)) == nil)
    }
}
