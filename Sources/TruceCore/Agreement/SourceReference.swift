/// Where a fact comes from: a public address, its publication date and, optionally, a short quote.
public struct SourceReference: Hashable, Codable, Sendable {
    public var url: String
    /// Publication date as `YYYY-MM-DD`.
    public var published: String?
    public var publisher: String?
    public var title: String?
    /// A short verbatim excerpt (at most ``SourceReference/maximumQuoteLength`` characters).
    public var quote: String?

    public static let maximumQuoteLength = 300

    public init(url: String, published: String? = nil, publisher: String? = nil, title: String? = nil, quote: String? = nil) {
        self.url = url
        self.published = published
        self.publisher = publisher
        self.title = title
        self.quote = quote
    }
}
