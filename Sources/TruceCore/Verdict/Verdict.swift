/// What an incident means for one agreement.
public enum VerdictKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// Every clause holds: the incident breaks the agreement.
    case violation
    /// No clause fails, but imprecision or a dispute leaves one open.
    case possibleViolation = "possible_violation"
    /// In the agreement's time, place and parties, but permitted (an uncovered target or action).
    case notAViolation = "not_a_violation"
    /// Another time, place or party.
    case outOfScope = "out_of_scope"
    /// Something the verdict needs is not reported (the target, the perpetrator, the action).
    case insufficientInformation = "insufficient_information"
}

/// The clauses a verdict is decided by.
public enum ClauseKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// Whether the record reports a hostile act at all; present only when it does not.
    case relevance
    case time, place, party, target, action, exceptions
}

/// One clause's outcome for an (incident, agreement) pair, with the values it looked at.
public struct ClauseCheck: Hashable, Codable, Sendable {
    public enum Outcome: String, Hashable, Codable, Sendable { case pass, fail, unknown }

    /// Why a clause could not be decided.
    public enum Uncertainty: String, Hashable, Codable, Sendable {
        /// The incident's time or place is too coarse (it straddles the boundary), or a strike's weapon is not stated
        /// where only some are prohibited.
        case imprecise
        /// The parties disagree (e.g. on when the agreement started), or the agreement leaves the question open
        /// (`attempts: possible`: whether an intercepted attack violates it).
        case disputed
        /// The sources do not say.
        case missing
        /// No source names a perpetrator, and not every belligerent was bound then: the act may have been
        /// a bound party's, or not.
        case unattributed
    }

    public var clause: ClauseKind
    public var outcome: Outcome
    public var uncertainty: Uncertainty?
    /// A sentence saying what was compared and why it came out so.
    public var reason: String

    public init(_ clause: ClauseKind, _ outcome: Outcome, uncertainty: Uncertainty? = nil, _ reason: String) {
        self.clause = clause
        self.outcome = outcome
        self.uncertainty = uncertainty
        self.reason = reason
    }
}

/// The judgement of one incident against one agreement, with every clause that decided it.
public struct Verdict: Hashable, Codable, Sendable {
    public var incident: IncidentID
    public var agreement: AgreementID
    public var kind: VerdictKind
    public var checks: [ClauseCheck]
    /// The version of the rules that produced it, so stored verdicts can be recomputed when rules change.
    public var rulesVersion: String

    public init(incident: IncidentID, agreement: AgreementID, kind: VerdictKind, checks: [ClauseCheck], rulesVersion: String) {
        self.incident = incident
        self.agreement = agreement
        self.kind = kind
        self.checks = checks
        self.rulesVersion = rulesVersion
    }

    /// The check of one clause.
    public func check(_ clause: ClauseKind) -> ClauseCheck? { checks.first { $0.clause == clause } }

    /// The verdict that follows from clause checks:
    /// - a failed time, place or party clause → `out_of_scope`;
    /// - otherwise a failed target or action clause → `not_a_violation`;
    /// - otherwise a clause left open for missing information → `insufficient_information`;
    /// - otherwise a clause left open by imprecision or dispute → `possible_violation`;
    /// - otherwise → `violation`.
    public static func kind(for checks: [ClauseCheck]) -> VerdictKind {
        let scope: Set<ClauseKind> = [.relevance, .time, .place, .party]
        if checks.contains(where: { $0.outcome == .fail && scope.contains($0.clause) }) { return .outOfScope }
        if checks.contains(where: { $0.outcome == .fail }) { return .notAViolation }
        if checks.contains(where: { $0.outcome == .unknown && $0.uncertainty == .missing }) { return .insufficientInformation }
        if checks.contains(where: { $0.outcome == .unknown }) { return .possibleViolation }
        return .violation
    }
}

/// An incident's evidence, from the event (the linked group of records) it belongs to.
public struct EvidenceRecord: Hashable, Codable, Sendable {
    public var incident: IncidentID
    /// The id of the incident's event: the first id of its linked group, by start then id. Records with the
    /// same group describe one event.
    public var group: IncidentID
    public var level: EvidenceLevel
    /// For a record too vague to be placed in one event (it stays an event of its own): the ids of the events
    /// it may describe. Empty otherwise.
    public var mayDescribe: [IncidentID]

    public init(incident: IncidentID, group: IncidentID, level: EvidenceLevel, mayDescribe: [IncidentID] = []) {
        self.incident = incident
        self.group = group
        self.level = level
        self.mayDescribe = mayDescribe
    }

    private enum CodingKeys: String, CodingKey { case incident, group, level, mayDescribe }

    /// Reads evidence written before `mayDescribe` existed as describing nothing more.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        incident = try container.decode(IncidentID.self, forKey: .incident)
        group = try container.decode(IncidentID.self, forKey: .group)
        level = try container.decode(EvidenceLevel.self, forKey: .level)
        mayDescribe = try container.decodeIfPresent([IncidentID].self, forKey: .mayDescribe) ?? []
    }
}
