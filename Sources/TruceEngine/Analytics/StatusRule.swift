/// How an agreement is faring, from its violations and its status history.
public enum ComplianceStatus: String, Hashable, Codable, Sendable {
    case holding, strained, collapsing, collapsed
}

/// The rule that gives the compliance status, stated in every report beside the status. Configurable.
public struct StatusRule: Hashable, Codable, Sendable {
    /// The days before the report date whose violations count as recent.
    public var recentDays: Int
    /// Recent violations per day, as a share of the baseline rate, from which the agreement is strained.
    public var strainedRatio: Double
    /// The share of the baseline rate from which it is collapsing: fighting back at pre-agreement levels.
    public var collapsingRatio: Double

    public init(recentDays: Int = 3, strainedRatio: Double = 0.25, collapsingRatio: Double = 1.0) {
        self.recentDays = recentDays
        self.strainedRatio = strainedRatio
        self.collapsingRatio = collapsingRatio
    }

    public static let standard = StatusRule()

    /// The rule in words, as reports print it.
    public var description: String {
        "collapsed when the status history says so for every party; otherwise, over the last \(recentDays) day(s): "
            + "collapsing when violations per day reach \(percent(collapsingRatio)) of the baseline rate; strained when they "
            + "reach \(percent(strainedRatio)) of it, or any violation is corroborated or verified; holding otherwise. "
            + "Without a baseline, any violation in those days counts as strained and one a day or more as collapsing"
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// The status for `recent` violations (of which `recentCorroborated` corroborated or verified) against
    /// the baseline rate, unless the status history already says the agreement collapsed.
    func status(collapsed: Bool, recent: Int, recentCorroborated: Int, baselineRate: Double) -> ComplianceStatus {
        if collapsed { return .collapsed }
        let rate = Double(recent) / Double(max(recentDays, 1))
        if baselineRate > 0 {
            if rate >= collapsingRatio * baselineRate && recent > 0 { return .collapsing }
            if rate >= strainedRatio * baselineRate && recent > 0 || recentCorroborated > 0 { return .strained }
            return .holding
        }
        if rate >= 1 { return .collapsing }
        return recent > 0 ? .strained : .holding
    }
}
