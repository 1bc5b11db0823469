import Testing
import TruceIngest

@Suite("Byte-order marks")
struct ByteOrderMarkTests {
    /// Every record a stream over `bytes` gives, read `chunkSize` bytes at a time.
    func records(_ bytes: [UInt8], chunkSize: Int) throws -> [String] {
        var stream = RecordStream(source: ByteSource(bytes: bytes, file: "bom.csv", chunkSize: chunkSize), dialect: .csv)
        var found: [String] = []
        while let element = try stream.next() {
            switch element {
            case .record(let record): found.append("\(record.line): \(record.raw)")
            case .malformed(let bad): found.append("\(bad.line): malformed \(bad.raw)")
            }
        }
        return found
    }

    @Test("two byte-order marks: only the first is dropped, and a record is never lost at a chunk boundary", arguments: [1, 2, 3, 5, 64])
    func secondMarkIsData(chunkSize: Int) throws {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let whole = try records(mark + mark + Array("abcdefgh\nx,y\n".utf8), chunkSize: 1 << 20)
        #expect(whole == ["1: \u{FEFF}abcdefgh", "2: x,y"])
        #expect(try records(mark + mark + Array("abcdefgh\nx,y\n".utf8), chunkSize: chunkSize) == whole)
        #expect(try records(mark + mark, chunkSize: chunkSize) == ["1: \u{FEFF}"])
    }
}
