/// A statement by someone that an incident happened, and whom they blame — or a denial. Truce stores it as
/// that claimant's claim, never as fact.
public struct Claim: Hashable, Codable, Sendable {
    /// Who says so: a ministry, an outlet, a monitor.
    public var claimant: String
    /// The party the claimant speaks for, if it is an organ of a party.
    public var claimantParty: PartyID?
    /// The party the claim blames, if any; for a denial, the party said not to have done it.
    public var accused: PartyID?
    public var source: SourceReference?
    /// Whether the claim asserts the act or denies it.
    public var stance: Stance

    /// What a claim says of the act.
    public enum Stance: String, CaseIterable, Hashable, Codable, Sendable {
        /// It happened, done by ``Claim/accused`` (when named).
        case assertion
        /// ``Claim/accused`` did not do it ("Ukraine's General Staff denies involvement"). A counter-claim, that
        /// someone else did it, is an assertion of its own by the same claimant.
        case denial
        /// A reviewer of the mission examined the record and its evidence and confirms the act, done by
        /// ``Claim/accused`` (when named): the claimant is the reviewer.
        case verification
        /// A reviewer of the mission examined the record and rejects it: it does not stand as a report of the act.
        /// The record is kept with its review history, but is no longer judged against agreements (its verdicts
        /// say so), nor counted as evidence for the event it was linked to.
        case rejection
        /// A reviewer of the mission found other records (the claim's ``Claim/source`` names one) that report the
        /// same act independently: the record's event counts as corroborated. The claimant is the reviewer.
        case corroboration
    }

    public init(
        claimant: String, claimantParty: PartyID? = nil, accused: PartyID? = nil, source: SourceReference? = nil,
        stance: Stance = .assertion
    ) {
        self.claimant = claimant
        self.claimantParty = claimantParty
        self.accused = accused
        self.source = source
        self.stance = stance
    }

    /// Whether the claim denies the act.
    public var isDenial: Bool { stance == .denial }

    /// Whether a reviewer confirmed the act (see ``Stance/verification``).
    public var isVerification: Bool { stance == .verification }

    /// Whether a reviewer rejected the record (see ``Stance/rejection``).
    public var isRejection: Bool { stance == .rejection }

    /// Whether a reviewer corroborated the record with another (see ``Stance/corroboration``).
    public var isCorroboration: Bool { stance == .corroboration }

    /// Whether this is a reviewer's decision on the record rather than a source's word on the act.
    public var isReview: Bool { stance == .verification || stance == .rejection }

    /// The party this claim blames: its accused, for an assertion or a verification.
    public var blamed: PartyID? { stance == .assertion || stance == .verification ? accused : nil }
}

extension Claim {
    private enum CodingKeys: String, CodingKey { case claimant, claimantParty, accused, source, stance }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            claimant: try container.decode(String.self, forKey: .claimant),
            claimantParty: try container.decodeIfPresent(PartyID.self, forKey: .claimantParty),
            accused: try container.decodeIfPresent(PartyID.self, forKey: .accused),
            source: try container.decodeIfPresent(SourceReference.self, forKey: .source),
            stance: try container.decodeIfPresent(Stance.self, forKey: .stance) ?? .assertion)
    }

    /// `stance` is written only when it is not an assertion, so that assertions keep the JSON they had before it
    /// existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(claimant, forKey: .claimant)
        try container.encodeIfPresent(claimantParty, forKey: .claimantParty)
        try container.encodeIfPresent(accused, forKey: .accused)
        try container.encodeIfPresent(source, forKey: .source)
        if stance != .assertion { try container.encode(stance, forKey: .stance) }
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
