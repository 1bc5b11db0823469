/// Finds where one record ends, fed the input a buffer at a time: a line end (LF, CRLF or a lone CR) outside
/// quotes ends it; a `"` at the start of a field opens a quoted field (with the `csv` dialect), where line ends,
/// delimiters and `""` are text and only a lone `"` closes it.
///
/// ``CSVReader/nextRecordBytes()`` scans a record within one buffer with it, and ``RecordStream`` uses it to
/// walk past a record longer than the maximum size without keeping its bytes. Its state carries across buffers,
/// including a `"` or a CR that ends one buffer and is only understood with the next byte.
struct RecordScanner: Sendable {
    private let delimiter: UInt8
    private let quoting: Bool
    /// Whether the scan is inside a quoted field.
    private(set) var inQuotes = false
    private var atFieldStart = true
    /// Inside quotes, the last buffer ended with a `"`: it closes the field unless a second `"` follows.
    private var quoteEndedBuffer = false
    /// The last buffer ended with a CR: inside quotes a line break already counted, outside quotes the end of the
    /// record, in both cases followed by an LF that belongs to it, if any.
    private(set) var carriageReturnEndedBuffer = false
    /// Line breaks inside the record's quoted fields so far (the one ending the record is not counted).
    private(set) var lineBreaks = 0

    init(dialect: CSVDialect) {
        delimiter = dialect.delimiter
        quoting = dialect.quoting
    }

    /// At the end of the input, whether a quoted field is still open (a `"` ending the input closes it).
    var quotedFieldIsOpen: Bool { inQuotes && !quoteEndedBuffer }

    /// Whether the record has ended with a CR that ended the last buffer (outside quotes).
    var endedAtCarriageReturn: Bool { carriageReturnEndedBuffer && !inQuotes }

    /// Reads `buffer` from `start` as the continuation of the record.
    ///
    /// - Returns: where the record's text ends and where the input after its line end starts, or `nil` when the
    ///   buffer ends first (every byte read belongs to the record; call again with the next buffer). When the record
    ///   ended at a CR closing the previous buffer, `end` is `start`.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, next: Int)? {
        let count = buffer.count
        var index = start
        guard index < count else { return nil }
        if carriageReturnEndedBuffer {
            carriageReturnEndedBuffer = false
            let lineFeed = buffer[index] == 0x0A
            if !inQuotes { return (start, lineFeed ? start + 1 : start) }
            if lineFeed { index += 1 }
        }
        if quoteEndedBuffer {
            quoteEndedBuffer = false
            if buffer[index] == 0x22 { index += 1 } else { inQuotes = false }
        }
        var inQuotes = self.inQuotes
        var atFieldStart = self.atFieldStart
        var lineBreaks = self.lineBreaks
        defer {
            self.inQuotes = inQuotes
            self.atFieldStart = atFieldStart
            self.lineBreaks = lineBreaks
        }
        let (delimiter, quoting) = (self.delimiter, self.quoting)
        let quoteBytes = Self.everyByte(0x22)
        while index < count {
            // Eight bytes at a time while they hold no line break and no quote (with quoting), inside quotes or out;
            // outside, the field-start state is then whether the last of them is a delimiter.
            let start = index
            while index + 8 <= count {
                let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let found =
                    Self.zeroByte(word ^ Self.everyByte(0x0A)) | Self.zeroByte(word ^ Self.everyByte(0x0D))
                    | (quoting ? Self.zeroByte(word ^ quoteBytes) : 0)
                if found != 0 { break }
                index += 8
            }
            if index > start && !inQuotes { atFieldStart = buffer[index - 1] == delimiter }
            if index == count { break }
            let byte = buffer[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 == count {
                        quoteEndedBuffer = true
                    } else if buffer[index + 1] == 0x22 {
                        index += 2
                        continue
                    } else {
                        inQuotes = false
                    }
                } else if byte == 0x0A {
                    lineBreaks += 1
                } else if byte == 0x0D {
                    lineBreaks += 1
                    if index + 1 == count {
                        carriageReturnEndedBuffer = true
                    } else if buffer[index + 1] == 0x0A {
                        index += 1
                    }
                }
                index += 1
                continue
            }
            if byte == delimiter {
                atFieldStart = true
            } else if byte == 0x0A {
                return (index, index + 1)
            } else if byte == 0x0D {
                if index + 1 == count {
                    carriageReturnEndedBuffer = true
                    return nil
                }
                return (index, buffer[index + 1] == 0x0A ? index + 2 : index + 1)
            } else {
                if quoting && byte == 0x22 && atFieldStart { inQuotes = true }
                atFieldStart = false
            }
            index += 1
        }
        return nil
    }

    /// `byte` in each of eight bytes.
    static func everyByte(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// Non-zero exactly when one of the eight bytes of `word` is zero.
    static func zeroByte(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}
