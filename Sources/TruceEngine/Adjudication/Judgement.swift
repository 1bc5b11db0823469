import TruceCore

/// A verdict in sixteen bytes: which incident and agreement (by position in the run's inputs), the verdict,
/// and each clause's outcome. Bulk runs produce these; ``Verdict`` values, with reasons if wanted, are built
/// from them for the pairs that matter.
public struct Judgement: Hashable, Sendable {
    /// The incident's position in the run's incidents.
    public let incident: Int32
    /// The agreement's position in the run's agreements.
    public let agreement: Int32
    public let kind: VerdictKind
    /// Each clause's outcome and uncertainty, as ``PackedChecks`` stores them.
    let packed: UInt32

    init(incident: Int, agreement: Int, kind: VerdictKind, checks: ClauseOutcomes) {
        self.incident = Int32(incident)
        self.agreement = Int32(agreement)
        self.kind = kind
        packed = checks.packed
    }

    /// The clause checks, without reasons.
    public var checks: [ClauseCheck] { ClauseOutcomes(packed: packed).checks }
}

/// The five clause checks of one pair (and whether the agreement states exceptions), held without an array.
struct ClauseOutcomes {
    var time = ClauseCheck(.time, .pass, "")
    var place = ClauseCheck(.place, .pass, "")
    var party = ClauseCheck(.party, .pass, "")
    var target = ClauseCheck(.target, .pass, "")
    var action = ClauseCheck(.action, .pass, "")
    var hasExceptions = false

    init() {}

    var checks: [ClauseCheck] {
        var all = [time, place, party, target, action]
        if hasExceptions { all.append(ClauseCheck(.exceptions, .pass, "")) }
        return all
    }

    /// The verdict these outcomes give, by the rules of ``Verdict/kind(for:)``.
    var kind: VerdictKind {
        if time.outcome == .fail || place.outcome == .fail || party.outcome == .fail { return .outOfScope }
        if target.outcome == .fail || action.outcome == .fail { return .notAViolation }
        func missing(_ check: ClauseCheck) -> Bool { check.outcome == .unknown && check.uncertainty == .missing }
        if missing(time) || missing(place) || missing(party) || missing(target) || missing(action) { return .insufficientInformation }
        func open(_ check: ClauseCheck) -> Bool { check.outcome == .unknown }
        if open(time) || open(place) || open(party) || open(target) || open(action) { return .possibleViolation }
        return .violation
    }

    /// The outcomes as ``PackedChecks`` stores them.
    var packed: UInt32 {
        func bits(_ check: ClauseCheck) -> UInt32 { PackedChecks.bits(check.outcome, check.uncertainty) }
        return PackedChecks.pack(clauseBits: (bits(time), bits(place), bits(party), bits(target), bits(action)), hasExceptions: hasExceptions)
    }

    init(packed: UInt32) {
        let checks = PackedChecks.unpack(packed)
        (time, place, party, target, action) = (checks[0], checks[1], checks[2], checks[3], checks[4])
        hasExceptions = checks.count > 5
    }
}
