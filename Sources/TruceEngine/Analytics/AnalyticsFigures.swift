import Foundation
import TruceCore

/// The figures a monitoring report stands on, for one agreement and each of its belligerents. Every count is
/// of events (records linked as one happening count once), with the number of records beside it.
public struct AgreementAnalytics: Hashable, Codable, Sendable {
    public var agreement: AgreementID
    /// The period the daily counts cover.
    public var period: TimeSpan
    /// The agreement's zone: days are its local days.
    public var timeZone: ZoneIdentifier
    public var days: [DayCount]
    /// Every party together: an event blamed on two parties counts once.
    public var overall: PartyFigures
    /// Each belligerent: an event counts for each party accused of it.
    public var parties: [PartyFigures]
    /// Events left open because a record's time or place is too coarse, as a share of the period's events
    /// that are not out of scope; `nil` when there are none.
    public var uncertainShare: Double?
    public var outstandingConditions: [Condition]
    public var status: ComplianceStatus
    /// The rule that gave the status, in words.
    public var statusRule: String
    /// Whether the agreement had ended by the report's moment (its window closed, or every party's status is
    /// `expired`): the status then describes the whole window.
    public var ended: Bool
    /// The span whose violations gave the status: the last days before the report's moment, or the window.
    public var statusSpan: TimeSpan
    /// What data the figures rest on, and which figures they cannot support.
    public var coverage: CoverageStatement
}

/// The data behind a report's figures: the datasets, their date ranges and last import, and the figures
/// withheld because the data do not reach back far enough.
public struct CoverageStatement: Hashable, Codable, Sendable {
    /// The datasets whose records the figures rest on, by dataset.
    public var datasets: [DatasetCoverage]
    /// The latest import among them; `nil` when the store has no note of it.
    public var lastImport: Date?
    /// Whether every dataset reaches back to the baseline's start (so a rate ratio means something).
    public var coversBaseline: Bool
    /// Whether every dataset reaches back to the window's start (so a time to first violation does).
    public var coversStart: Bool
    /// Why there is no rate ratio, when there is none for want of data.
    public var rateWithheld: String?
    /// Why there is no time to first violation, when there is none for want of data.
    public var firstViolationWithheld: String?
}

/// Events on one local day, each counted once, on the day of its earliest record.
public struct DayCount: Hashable, Codable, Sendable {
    /// `YYYY-MM-DD` in the agreement's zone.
    public var date: String
    /// Violation events by evidence level (`single_claim`, `contested`, `corroborated`, `verified`).
    public var violations: [String: Int]
    public var possibleViolations: Int
    /// The records behind the day's violation events and possible-violation events.
    public var violationRecords: Int
    public var possibleViolationRecords: Int

    public var totalViolations: Int { violations.values.reduce(0, +) }
}

/// One party's (or everyone's) figures, in events, with their records.
public struct PartyFigures: Hashable, Codable, Sendable {
    /// `nil` for all parties together.
    public var party: PartyID?
    /// Violation events in the elapsed window.
    public var violations: Int
    /// The records behind them.
    public var violationRecords: Int
    /// Of the violation events, those a monitor verified; the rest are alleged.
    public var verifiedViolations: Int
    public var possibleViolations: Int
    public var possibleViolationRecords: Int
    /// Violation events per day in the elapsed window against would-be violation events per day before it;
    /// `nil` when the data do not cover the baseline.
    public var rate: RateRatio?
    /// Seconds from the window's start to the first violation alleged, corroborated and verified; `nil` when
    /// there is none, or when the data do not cover the window's start.
    public var untilFirstAlleged: TimeInterval?
    public var untilFirstCorroborated: TimeInterval?
    public var untilFirstVerified: TimeInterval?
}
