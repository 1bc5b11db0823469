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
    /// Two bits of outcome and two of uncertainty per clause, in ``ClauseKind`` order.
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

    /// Five bits a clause (two for the outcome, three for the uncertainty), the exceptions flag above them.
    var packed: UInt32 {
        var bits: UInt32 = hasExceptions ? 1 << 25 : 0
        for (index, check) in [time, place, party, target, action].enumerated() {
            let outcome: UInt32 = check.outcome == .pass ? 0 : check.outcome == .fail ? 1 : 2
            let uncertainty: UInt32 = switch check.uncertainty {
            case nil: 0
            case .imprecise?: 1
            case .disputed?: 2
            case .missing?: 3
            case .unattributed?: 4
            }
            bits |= (outcome | uncertainty << 2) << UInt32(index * 5)
        }
        return bits
    }

    init(packed: UInt32) {
        hasExceptions = packed & (1 << 25) != 0
        let clauses: [ClauseKind] = [.time, .place, .party, .target, .action]
        var decoded: [ClauseCheck] = []
        for (index, clause) in clauses.enumerated() {
            let field = (packed >> UInt32(index * 5)) & 0x1F
            let outcome: ClauseCheck.Outcome = [.pass, .fail, .unknown][Int(field & 3)]
            let uncertainty: ClauseCheck.Uncertainty? = [nil, .imprecise, .disputed, .missing, .unattributed][Int(field >> 2)]
            decoded.append(ClauseCheck(clause, outcome, uncertainty: uncertainty, ""))
        }
        (time, place, party, target, action) = (decoded[0], decoded[1], decoded[2], decoded[3], decoded[4])
    }
}
