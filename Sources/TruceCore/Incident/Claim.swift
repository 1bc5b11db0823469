/// A statement by someone that an incident happened, and whom they blame. Truce stores it as that
/// claimant's claim, never as fact.
public struct Claim: Hashable, Codable, Sendable {
    /// Who says so: a ministry, an outlet, a monitor.
    public var claimant: String
    /// The party the claimant speaks for, if it is an organ of a party.
    public var claimantParty: PartyID?
    /// The party the claim blames, if any.
    public var accused: PartyID?
    public var source: SourceReference?

    public init(claimant: String, claimantParty: PartyID? = nil, accused: PartyID? = nil, source: SourceReference? = nil) {
        self.claimant = claimant
        self.claimantParty = claimantParty
        self.accused = accused
        self.source = source
    }
}

/// A record exactly as it was read from its source, with its provenance.
public struct SourceRecord: Hashable, Codable, Sendable {
    /// The dataset or format, e.g. `truce-csv`, `acled`.
    public var dataset: String
    /// The file's name (without its directory, so the same file loaded from elsewhere is the same record).
    public var file: String
    /// The 1-based line the record starts on.
    public var line: Int
    /// The record's stable key in its dataset.
    public var key: String
    /// The dataset's release or the record's timestamp, where known.
    public var release: String?
    /// Every field as read, in file order.
    public var fields: [Field]

    public struct Field: Hashable, Codable, Sendable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(dataset: String, file: String, line: Int, key: String, release: String? = nil, fields: [Field]) {
        self.dataset = dataset
        self.file = file
        self.line = line
        self.key = key
        self.release = release
        self.fields = fields
    }

    /// The value of field `name`, if the record has it.
    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }
}
