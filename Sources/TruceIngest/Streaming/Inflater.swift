import CZlib

/// Streaming gzip (and concatenated gzip members) decompression with zlib, a bounded amount of output at a time:
/// compressed input that has not yet been turned into output is kept for the next call, so a small file that
/// expands enormously (a gzip bomb) is read in chunks like any other.
final class Inflater {
    private var stream = z_stream()
    private let file: String
    private(set) var atStreamEnd = false
    /// Compressed bytes fed and not yet consumed by zlib, from `inputOffset` on.
    private var input: [UInt8] = []
    private var inputOffset = 0

    init(file: String) throws {
        self.file = file
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw InputError.unreadable(file: file, reason: "cannot start gzip decompression") }
    }

    deinit { inflateEnd(&stream) }

    /// Whether every compressed byte fed so far has been consumed.
    var needsInput: Bool { inputOffset == input.count }

    /// Adds compressed bytes, to be decompressed by the next calls of ``inflate(upTo:)``.
    func feed(_ bytes: [UInt8]) {
        if needsInput {
            input = bytes
        } else {
            input = Array(input[inputOffset...]) + bytes
        }
        inputOffset = 0
    }

    /// Up to `limit` decompressed bytes from the input fed so far; empty when it needs more input.
    /// - Throws: ``InputError/unreadable(file:reason:)`` on corrupt data.
    func inflate(upTo limit: Int) throws -> [UInt8] {
        let limit = max(1, limit)
        return try [UInt8](unsafeUninitializedCapacity: limit) { output, produced in
            produced = 0
            try input.withUnsafeMutableBufferPointer { inputBuffer in
                while produced < limit, inputOffset < inputBuffer.count {
                    if atStreamEnd {  // another gzip member follows
                        inflateReset(&stream)
                        atStreamEnd = false
                    }
                    let available = inputBuffer.count - inputOffset
                    stream.next_in = inputBuffer.baseAddress! + inputOffset
                    stream.avail_in = UInt32(min(available, Int(UInt32.max)))
                    stream.next_out = output.baseAddress! + produced
                    stream.avail_out = UInt32(min(limit - produced, Int(UInt32.max)))
                    let availableOut = Int(stream.avail_out)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let consumed = min(available, Int(UInt32.max)) - Int(stream.avail_in)
                    let made = availableOut - Int(stream.avail_out)
                    inputOffset += consumed
                    produced += made
                    if status == Z_STREAM_END {
                        atStreamEnd = true
                    } else if status != Z_OK && status != Z_BUF_ERROR {
                        throw InputError.unreadable(file: file, reason: "corrupt gzip data (zlib status \(status))")
                    }
                    if consumed == 0 && made == 0 && !atStreamEnd { break }  // zlib needs more input
                }
            }
        }
    }
}
