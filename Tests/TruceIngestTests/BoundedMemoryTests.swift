import Foundation
import Testing
import TruceCore
import TruceIngest

/// Regression tests for inputs whose memory grew with their size: a record longer than the maximum, a gzip
/// bomb, endless blank lines or zeros.
@Suite("Bounded memory: long records, gzip bombs, blank lines")
struct BoundedMemoryTests {
    static let header = "id,start,time_zone,claimant,source_url,description"

    static func row(_ id: String, description: String = "ok") -> String {
        "\(id),2025-03-20,UTC,me,https://example.org/\(id),\(description)"
    }

    struct Outcome {
        var incidents: [Incident] = []
        var quarantined: [QuarantinedRecord] = []
        var report = StreamingImport<TruceCSVFormat>.Report()
    }

    func run(_ source: ByteSource, maxRecordBytes: Int) throws -> Outcome {
        var outcome = Outcome()
        outcome.report = try StreamingImport(format: TruceCSVFormat(), batchSize: 3, maxRecordBytes: maxRecordBytes).run(
            source: source, file: "big.csv"
        ) {
            outcome.incidents += $0
            outcome.quarantined += $1
            return LoadSummary(new: $0.count, quarantined: $1.count)
        }
        return outcome
    }

    @Test(
        "maximum record size: a longer record is quarantined with its line, length and first bytes, and the lines after it stay right",
        arguments: [nil, 1, 5, 64, 1000])
    func overlongRecordIsQuarantined(chunkSize: Int?) throws {
        let long = Self.row("t2", description: "\"" + String(repeating: "x\r\n\"\"", count: 500) + "\"")  // over 2,500 bytes on 501 lines
        let text = [Self.header, Self.row("t1"), long, Self.row("t3"), "", Self.row("t4")].joined(separator: "\r\n") + "\n"
        let outcome = try run(ByteSource(bytes: Array(text.utf8), file: "big.csv", chunkSize: chunkSize), maxRecordBytes: 300)
        #expect(outcome.incidents.map(\.id) == ["t1", "t3", "t4"])
        #expect(outcome.incidents.map { $0.sources[0].line } == [2, 504, 506])
        let quarantined = try #require(outcome.quarantined.first)
        #expect(outcome.quarantined.count == 1 && quarantined.line == 3)
        #expect(
            quarantined.reason
                == "record of \(long.utf8.count) bytes is longer than the maximum record size (300 bytes); its first 1024 bytes are kept")
        #expect(quarantined.raw == String(decoding: long.utf8.prefix(1024), as: UTF8.self))
        #expect(outcome.report.records == 4)
    }

    @Test(
        "maximum record size: an open quote that never closes is one oversized record up to the end of the input",
        arguments: [nil, 7])
    func unterminatedQuoteIsOneRecord(chunkSize: Int?) throws {
        let text = [Self.header, Self.row("t1"), "t2,\"" + String(repeating: "never closed,\n", count: 100)].joined(separator: "\n")
        let outcome = try run(ByteSource(bytes: Array(text.utf8), file: "big.csv", chunkSize: chunkSize), maxRecordBytes: 100)
        #expect(outcome.incidents.map(\.id) == ["t1"])
        #expect(outcome.quarantined.map(\.line) == [3])
        #expect(outcome.quarantined.first?.reason.contains("a quoted field opened in it never closes") == true)
    }

    @Test("maximum record size: zeros without a line end (as from /dev/zero) are walked past in chunks, never held")
    func endlessZerosAreWalkedPast() throws {
        let directory = try Fixtures.temporaryDirectory()
        let file = directory.appendingPathComponent("zeros.csv")
        var bytes = Array((Self.header + "\n").utf8)
        bytes += [UInt8](repeating: 0, count: 48 << 20)
        bytes += Array(("\n" + Self.row("t1") + "\n").utf8)
        try Data(bytes).write(to: file)
        bytes = []
        var stream = RecordStream(source: try ByteSource(file: file.path, chunkSize: 1 << 20), dialect: .csv, maxRecordBytes: 4096)
        _ = try stream.next()  // header
        guard case .oversized(let zeros)? = try stream.nextRecordBytes() else {
            Issue.record("the run of zeros is not an oversized record")
            return
        }
        #expect(zeros.line == 2 && zeros.length == 48 << 20 && zeros.prefix == [UInt8](repeating: 0, count: 1024))
        guard case .bytes(let last, let line)? = try stream.nextRecordBytes() else {
            Issue.record("the row after the zeros is lost")
            return
        }
        #expect(line == 3 && String(decoding: last, as: UTF8.self) == Self.row("t1"))
        #expect(try stream.nextRecordBytes() == nil)
    }

    @Test("gzip bomb: a small gzip file expanding a thousandfold is decompressed at most one chunk at a time")
    func gzipBombIsReadInChunks() throws {
        let directory = try Fixtures.temporaryDirectory()
        let bomb = directory.appendingPathComponent("bomb.csv.gz").path
        let status = try shell("(printf '\(Self.header)\\n\"'; head -c 67108864 /dev/zero; printf '\"\\n\(Self.row("t1"))\\n') | gzip -1 > '\(bomb)'")
        #expect(status == 0)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int)
        #expect(size < 1 << 20)
        var source = try ByteSource(file: bomb, chunkSize: 1 << 20)
        var total = 0
        while let chunk = try source.next() {
            #expect(chunk.count <= 1 << 20)
            total += chunk.count
        }
        #expect(total == 64 << 20 + Self.header.utf8.count + Self.row("t1").utf8.count + 5)

        let outcome = try run(try ByteSource(file: bomb, chunkSize: 1 << 20), maxRecordBytes: 1 << 20)
        #expect(outcome.incidents.map(\.id) == ["t1"] && outcome.incidents.first?.sources[0].line == 3)
        #expect(outcome.quarantined.map(\.line) == [2])
    }

    @Test("blank lines: a gzip of many blank lines reads in chunks, with no record and the line after them numbered right")
    func blankLinesInConstantMemory() throws {
        let directory = try Fixtures.temporaryDirectory()
        let blank = directory.appendingPathComponent("blank.csv.gz").path
        let lines = 8 << 20
        let status = try shell("(echo '\(Self.header)'; yes '' | head -n \(lines); echo '\(Self.row("t1"))') | gzip -1 > '\(blank)'")
        #expect(status == 0)
        let outcome = try run(try ByteSource(file: blank, chunkSize: 1 << 20), maxRecordBytes: 1024)
        #expect(outcome.incidents.map(\.id) == ["t1"] && outcome.incidents.first?.sources[0].line == lines + 2)
        #expect(outcome.quarantined.isEmpty && outcome.report.records == 1)
    }

    private func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
