import Foundation

/// How an agreement is faring, from its violations and its status history.
public enum ComplianceStatus: String, Hashable, Codable, Sendable {
    case holding, strained, collapsing, collapsed
}

/// The rule that gives the compliance status, stated in every report beside the status. Configurable.
///
/// The rule counts events (the records linked as one happening count once), not records. While the
/// agreement runs, it looks at the last ``recentDays`` before the report's moment; once the agreement's
/// window has ended (or every party's status is `expired`), it looks at the whole window, so an expired
/// agreement shows how it fared, not the quiet after its end.
public struct StatusRule: Hashable, Codable, Sendable {
    /// The days before the report date whose violations count as recent.
    public var recentDays: Int
    /// Recent violations per day, as a share of the baseline rate, from which the agreement is strained.
    public var strainedRatio: Double
    /// The share of the baseline rate from which it is collapsing: fighting back at pre-agreement levels.
    public var collapsingRatio: Double
    /// The fewest violation events that can make an agreement collapsing, unless one is verified: a single
    /// unverified claim never does.
    public var collapsingMinimum: Int

    public init(recentDays: Int = 3, strainedRatio: Double = 0.25, collapsingRatio: Double = 1.0, collapsingMinimum: Int = 2) {
        self.recentDays = recentDays
        self.strainedRatio = strainedRatio
        self.collapsingRatio = collapsingRatio
        self.collapsingMinimum = collapsingMinimum
    }

    public static let standard = StatusRule()

    /// The rule in words, as reports print it.
    public var description: String {
        "collapsed when the status history says so for every party. Otherwise the rule counts violation events (alleged or "
            + "verified) over the last \(recentDays) day(s) before the report's moment, or over the whole window once the "
            + "agreement has ended: collapsing when they reach \(percent(collapsingRatio)) of the baseline rate per day and number "
            + "at least \(collapsingMinimum) (one verified suffices); strained when they reach \(percent(strainedRatio)) of it, or "
            + "any is corroborated or verified; holding otherwise. Without a baseline the data cover, any violation counts as "
            + "strained, and one a day or more (at least \(collapsingMinimum), or one verified) as collapsing"
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// The status for `count` violation events over `days` (of which `corroborated` corroborated or verified
    /// and `verified` verified) against the baseline rate (`nil` or 0 when there is none to compare with),
    /// unless the status history already says the agreement collapsed.
    func status(collapsed: Bool, count: Int, corroborated: Int, verified: Int, days: Double, baselineRate: Double?) -> ComplianceStatus {
        if collapsed { return .collapsed }
        guard count > 0 else { return .holding }
        let rate = Double(count) / max(days, 1)
        let enough = count >= collapsingMinimum || verified > 0
        if let baselineRate, baselineRate > 0 {
            if enough && rate >= collapsingRatio * baselineRate { return .collapsing }
            if rate >= strainedRatio * baselineRate || corroborated > 0 { return .strained }
            return .holding
        }
        return enough && rate >= 1 ? .collapsing : .strained
    }
}
