/// Clause checks as verdicts are stored: each scope and substance clause's outcome and uncertainty in five
/// bits of one integer, and a flag for a stated-exceptions note, without reasons. Reasons are long and follow
/// from the incident and the agreement, so `truce explain` and the exports render them again when asked.
///
/// The five clauses are time, place, party, target and action, in that order from the lowest bits; each
/// takes two bits of outcome (pass, fail, unknown) and three of uncertainty (none, imprecise, disputed,
/// missing, unattributed). Bit 25 says the agreement states exceptions (an `exceptions` check that passes).
public enum PackedChecks {
    /// The clauses packed, in bit order.
    public static let clauses: [ClauseKind] = [.time, .place, .party, .target, .action]

    static let exceptionsFlag: UInt32 = 1 << 25

    /// The five bits of one clause's outcome and uncertainty.
    public static func bits(_ outcome: ClauseCheck.Outcome, _ uncertainty: ClauseCheck.Uncertainty?) -> UInt32 {
        let outcomeBits: UInt32 =
            switch outcome {
            case .pass: 0
            case .fail: 1
            case .unknown: 2
            }
        let uncertaintyBits: UInt32 =
            switch uncertainty {
            case nil: 0
            case .imprecise?: 1
            case .disputed?: 2
            case .missing?: 3
            case .unattributed?: 4
            }
        return outcomeBits | uncertaintyBits << 2
    }

    /// Packs the five clauses' bits (in ``clauses`` order) and the exceptions flag.
    public static func pack(clauseBits: (UInt32, UInt32, UInt32, UInt32, UInt32), hasExceptions: Bool) -> UInt32 {
        let (time, place, party, target, action) = clauseBits
        return (hasExceptions ? exceptionsFlag : 0) | time | place << 5 | party << 10 | target << 15 | action << 20
    }

    /// `checks` packed. Only the checks of ``clauses`` and an `exceptions` check are kept; a clause missing
    /// from `checks` is packed as passing. Verdicts that are stored never hold anything else: a `relevance`
    /// check fails only for incidents out of scope, which are not stored.
    public static func pack(_ checks: [ClauseCheck]) -> UInt32 {
        var packed: UInt32 = 0
        for check in checks {
            if check.clause == .exceptions { packed |= exceptionsFlag }
            if let index = clauses.firstIndex(of: check.clause) { packed |= bits(check.outcome, check.uncertainty) << UInt32(index * 5) }
        }
        return packed
    }

    /// The checks `packed` holds, in ``clauses`` order then `exceptions`, with empty reasons.
    public static func unpack(_ packed: UInt32) -> [ClauseCheck] {
        var checks = clauses.enumerated().map { index, clause in
            let field = (packed >> UInt32(index * 5)) & 0x1F
            let outcome: ClauseCheck.Outcome = [.pass, .fail, .unknown][min(2, Int(field & 3))]
            let uncertainty: ClauseCheck.Uncertainty? = [nil, .imprecise, .disputed, .missing, .unattributed][min(4, Int(field >> 2))]
            return ClauseCheck(clause, outcome, uncertainty: uncertainty, "")
        }
        if packed & exceptionsFlag != 0 { checks.append(ClauseCheck(.exceptions, .pass, "")) }
        return checks
    }
}
