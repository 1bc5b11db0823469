import Foundation

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Musl)
import Musl
private let systemRead = Musl.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads an input in chunks: a plain file, a gzip file (by its magic bytes, whatever its name), or standard
/// input for `-`. Memory stays at one chunk whatever the input's size: gzip input is decompressed at most
/// `chunkSize` bytes at a time, however much a compressed chunk expands.
public struct ByteSource {
    public static let defaultChunkSize = 4 << 20

    private let input: OpenFile?
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
        input = nil
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
    /// - Throws: ``InputError/unreadable(file:reason:)`` naming the system's reason when it cannot be opened or read:
    ///   no such file, permission denied, is a directory, too many levels of symbolic links, file name too long, …
    public init(file: String, chunkSize: Int = ByteSource.defaultChunkSize) throws {
        self.chunkSize = max(1, chunkSize)
        let opened = try OpenFile(path: file)
        input = opened
        totalBytes = opened.size
        let first = try opened.read(upTo: self.chunkSize)
        bytesRead = first.count
        if first.starts(with: [0x1F, 0x8B]) {
            inflater = try Inflater(file: file)
        }
        pending = first
        self.file = file
    }

    private let file: String

    /// The next chunk of decompressed bytes (at most the chunk size), or `nil` at the end.
    /// - Throws: ``InputError`` when reading or decompressing fails.
    public mutating func next() throws -> [UInt8]? {
        while !finished {
            if let inflater, !inflater.needsInput {
                let output = try inflater.inflate(upTo: chunkSize)
                if !output.isEmpty { return output }
            }
            let input: [UInt8]
            if let pending {
                input = pending
                self.pending = nil
            } else {
                if let file = self.input {
                    input = try file.read(upTo: chunkSize)
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
            guard let inflater else { return input }
            inflater.feed(input)
        }
        return nil
    }
}

/// A file opened for reading with the system's `open`, so that a failure names its real reason; closed when
/// the last reference goes.
final class OpenFile {
    private let descriptor: Int32
    private let path: String
    private let ownsDescriptor: Bool
    /// The size of a regular file, `nil` for standard input, pipes and devices.
    let size: Int?

    /// Opens `path`, or standard input for `-`.
    /// - Throws: ``InputError/unreadable(file:reason:)`` with the system's reason, e.g. "is a directory".
    init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY | O_CLOEXEC)
            guard opened >= 0 else { throw InputError.unreadable(file: path, reason: Self.reason(errno)) }
            descriptor = opened
            ownsDescriptor = true
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = errno
            if ownsDescriptor { close(descriptor) }
            throw InputError.unreadable(file: path, reason: Self.reason(error))
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            if ownsDescriptor { close(descriptor) }
            throw InputError.unreadable(file: path, reason: Self.reason(EISDIR))
        case S_IFREG:
            size = Int(status.st_size)
        default:
            size = nil
        }
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Up to `count` bytes; fewer only at the end of the input, none after it.
    /// - Throws: ``InputError/unreadable(file:reason:)`` when the system cannot read.
    func read(upTo count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let got = systemRead(descriptor, buffer.baseAddress! + filled, count - filled)
                if got > 0 {
                    filled += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    throw InputError.unreadable(file: path, reason: Self.reason(errno))
                }
            }
        }
    }

    /// The system's message for `code`, starting in lower case as Truce's messages do: "no such file or directory".
    static func reason(_ code: Int32) -> String {
        let message = String(cString: strerror(code))
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
