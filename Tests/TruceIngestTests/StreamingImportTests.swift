import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("Streaming import: chunks, batches and gzip give the same records")
struct StreamingImportTests {
    struct Collected: Equatable {
        var incidents: [Incident] = []
        var quarantined: [QuarantinedRecord] = []
        var batches = 0
    }

    func collect(_ format: some DatasetFormat, source: ByteSource, file: String, batchSize: Int) throws -> Collected {
        var collected = Collected()
        _ = try StreamingImport(format: format, batchSize: batchSize).run(source: source, file: file) { incidents, quarantined in
            collected.incidents += incidents
            collected.quarantined += quarantined
            collected.batches += 1
            return LoadSummary(new: incidents.count, quarantined: quarantined.count)
        }
        return collected
    }

    @Test("any chunk size and batch size gives the records of a whole-file read", arguments: [1, 2, 7, 64, 4096])
    func chunkSizesAgree(chunkSize: Int) throws {
        let file = Fixtures.path("incidents.csv")
        let whole = try collect(TruceCSVFormat(), source: ByteSource(file: file), file: file, batchSize: .max)
        let chunked = try collect(TruceCSVFormat(), source: ByteSource(file: file, chunkSize: chunkSize), file: file, batchSize: 3)
        #expect(chunked.incidents == whole.incidents)
        #expect(chunked.quarantined == whole.quarantined)
        #expect(chunked.batches == 4)
        #expect(whole.incidents.count == 4 && whole.quarantined.count == 8)
    }

    @Test("CRLF line ends split across chunks read the same as LF")
    func crlfAcrossChunks() throws {
        let text = try Fixtures.text("acled.csv")
        let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let directory = try Fixtures.temporaryDirectory()
        let file = directory.appendingPathComponent("acled.csv").path
        try Data(crlf).write(to: URL(fileURLWithPath: file))
        let format = ACLEDFormat(actors: ActorTable(entries: []))
        for chunkSize in [1, 3, 5, 1 << 20] {
            let result = try collect(format, source: ByteSource(file: file, chunkSize: chunkSize), file: file, batchSize: 2)
            #expect(result.incidents.map(\.id) == ["acled:FXU1", "acled:FXR1", "acled:FXU2"], "chunk \(chunkSize)")
            #expect(result.quarantined.map(\.line) == [6, 7, 8, 9], "chunk \(chunkSize)")
        }
    }

    @Test("a gzip file, even of several members, reads like the plain file; a truncated one is an error")
    func gzip() throws {
        let plain = Fixtures.path("incidents.csv")
        let directory = try Fixtures.temporaryDirectory()
        let gz = directory.appendingPathComponent("incidents.csv.gz").path
        try shell("gzip -c '\(plain)' > '\(gz)'")
        let expected = try collect(TruceCSVFormat(), source: ByteSource(file: plain), file: plain, batchSize: .max)
        let fromGzip = try collect(TruceCSVFormat(), source: ByteSource(file: gz, chunkSize: 50), file: plain, batchSize: .max)
        #expect(fromGzip.incidents == expected.incidents && fromGzip.quarantined == expected.quarantined)

        let members = directory.appendingPathComponent("two.csv.gz").path
        try shell("head -c 700 '\(plain)' | gzip -c > '\(members)' && tail -c +701 '\(plain)' | gzip -c >> '\(members)'")
        let fromMembers = try collect(TruceCSVFormat(), source: ByteSource(file: members, chunkSize: 64), file: plain, batchSize: .max)
        #expect(fromMembers.incidents == expected.incidents && fromMembers.quarantined == expected.quarantined)

        let truncated = directory.appendingPathComponent("cut.csv.gz").path
        try shell("head -c 300 '\(gz)' > '\(truncated)'")
        #expect(throws: InputError.self) {
            _ = try collect(TruceCSVFormat(), source: ByteSource(file: truncated), file: truncated, batchSize: .max)
        }
    }

    @Test("a missing file is an input error naming it")
    func missingFile() {
        #expect(throws: InputError.self) { _ = try ByteSource(file: "/nonexistent/file.csv") }
    }

    private func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(command)")
    }
}
