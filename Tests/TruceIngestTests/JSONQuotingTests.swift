import Foundation
import Testing
import TruceCore
import TruceTestSupport

/// The verbatim values of an import are written in one pass into room measured first; they must be byte for byte
/// what the appending JSON writer gives, which is what Foundation's encoder writes.
@Suite("JSON strings written into measured room")
struct JSONQuotingTests {
    /// Text of every kind JSON quoting treats apart: each control character, quotes, backslashes, slashes,
    /// two-, three- and four-byte characters, and plain runs.
    static func text(_ random: inout SeededGenerator) -> String {
        let pieces = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\"", "\\", "/", "plain", "Київ", "✓", "🕊", "\u{7f}", " "]
        return (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    @Test("slow verbatim values: a string written into measured room has the appending writer's bytes and fills the room exactly")
    func writtenIntoRoomMatchesAppended() throws {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            var text = Self.text(&random)
            var appended: [UInt8] = []
            JSONBytes.appendString(text, to: &appended)
            let written: [UInt8] = text.withUTF8 { utf8 in
                let length = JSONBytes.quotedLength(utf8: utf8)
                var room = [UInt8](repeating: 0, count: length)
                var offset = 0
                room.withUnsafeMutableBufferPointer { JSONBytes.writeQuoted(utf8: utf8, into: $0, at: &offset) }
                #expect(offset == length)
                return room
            }
            #expect(written == appended, "\(text.debugDescription)")
            let encoded = try TruceJSON.encoder().encode([text])
            #expect(Array(encoded.dropFirst().dropLast()) == appended, "\(text.debugDescription)")
        }
    }
}
