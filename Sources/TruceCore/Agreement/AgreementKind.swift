/// What sort of agreement this is.
public enum AgreementKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// All hostilities stop.
    case comprehensive
    /// Only a class of targets or actions is covered, e.g. energy infrastructure.
    case partial
    /// A place is covered, e.g. a demilitarised zone.
    case zonal
    /// A sea area or shipping is covered.
    case maritime
    case humanitarianPause = "humanitarian_pause"
    /// A "window of silence" for repairs, brokered locally.
    case local
    /// Declared by one side alone; binds only the declaring party.
    case unilateral
    /// Offered, not in force unless accepted.
    case proposal
}

/// The part an actor plays in an agreement.
public enum PartyRole: String, CaseIterable, Hashable, Codable, Sendable {
    /// A belligerent bound by the agreement.
    case party
    case mediator
    case guarantor
    case monitor
    /// A belligerent the agreement is offered or declared to, not bound by it unless it accepts.
    case addressee
}

/// An actor named in an agreement.
public struct AgreementParty: Hashable, Codable, Sendable {
    public var id: PartyID
    public var name: String
    public var role: PartyRole

    public init(id: PartyID, name: String, role: PartyRole) {
        self.id = id
        self.name = name
        self.role = role
    }

    /// Whether the actor is a belligerent (a party or an addressee) rather than a third party.
    public var isBelligerent: Bool { role == .party || role == .addressee }
}
