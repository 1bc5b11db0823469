import Foundation

/// Text sent on in blocks of a fixed size, so that an export of any length writes through a small buffer
/// instead of building its whole text first.
public final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let send: ([UInt8]) throws -> Void

    /// - Parameter send: receives each full block, and what is left at ``flush()``.
    public init(capacity: Int = 1 << 16, send: @escaping ([UInt8]) throws -> Void) {
        self.capacity = capacity
        self.send = send
        buffer.reserveCapacity(capacity)
    }

    /// Output to a file handle (a file, or standard output).
    public convenience init(_ handle: FileHandle, capacity: Int = 1 << 16) {
        self.init(capacity: capacity) { try handle.write(contentsOf: $0) }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Lets `body` append bytes to the buffer itself, without a string in between.
    public func write(_ body: (inout [UInt8]) throws -> Void) throws {
        try body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    /// Sends what the buffer holds.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// How an export lays out its items as text: what comes before the first item, each item, what comes between
/// two, and after the last. A layout is written item by item (``ExportWriter``), so memory does not grow with
/// the number of items.
public struct ExportLayout<Item> {
    public var header: String
    public var separator: String
    public var footer: String
    /// Appends one item's text, as UTF-8, to the output's buffer.
    public var append: (Item, inout [UInt8]) throws -> Void

    /// A layout whose items are written as bytes straight into the output's buffer.
    public init(header: String = "", separator: String = "", footer: String = "", append: @escaping (Item, inout [UInt8]) throws -> Void) {
        self.header = header
        self.separator = separator
        self.footer = footer
        self.append = append
    }

    /// A layout whose items are rendered as text.
    public init(header: String = "", separator: String = "", footer: String = "", render: @escaping (Item) throws -> String) {
        self.init(header: header, separator: separator, footer: footer) { item, bytes in
            bytes.append(contentsOf: try render(item).utf8)
        }
    }

    /// One item's text.
    public func render(_ item: Item) throws -> String {
        var bytes: [UInt8] = []
        try append(item, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The whole export of `items` as one text, for small exports and tests.
    public func text(of items: some Sequence<Item>) throws -> String {
        var bytes: [UInt8] = []
        let output = BufferedOutput { bytes += $0 }
        var writer = try ExportWriter(self, to: output)
        try writer.write(items)
        try writer.finish()
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Writes an export as its items arrive, a page at a time.
public struct ExportWriter<Item> {
    private let layout: ExportLayout<Item>
    private let output: BufferedOutput
    /// How many items were written.
    public private(set) var count = 0

    /// Starts the export: writes the layout's header.
    public init(_ layout: ExportLayout<Item>, to output: BufferedOutput) throws {
        self.layout = layout
        self.output = output
        try output.write(layout.header)
    }

    public mutating func write(_ items: some Sequence<Item>) throws {
        for item in items {
            if count > 0 { try output.write(layout.separator) }
            try output.write { try layout.append(item, &$0) }
            count += 1
        }
    }

    /// Ends the export: writes the layout's footer and flushes the output.
    public func finish() throws {
        try output.write(layout.footer)
        try output.flush()
    }
}
