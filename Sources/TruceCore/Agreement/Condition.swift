/// What a party demands, before an agreement takes effect or for a final settlement.
public struct Condition: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Codable, Sendable {
        /// Must be met before the agreement takes effect.
        case precondition
        /// Demanded for a final settlement.
        case settlementDemand = "settlement_demand"
        /// A step of carrying out the agreement.
        case implementation
    }

    public enum State: String, CaseIterable, Hashable, Codable, Sendable {
        case unmet
        case partlyMet = "partly_met"
        case met
        case withdrawn

        /// Whether the condition still stands unfulfilled.
        public var isOutstanding: Bool { self == .unmet || self == .partlyMet }
    }

    public var id: String
    public var holder: PartyID
    public var kind: Kind
    public var text: String
    public var state: State
    public var source: SourceReference?

    public init(id: String, holder: PartyID, kind: Kind, text: String, state: State, source: SourceReference? = nil) {
        self.id = id
        self.holder = holder
        self.kind = kind
        self.text = text
        self.state = state
        self.source = source
    }
}

/// A term of the agreement beyond its scope, e.g. reciprocity or extension by mutual agreement.
public struct Clause: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Codable, Sendable {
        /// "If one party violates, the other may consider itself free."
        case reciprocity
        /// The window may be extended by mutual agreement.
        case `extension`
        case monitoring
        case other
    }

    public var kind: Kind
    public var text: String
    public var source: SourceReference?

    public init(kind: Kind, text: String, source: SourceReference? = nil) {
        self.kind = kind
        self.text = text
        self.source = source
    }
}
