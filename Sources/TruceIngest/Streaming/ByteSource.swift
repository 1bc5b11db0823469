import CZlib
import Foundation

/// Reads an input in chunks: a plain file, a gzip file (by its magic bytes, whatever its name), or standard
/// input for `-`. Memory stays at one chunk whatever the input's size.
public struct ByteSource {
    public static let defaultChunkSize = 4 << 20

    private let handle: FileHandle?
    private let chunkSize: Int
    private var inflater: Inflater?
    private var pending: [UInt8]?
    /// The input, when it is held in memory rather than read from a file.
    private var memory: [UInt8] = []
    private var memoryOffset = 0
    private var finished = false
    /// Bytes read from the file so far (compressed bytes for gzip), for progress.
    public private(set) var bytesRead = 0
    /// The file's size in bytes, when known (not for standard input).
    public let totalBytes: Int?

    /// A source over bytes already in memory, handed out `chunkSize` bytes at a time (all at once by default),
    /// named `file` in diagnostics.
    public init(bytes: [UInt8], file: String, chunkSize: Int? = nil) {
        handle = nil
        self.chunkSize = max(1, chunkSize ?? bytes.count)
        memory = bytes
        pending = Array(bytes.prefix(self.chunkSize))
        memoryOffset = pending!.count
        bytesRead = pending!.count
        totalBytes = bytes.count
        self.file = file
        inflater = bytes.starts(with: [0x1F, 0x8B]) ? try? Inflater(file: file) : nil
    }

    /// Opens `file` (`-` for standard input).
    /// - Throws: ``InputError/unreadable(file:reason:)`` when it cannot be opened.
    public init(file: String, chunkSize: Int = ByteSource.defaultChunkSize) throws {
        self.chunkSize = chunkSize
        if file == "-" {
            handle = FileHandle.standardInput
            totalBytes = nil
        } else {
            guard let opened = FileHandle(forReadingAtPath: file) else {
                let reason = FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"
                throw InputError.unreadable(file: file, reason: reason)
            }
            handle = opened
            totalBytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        }
        let first = try Self.read(handle!, count: chunkSize, file: file)
        bytesRead = first.count
        if first.starts(with: [0x1F, 0x8B]) {
            inflater = try Inflater(file: file)
        }
        pending = first
        self.file = file
    }

    private let file: String

    /// The next chunk of decompressed bytes, or `nil` at the end.
    /// - Throws: ``InputError`` when reading or decompressing fails.
    public mutating func next() throws -> [UInt8]? {
        while !finished {
            let input: [UInt8]
            if let pending {
                input = pending
                self.pending = nil
            } else {
                if let handle {
                    input = try Self.read(handle, count: chunkSize, file: file)
                } else {
                    input = Array(memory[memoryOffset..<min(memory.count, memoryOffset + chunkSize)])
                    memoryOffset += input.count
                }
                bytesRead += input.count
            }
            if input.isEmpty {
                finished = true
                if let inflater, !inflater.atStreamEnd {
                    throw InputError.unreadable(file: file, reason: "the gzip stream ends early (truncated file)")
                }
                return nil
            }
            guard inflater != nil else { return input }
            let output = try inflater!.inflate(input)
            if !output.isEmpty { return output }
        }
        return nil
    }

    private static func read(_ handle: FileHandle, count: Int, file: String) throws -> [UInt8] {
        do {
            return Array(try handle.read(upToCount: count) ?? Data())
        } catch {
            throw InputError.unreadable(file: file, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Streaming gzip (and concatenated gzip members) decompression with zlib.
final class Inflater {
    private var stream = z_stream()
    private let file: String
    private(set) var atStreamEnd = false

    init(file: String) throws {
        self.file = file
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw InputError.unreadable(file: file, reason: "cannot start gzip decompression") }
    }

    deinit { inflateEnd(&stream) }

    func inflate(_ input: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        var input = input
        try input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while stream.avail_in > 0 {
                if atStreamEnd {  // another gzip member follows
                    inflateReset(&stream)
                    atStreamEnd = false
                }
                let produced = try buffer.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                    stream.next_out = outputBuffer.baseAddress
                    stream.avail_out = UInt32(outputBuffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    if status == Z_STREAM_END {
                        atStreamEnd = true
                    } else if status != Z_OK && status != Z_BUF_ERROR {
                        throw InputError.unreadable(file: file, reason: "corrupt gzip data (zlib status \(status))")
                    }
                    return outputBuffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: buffer[0..<produced])
                if produced == 0 && !atStreamEnd && stream.avail_in > 0 && stream.avail_out > 0 { break }
            }
        }
        return output
    }
}
