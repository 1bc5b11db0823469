/// The state an agreement is in, for one party or for all.
public enum AgreementStatus: String, CaseIterable, Hashable, Codable, Sendable {
    case proposed
    case accepted
    case rejected
    case inForce = "in_force"
    case suspended
    case extended
    case expired
    case collapsed
    case superseded

    /// Whether a party in this state is bound by the agreement's terms.
    public var binds: Bool { self == .inForce || self == .extended }
}

/// A dated change of an agreement's status, with its source.
public struct StatusEvent: Hashable, Codable, Sendable {
    public var at: StatedTime
    public var status: AgreementStatus
    /// The party the event concerns; `nil` for all parties.
    public var party: PartyID?
    public var note: String?
    public var source: SourceReference?

    public init(at: StatedTime, status: AgreementStatus, party: PartyID? = nil, note: String? = nil, source: SourceReference? = nil) {
        self.at = at
        self.status = status
        self.party = party
        self.note = note
        self.source = source
    }
}
