/// Records read from a ``ByteSource`` chunk by chunk, with line numbers that run across chunks.
public struct RecordStream {
    private var source: ByteSource
    private let dialect: CSVDialect
    private var reader: CSVReader?
    private var buffer: [UInt8] = []
    private var line = 1
    private var atEnd = false

    public init(source: ByteSource, dialect: CSVDialect) {
        self.source = source
        self.dialect = dialect
    }

    /// Compressed or plain bytes read from the file so far, and its size if known.
    public var progress: (bytesRead: Int, totalBytes: Int?) { (source.bytesRead, source.totalBytes) }

    /// The next record's bytes and first line, not yet split into fields, or `nil` at the end of the input.
    /// - Throws: ``InputError`` when the input cannot be read.
    public mutating func nextRecordBytes() throws -> (bytes: ArraySlice<UInt8>, line: Int)? {
        while true {
            if let record = reader?.nextRecordBytes() { return record }
            guard try refill() else { return nil }
        }
    }

    /// The dialect records are split with.
    public var recordDialect: CSVDialect { dialect }

    /// The next record, or `nil` at the end of the input.
    /// - Throws: ``InputError`` when the input cannot be read.
    public mutating func next() throws -> CSVReader.Element? {
        while true {
            if let element = reader?.next() { return element }
            guard try refill() else { return nil }
        }
    }

    /// Starts a new buffer: what the last one left unread plus the next chunk. `false` at the end of the input.
    private mutating func refill() throws -> Bool {
        do {
            var leftover: ArraySlice<UInt8> = []
            if let reader {
                leftover = buffer[reader.consumed...]
                line = reader.nextLine
            }
            if atEnd { return false }
            if let chunk = try source.next() {
                buffer = leftover.isEmpty ? chunk : Array(leftover) + chunk
                reader = CSVReader(bytes: buffer, dialect: dialect, startLine: line, isFinal: false)
            } else {
                atEnd = true
                buffer = Array(leftover)
                reader = CSVReader(bytes: buffer, dialect: dialect, startLine: line, isFinal: true)
            }
            return true
        }
    }
}
